import type { Endpoint, PayloadRequest } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'

import { errorResponse, readJsonBody } from '../http/endpointHelpers.ts'
import { verifyWebhook, WebhookVerificationError } from '../webhooks/signature.ts'
import { normalizeEmail, normalizeSourcePage } from './address.ts'
import { confirmPath, providerEventsPath, subscribePath, unsubscribePath } from './links.ts'
import { escapeHtml, newsletterPage } from './mail.ts'
import { providerWebhookSecret } from './providerSecret.ts'
import {
  confirmSubscription,
  requestSubscription,
  subscriberOfUnsubscribeLink,
  suppressSubscriber,
  unsubscribe,
} from './subscriptions.ts'
import { clientAddress } from '../http/clientAddress.ts'
import { createClientLimiter, limiterRedis } from '../http/rateLimiter.ts'
import { formPostsFlag } from '../http/guardRest.ts'

const noStore = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' }

function htmlResponse(status: number, title: string, body: string): Response {
  return new Response(newsletterPage(title, body), {
    headers: { ...noStore, 'Content-Type': 'text/html; charset=utf-8' },
    status,
  })
}

/**
 * The body of a JSON or urlencoded request as plain fields. (Multipart never arrives: the
 * API guard answers 415 to it, and a sign-up form has no file to send.)
 */
async function readFields(req: PayloadRequest): Promise<Record<string, unknown>> {
  const type = req.headers.get('content-type') ?? ''
  if (type.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams((await req.text?.()) ?? ''))
  }
  const body = await readJsonBody(req)
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
}

/** A browser's form post wants a page back; an API client wants JSON. */
function wantsHtml(req: PayloadRequest): boolean {
  const type = req.headers.get('content-type') ?? ''
  const accept = req.headers.get('accept') ?? ''
  return (
    (type.includes('form') && !accept.includes('application/json')) ||
    (accept.includes('text/html') && !type.includes('json'))
  )
}

function tokenOf(req: PayloadRequest): null | string {
  return req.searchParams?.get('token') ?? new URL(req.url ?? 'http://x/').searchParams.get('token')
}

const backLink = (page: null | string) =>
  page
    ? `<p><a href="${escapeHtml(page)}">Back to the page you were reading</a></p>`
    : '<p><a href="/compare">Back to the comparisons</a></p>'

/**
 * The reader-facing newsletter routes, all anonymous and never cached:
 * `POST /api/public/newsletter/subscribe`, the confirmation link, the unsubscribe link
 * (one-click POST per RFC 8058, and a page with a button for GET), and the signed report
 * endpoint a mail provider posts bounces and complaints to.
 */
/**
 * The subscribe form works without JavaScript and RFC 8058's one-click unsubscribe is a
 * form post from the mail client: these two take `application/x-www-form-urlencoded`
 * where every other endpoint takes JSON only (src/http/guardRest.ts reads the flag).
 */
const acceptsFormPosts = { [formPostsFlag]: true }

export function createNewsletterEndpoints(options: SanitizedVerdictsOptions): Endpoint[] {
  const { rateLimit } = options.newsletter
  const limiter = createClientLimiter({ ...rateLimit, name: 'newsletter', redis: limiterRedis(options.cluster) })

  const subscribe: Endpoint = {
    handler: async (req) => {
      const html = wantsHtml(req)
      const limited = await limiter.hit(clientAddress(req.headers, options.security.trustProxy))
      if (!limited.allowed) {
        const headers = { ...noStore, 'Retry-After': String(limited.retryAfterSeconds) }
        return html
          ? new Response(
              newsletterPage('Too many requests', `<p>Please try again in ${limited.retryAfterSeconds} seconds.</p>`),
              {
                headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' },
                status: 429,
              },
            )
          : errorResponse(429, `Too many subscription requests; try again in ${limited.retryAfterSeconds} s.`, {
              headers,
            })
      }
      const fields = await readFields(req)
      const email = normalizeEmail(fields.email)
      const sourcePage = normalizeSourcePage(fields.source ?? req.headers.get('referer'))
      if (!email) {
        const message = 'email must be a valid e-mail address, such as reader@example.com.'
        return html
          ? htmlResponse(
              400,
              'That address does not look right',
              `<p>${escapeHtml(message)}</p>${backLink(sourcePage)}`,
            )
          : errorResponse(400, message, { field: 'email', headers: noStore })
      }
      await requestSubscription(req, options, { email, sourcePage })
      return html
        ? htmlResponse(
            202,
            'Check your inbox',
            `<p>We sent a confirmation link to <strong>${escapeHtml(email)}</strong>. Open it to start receiving Weekly AI Tool Verdicts; until then nothing is sent.</p>${backLink(sourcePage)}`,
          )
        : Response.json({ status: 'pending' }, { headers: noStore, status: 202 })
    },
    custom: acceptsFormPosts,
    method: 'post',
    path: subscribePath,
  }

  const confirm: Endpoint = {
    handler: async (req) => {
      const outcome = await confirmSubscription(req, options, tokenOf(req))
      switch (outcome) {
        case 'confirmed':
          return htmlResponse(
            200,
            'You are subscribed',
            '<p>Thanks for confirming. Weekly AI Tool Verdicts will arrive in your inbox every week; every issue has a one-click unsubscribe link.</p>',
          )
        case 'already-confirmed':
          return htmlResponse(
            200,
            'Already confirmed',
            '<p>Your subscription was already confirmed; nothing changed.</p>',
          )
        case 'expired':
          return htmlResponse(
            410,
            'This link has expired',
            '<p>Confirmation links work for a limited time. Subscribe again from any comparison page to get a fresh one.</p>',
          )
        default:
          return htmlResponse(
            400,
            'This link is not valid',
            '<p>The confirmation link is incomplete, was replaced by a newer one, or was not issued by us. Nothing changed.</p>',
          )
      }
    },
    method: 'get',
    path: confirmPath,
  }

  const invalidUnsubscribe = () =>
    htmlResponse(
      400,
      'This link is not valid',
      '<p>The unsubscribe link is incomplete or was not issued by us. Nothing changed. Use the link at the bottom of any newsletter.</p>',
    )

  const unsubscribePage: Endpoint = {
    // Mail scanners open links: a GET only shows the button, it never unsubscribes.
    handler: async (req) => {
      const subscriber = await subscriberOfUnsubscribeLink(req, options, tokenOf(req))
      if (!subscriber) {
        return invalidUnsubscribe()
      }
      const action = `?token=${escapeHtml(encodeURIComponent(tokenOf(req) ?? ''))}`
      return htmlResponse(
        200,
        'Unsubscribe from Weekly AI Tool Verdicts',
        `<p>Stop sending the newsletter to this address?</p><form method="post" action="${action}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`,
      )
    },
    method: 'get',
    path: unsubscribePath,
  }

  const unsubscribeOneClick: Endpoint = {
    handler: async (req) => {
      const fields = await readFields(req)
      if (fields['List-Unsubscribe'] !== 'One-Click') {
        return errorResponse(400, 'the body must be List-Unsubscribe=One-Click (RFC 8058).', {
          field: 'List-Unsubscribe',
          headers: noStore,
        })
      }
      const subscriber = await subscriberOfUnsubscribeLink(req, options, tokenOf(req))
      if (!subscriber) {
        return invalidUnsubscribe()
      }
      await unsubscribe(req, options, subscriber)
      return htmlResponse(
        200,
        'You are unsubscribed',
        '<p>This address will get no more newsletters. Changed your mind? Subscribe again from any comparison page.</p>',
      )
    },
    custom: acceptsFormPosts,
    method: 'post',
    path: unsubscribePath,
  }

  const providerEvents: Endpoint = {
    handler: async (req) => {
      const body = (await req.text?.()) ?? ''
      try {
        verifyWebhook(providerWebhookSecret(req.payload, options), req.headers, body)
      } catch (error) {
        if (error instanceof WebhookVerificationError) {
          return errorResponse(401, error.message)
        }
        throw error
      }
      let event: { email?: unknown; reason?: unknown; type?: unknown }
      try {
        event = JSON.parse(body) as typeof event
      } catch {
        return errorResponse(400, 'the body must be JSON.')
      }
      if (event?.type !== 'bounce' && event?.type !== 'complaint') {
        return errorResponse(400, 'type must be "bounce" or "complaint".', { field: 'type' })
      }
      const email = normalizeEmail(event.email)
      if (!email) {
        return errorResponse(400, 'email must be a valid e-mail address.', { field: 'email' })
      }
      const known = await suppressSubscriber(req, options, {
        email,
        kind: event.type === 'bounce' ? 'bounced' : 'complained',
        reason: typeof event.reason === 'string' ? event.reason : null,
      })
      return Response.json({ suppressed: known }, { headers: noStore })
    },
    method: 'post',
    path: providerEventsPath,
  }

  return [subscribe, confirm, unsubscribePage, unsubscribeOneClick, providerEvents]
}
