import { confirmPath, providerEventsPath, subscribePath, unsubscribePath } from './links.ts'

/**
 * The OpenAPI parts of the newsletter endpoints (endpoints.ts), merged into the served
 * document by src/public/openapi.ts. Kept beside the handlers so that a change to what they
 * answer and to what the document says is one change. Besides the handlers' own answers,
 * the guarded REST route (src/http/guardRest.ts) answers 413 and 415 before they run.
 */
export function newsletterOpenApi({ maxBodyBytes }: { maxBodyBytes: number }) {
  const errors = { $ref: '#/components/schemas/Errors' }
  const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } })
  const html = { 'text/html': { schema: { type: 'string' } } }
  /** A body these routes take as JSON or as a form post (the page's form, a mail client's one-click). */
  const jsonOrForm = (schema: Record<string, unknown>) => ({
    content: { ...json(schema), 'application/x-www-form-urlencoded': { schema } },
    required: true,
  })
  // Every newsletter answer is personal to one address and one link: never cached, never indexed.
  const headers = {
    'Cache-Control': { schema: { const: 'no-store', type: 'string' } },
    'X-Robots-Tag': { schema: { const: 'noindex', type: 'string' } },
  }
  const page = (description: string) => ({ content: html, description, headers })
  const tooLarge = {
    '413': { content: json(errors), description: `The body is larger than ${maxBodyBytes} bytes.` },
  }
  const jsonOnly = {
    '415': {
      content: json(errors),
      description: 'The body is not application/json (`field` is `Content-Type`).',
    },
  }
  const formOrJson = {
    '415': {
      content: json(errors),
      description:
        'The body is neither application/json nor application/x-www-form-urlencoded (multipart included); `field` is `Content-Type`.',
    },
  }
  const token = (description: string) => ({
    description,
    in: 'query',
    name: 'token',
    required: true,
    schema: { type: 'string' },
  })
  const unsubscribeToken = token(
    'The signed token of the link in every issue (and in its List-Unsubscribe header). It never expires; a missing or forged one, or one for an erased subscriber, gets a 400 page.',
  )
  const webhookHeader = (name: string, description: string) => ({
    description,
    in: 'header',
    name,
    required: true,
    schema: { type: 'string' },
  })
  const subscribeFields = {
    properties: {
      email: {
        description: 'Trimmed and lower-cased; at most 254 characters.',
        format: 'email',
        type: 'string',
      },
      source: {
        description:
          'The site path the reader subscribed from (an absolute http(s) URL counts by its path), kept as consent evidence; the Referer when absent. Ignored unless it is a path such as /compare/a-vs-b.',
        type: 'string',
      },
    },
    required: ['email'],
    type: 'object',
  }
  const oneClick = {
    properties: {
      'List-Unsubscribe': {
        const: 'One-Click',
        description: 'RFC 8058: what a mail client posts for the List-Unsubscribe-Post header of every issue.',
        type: 'string',
      },
    },
    required: ['List-Unsubscribe'],
    type: 'object',
  }

  return {
    schemas: {
      NewsletterProviderEvent: {
        properties: {
          email: { type: 'string' },
          reason: { description: 'Kept on the subscriber when it is text.', type: 'string' },
          type: { enum: ['bounce', 'complaint'], type: 'string' },
        },
        required: ['type', 'email'],
        type: 'object',
      },
      NewsletterSubscribeAccepted: {
        additionalProperties: false,
        properties: { status: { const: 'pending', type: 'string' } },
        required: ['status'],
        type: 'object',
      },
      NewsletterSuppressed: {
        additionalProperties: false,
        properties: {
          suppressed: {
            description: 'Whether the address belonged to a subscriber (false for an unknown address).',
            type: 'boolean',
          },
        },
        required: ['suppressed'],
        type: 'object',
      },
    },
    paths: {
      [`/api${subscribePath}`]: {
        post: {
          description:
            'Double opt-in: a valid address gets a confirmation mail (at most every 10 minutes while pending; none once confirmed, bounced or complained) and nothing is sent until it is confirmed. Every valid address gets the same 202, so the answer says nothing about who subscribed. The answer is an HTML page instead of JSON when the body is a form and Accept does not name application/json, or when Accept names text/html and the body is not JSON. Rate-limited per client address.',
          operationId: 'subscribeToNewsletter',
          requestBody: jsonOrForm(subscribeFields),
          responses: {
            '202': {
              content: { ...json({ $ref: '#/components/schemas/NewsletterSubscribeAccepted' }), ...html },
              description: 'Accepted: a confirmation link is on its way (or the address needs none).',
              headers,
            },
            '400': {
              content: { ...json(errors), ...html },
              description:
                'Not a valid e-mail address (`field` is `email`; a page saying so, with a link back, for a form), or a JSON body that is not an object (`field` is `body`). Nothing is written.',
            },
            ...tooLarge,
            ...formOrJson,
            '429': {
              content: { ...json(errors), ...html },
              description: 'Too many subscription requests from this client address.',
              headers: {
                ...headers,
                'Retry-After': {
                  description: 'Seconds until the window resets.',
                  schema: { minimum: 0, type: 'integer' },
                },
              },
            },
          },
        },
      },
      [`/api${confirmPath}`]: {
        get: {
          description:
            'The link in the confirmation mail. Opening it confirms the subscription and records the consent.',
          operationId: 'confirmNewsletterSubscription',
          parameters: [
            token('The signed token of the confirmation mail: the subscriber, the confirmation and an expiry.'),
          ],
          responses: {
            '200': page('Subscribed, or already confirmed (then nothing changes).'),
            '400': page(
              'Missing, forged or tampered token, one replaced by a newer request, or one for a subscription no longer pending (unsubscribed, suppressed or erased). Nothing changes.',
            ),
            '410': page('The link has expired; subscribing again sends a fresh one. Nothing changes.'),
          },
        },
      },
      [`/api${unsubscribePath}`]: {
        get: {
          description:
            'The page the unsubscribe link opens: a button that posts List-Unsubscribe=One-Click to the same URL. Opening it does not unsubscribe (mail scanners open links).',
          operationId: 'showNewsletterUnsubscribe',
          parameters: [unsubscribeToken],
          responses: {
            '200': page('The page with the "Unsubscribe" button.'),
            '400': page('The token is missing, not ours, or names an erased subscriber. Nothing changes.'),
          },
        },
        post: {
          description:
            'One-click unsubscribe (RFC 8058), what mail clients post for the List-Unsubscribe and List-Unsubscribe-Post: List-Unsubscribe=One-Click headers of every issue. Repeating it is harmless.',
          operationId: 'unsubscribeFromNewsletter',
          parameters: [unsubscribeToken],
          requestBody: jsonOrForm(oneClick),
          responses: {
            '200': page(
              'Unsubscribed: no more newsletters to this address (a bounced or complained address stays suppressed).',
            ),
            '400': {
              content: { ...json(errors), ...html },
              description:
                'JSON when the body is not List-Unsubscribe=One-Click (`field` is `List-Unsubscribe`) or a JSON body is not an object (`field` is `body`); a page when the token is missing, not ours, or names an erased subscriber. Nothing changes.',
            },
            ...tooLarge,
            ...formOrJson,
          },
        },
      },
      [`/api${providerEventsPath}`]: {
        post: {
          description:
            'Bounce and complaint reports from the mail provider, signed per Standard Webhooks with `newsletter.providerWebhookSecret`. The subscriber is never mailed again (a complaint outranks a bounce), even if the address subscribes again.',
          operationId: 'reportNewsletterProviderEvent',
          parameters: [
            webhookHeader('webhook-id', 'The delivery id, part of the signed content.'),
            webhookHeader('webhook-timestamp', 'Unix seconds; refused when more than 300 s from now.'),
            webhookHeader(
              'webhook-signature',
              'Space-separated `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`.',
            ),
          ],
          requestBody: {
            content: json({ $ref: '#/components/schemas/NewsletterProviderEvent' }),
            required: true,
          },
          responses: {
            '200': {
              content: json({ $ref: '#/components/schemas/NewsletterSuppressed' }),
              description: 'Recorded.',
              headers,
            },
            '400': {
              content: json(errors),
              description: 'A bad `type` or `email`, or a body that is not a JSON object; `field` names it.',
            },
            '401': {
              content: json(errors),
              description: 'Missing signature headers, a timestamp out of range, or a signature that does not match.',
            },
            ...tooLarge,
            ...jsonOnly,
          },
        },
      },
    },
  }
}
