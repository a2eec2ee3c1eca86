import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { LoopbackSmtp } from '../helpers/smtpServer.ts'

import { createSmtpEmailAdapter } from '../../src/email/smtpEmailAdapter.ts'
import { providerWebhookSecret } from '../../src/newsletter/providerSecret.ts'
import { signNewsletterToken } from '../../src/newsletter/tokens.ts'
import { pluginOptionsOf } from '../../src/pluginOptions.ts'
import { webhookHeaders } from '../../src/webhooks/signature.ts'
import { accounts, createFixtures, password, slugs } from '../helpers/fixtures.ts'
import { httpCall, linkTo, pathOf } from '../helpers/newsletter.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient, tokenFor } from '../helpers/rest.ts'
import { startLoopbackSmtp } from '../helpers/smtpServer.ts'

let payload: Payload
let smtp: LoopbackSmtp

beforeAll(async () => {
  smtp = await startLoopbackSmtp()
  payload = await startTestPayload('newsletterSubscribe', {
    email: createSmtpEmailAdapter({ from: 'Weekly AI Tool Verdicts <news@verdicts.example>', url: smtp.url }),
    // Clients are told apart by the X-Forwarded-For the test sends, as behind one proxy.
    plugin: {
      newsletter: { publicUrl: 'https://verdicts.example', rateLimit: { max: 8, windowSeconds: 60 } },
      security: { trustProxy: 1 },
    },
  })
  await createFixtures(payload)
})

afterAll(async () => {
  await payload?.destroy()
  await smtp?.stop()
})

type Subscriber = {
  consent?: { confirmation?: null | string; confirmedAt?: null | string; page?: null | string }
  email: string
  id: number | string
  sourcePage?: null | string
  status: string
  updatedAt: string
}

async function subscriberByEmail(email: string): Promise<Subscriber | undefined> {
  const { docs } = await payload.find({
    collection: slugs.subscribers,
    depth: 0,
    overrideAccess: true,
    where: { email: { equals: email } },
  })
  return docs[0] as Subscriber | undefined
}

const subscribeJson = (email: unknown, ip?: string) =>
  httpCall(payload, 'POST', '/api/public/newsletter/subscribe', {
    body: JSON.stringify({ email, source: '/compare/alpha-vs-beta' }),
    contentType: 'application/json',
    ip,
  })

describe('subscribing (double opt-in)', () => {
  let confirmLink: string

  it('answers 202 pending and mails a confirmation link through the SMTP server, text and HTML', async () => {
    const response = await subscribeJson('  Reader.One@Example.com ')
    expect(response.status).toBe(202)
    expect(response.json()).toEqual({ status: 'pending' })
    await smtp.waitFor(1)
    const mail = smtp.messages[0]
    expect(mail.envelopeTo).toEqual(['reader.one@example.com'])
    expect(mail.from?.value[0]).toEqual({ address: 'news@verdicts.example', name: 'Weekly AI Tool Verdicts' })
    expect(mail.subject).toBe('Confirm your subscription to Weekly AI Tool Verdicts')
    confirmLink = linkTo(mail.text ?? '', '/api/public/newsletter/confirm')
    expect(confirmLink.startsWith('https://verdicts.example/api/public/newsletter/confirm?token=')).toBe(true)
    expect(linkTo(String(mail.html), '/api/public/newsletter/confirm')).toBe(confirmLink)
    const subscriber = await subscriberByEmail('reader.one@example.com')
    expect(subscriber).toMatchObject({ sourcePage: '/compare/alpha-vs-beta', status: 'pending' })
  })

  it('gives the same answer for an address already pending, and does not mail it again at once', async () => {
    const again = await subscribeJson('reader.one@example.com')
    expect(again.status).toBe(202)
    expect(again.json()).toEqual({ status: 'pending' })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(smtp.received()).toBe(1)
  })

  it('refuses a forged or expired link with a clear page and changes nothing', async () => {
    const subscriber = (await subscriberByEmail('reader.one@example.com'))!
    const token = new URL(confirmLink).searchParams.get('token')!
    const forged = await httpCall(
      payload,
      'GET',
      `/api/public/newsletter/confirm?token=${encodeURIComponent(token.slice(0, -2) + 'xx')}`,
    )
    expect(forged.status).toBe(400)
    expect(forged.headers.get('content-type')).toContain('text/html')
    expect(forged.body).toContain('This link is not valid')

    const { docs } = await payload.find({
      collection: slugs.subscribers,
      context: { verdictsNewsletterSystem: true },
      overrideAccess: true,
      where: { id: { equals: subscriber.id } },
    })
    const confirmation = (docs[0] as unknown as { confirmationId: string }).confirmationId
    const expiredToken = signNewsletterToken(payload.secret, {
      confirmation,
      expiresAt: Math.floor(Date.now() / 1000) - 60,
      purpose: 'confirm',
      subscriber: subscriber.id,
    })
    const expired = await httpCall(
      payload,
      'GET',
      `/api/public/newsletter/confirm?token=${encodeURIComponent(expiredToken)}`,
    )
    expect(expired.status).toBe(410)
    expect(expired.body).toContain('This link has expired')

    const missing = await httpCall(payload, 'GET', '/api/public/newsletter/confirm')
    expect(missing.status).toBe(400)
    expect((await subscriberByEmail('reader.one@example.com'))!.status).toBe('pending')
  })

  it('confirms on a plain GET of the link, records the consent, and is idempotent', async () => {
    const first = await httpCall(payload, 'GET', pathOf(confirmLink))
    expect(first.status).toBe(200)
    expect(first.body).toContain('You are subscribed')
    const confirmed = (await subscriberByEmail('reader.one@example.com'))!
    expect(confirmed.status).toBe('confirmed')
    expect(confirmed.consent?.page).toBe('/compare/alpha-vs-beta')
    expect(confirmed.consent?.confirmation).toMatch(/^[0-9a-f-]{36}$/)
    expect(Date.now() - new Date(confirmed.consent!.confirmedAt!).getTime()).toBeLessThan(60_000)

    const second = await httpCall(payload, 'GET', pathOf(confirmLink))
    expect(second.status).toBe(200)
    expect(second.body).toContain('Already confirmed')
    expect((await subscriberByEmail('reader.one@example.com'))!.updatedAt).toBe(confirmed.updatedAt)
  })

  it('answers a confirmed address exactly like a new one, and mails nothing', async () => {
    const response = await subscribeJson('reader.one@example.com')
    expect(response.status).toBe(202)
    expect(response.json()).toEqual({ status: 'pending' })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(smtp.received()).toBe(1)
    expect((await subscriberByEmail('reader.one@example.com'))!.status).toBe('confirmed')
  })

  it("accepts the form encoding of the page's form and answers with a page", async () => {
    const response = await httpCall(payload, 'POST', '/api/public/newsletter/subscribe', {
      accept: 'text/html,application/xhtml+xml',
      body: new URLSearchParams({ email: 'form.reader@example.org', source: '/compare' }).toString(),
      contentType: 'application/x-www-form-urlencoded',
      ip: '198.51.100.20',
    })
    expect(response.status).toBe(202)
    expect(response.headers.get('content-type')).toContain('text/html')
    expect(response.body).toContain('Check your inbox')
    expect(response.body).toContain('form.reader@example.org')
    expect(await subscriberByEmail('form.reader@example.org')).toMatchObject({
      sourcePage: '/compare',
      status: 'pending',
    })
    await smtp.waitFor(2)
  })

  it.each([
    ['no address', {}],
    ['an address without a domain', { email: 'reader@' }],
    ['two addresses', { email: 'a@example.com, b@example.com' }],
    ['a number', { email: 42 }],
  ])('answers 400 naming email for %s, and writes nothing', async (_, body) => {
    const before = await payload.count({ collection: slugs.subscribers, overrideAccess: true })
    const response = await httpCall(payload, 'POST', '/api/public/newsletter/subscribe', {
      body: JSON.stringify(body),
      contentType: 'application/json',
      ip: '198.51.100.30',
    })
    expect(response.status).toBe(400)
    expect(response.json()).toEqual({ errors: [{ field: 'email', message: expect.stringContaining('email') }] })
    expect((await payload.count({ collection: slugs.subscribers, overrideAccess: true })).totalDocs).toBe(
      before.totalDocs,
    )
  })

  it('answers 400 naming email with a page for a bad address from the form, and for a body that is not JSON', async () => {
    const form = await httpCall(payload, 'POST', '/api/public/newsletter/subscribe', {
      accept: 'text/html',
      body: 'email=not-an-address',
      contentType: 'application/x-www-form-urlencoded',
      ip: '198.51.100.31',
    })
    expect(form.status).toBe(400)
    expect(form.body).toContain('email must be a valid e-mail address')
    const garbage = await httpCall(payload, 'POST', '/api/public/newsletter/subscribe', {
      body: '{"email":',
      contentType: 'application/json',
      ip: '198.51.100.31',
    })
    // The API's guard answers first: the body is not JSON.
    expect(garbage.status).toBe(400)
    expect(garbage.json()).toMatchObject({ errors: [{ field: 'body' }] })
  })

  it('limits requests per client address like votes: 429 with Retry-After, other clients unaffected', async () => {
    const statuses: number[] = []
    for (let index = 0; index < 9; index += 1) {
      statuses.push((await subscribeJson(`flood${index}@example.com`, '203.0.113.99')).status)
    }
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(202))
    const limited = await subscribeJson('flood-last@example.com', '203.0.113.99')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await subscriberByEmail('flood-last@example.com')).toBeUndefined()
    expect((await subscribeJson('someone.else@example.com', '203.0.113.100')).status).toBe(202)
  })
})

describe('who sees subscribers', () => {
  it('lets admins and editors read them, and nobody write their status through the API', async () => {
    const rest = restClient(payload)
    const editor = await tokenFor(payload, accounts.editor.email, password)
    const admin = await tokenFor(payload, accounts.admin.email, password)
    const list = await rest.request<{ docs: Subscriber[] }>('GET', '/subscribers?limit=100', { token: editor })
    expect(list.status).toBe(200)
    expect(list.body.docs.map((doc) => doc.email)).toContain('reader.one@example.com')
    expect(list.body.docs.every((doc) => !('confirmationId' in doc))).toBe(true)

    const id = (await subscriberByEmail('form.reader@example.org'))!.id
    for (const token of [editor, admin]) {
      const patch = await rest.request('PATCH', `/subscribers/${id}`, { body: { status: 'confirmed' }, token })
      expect(patch.status).toBe(403)
      const create = await rest.request('POST', '/subscribers', {
        body: { email: 'forced@example.com', status: 'confirmed' },
        token,
      })
      expect(create.status).toBe(403)
    }
    expect((await subscriberByEmail('form.reader@example.org'))!.status).toBe('pending')
    expect(await subscriberByEmail('forced@example.com')).toBeUndefined()

    // A reader who asks to be forgotten: admins erase, editors cannot.
    const flood = (await subscriberByEmail('flood0@example.com'))!.id
    expect((await rest.request('DELETE', `/subscribers/${flood}`, { token: editor })).status).toBe(403)
    expect((await rest.request('DELETE', `/subscribers/${flood}`, { token: admin })).status).toBe(200)
    expect(await subscriberByEmail('flood0@example.com')).toBeUndefined()
  })

  it('denies reviewers and anonymous callers, through REST and GraphQL', async () => {
    const rest = restClient(payload)
    const reviewer = await tokenFor(payload, accounts.reviewer.email, password)
    for (const token of [reviewer, undefined]) {
      const list = await rest.request('GET', '/subscribers', { token })
      expect(list.status).toBe(403)
      const deliveries = await rest.request('GET', '/newsletter-deliveries', { token })
      expect(deliveries.status).toBe(403)
      const graphql = await rest.graphql('{ Subscribers { docs { email } } }', token)
      expect(JSON.stringify(graphql.body)).not.toContain('@example.com')
      expect((graphql.body as { errors?: unknown[] }).errors?.length).toBeGreaterThan(0)
    }
  })
})

describe('unsubscribing (RFC 8058 one-click)', () => {
  const unsubscribeLinkFor = (id: number | string) =>
    `/api/public/newsletter/unsubscribe?token=${encodeURIComponent(signNewsletterToken(payload.secret, { purpose: 'unsubscribe', subscriber: id }))}`

  it('shows a page with a button on GET and changes nothing (mail scanners prefetch links)', async () => {
    const subscriber = (await subscriberByEmail('reader.one@example.com'))!
    const page = await httpCall(payload, 'GET', unsubscribeLinkFor(subscriber.id))
    expect(page.status).toBe(200)
    expect(page.body).toMatch(
      /<form method="post"[^>]*><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe<\/button>/,
    )
    expect((await subscriberByEmail('reader.one@example.com'))!.status).toBe('confirmed')
  })

  it('unsubscribes at once on POST List-Unsubscribe=One-Click, and again is harmless', async () => {
    const subscriber = (await subscriberByEmail('reader.one@example.com'))!
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await httpCall(payload, 'POST', unsubscribeLinkFor(subscriber.id), {
        body: 'List-Unsubscribe=One-Click',
        contentType: 'application/x-www-form-urlencoded',
      })
      expect(response.status).toBe(200)
      expect(response.body).toContain('You are unsubscribed')
    }
    expect((await subscriberByEmail('reader.one@example.com'))!.status).toBe('unsubscribed')
  })

  it('refuses a POST without the one-click body (400 naming it) and a forged link (400 page)', async () => {
    const subscriber = (await subscriberByEmail('someone.else@example.com'))!
    const noBody = await httpCall(payload, 'POST', unsubscribeLinkFor(subscriber.id), {
      body: '',
      contentType: 'application/x-www-form-urlencoded',
    })
    expect(noBody.status).toBe(400)
    expect(noBody.json()).toMatchObject({ errors: [{ field: 'List-Unsubscribe' }] })
    const forged = await httpCall(payload, 'POST', `${unsubscribeLinkFor(subscriber.id)}x`, {
      body: 'List-Unsubscribe=One-Click',
      contentType: 'application/x-www-form-urlencoded',
    })
    expect(forged.status).toBe(400)
    expect(forged.body).toContain('This link is not valid')
    expect((await subscriberByEmail('someone.else@example.com'))!.status).toBe('pending')
  })

  it('lets an unsubscribed reader subscribe again, with a new confirmation (the old link no longer works)', async () => {
    const before = smtp.received()
    expect((await subscribeJson('reader.one@example.com', '198.51.100.40')).status).toBe(202)
    await smtp.waitFor(before + 1)
    expect((await subscriberByEmail('reader.one@example.com'))!.status).toBe('pending')
    const newLink = linkTo(smtp.messages[smtp.messages.length - 1].text ?? '', '/api/public/newsletter/confirm')
    const oldLink = linkTo(smtp.messages[0].text ?? '', '/api/public/newsletter/confirm')
    expect(smtp.messages[0].envelopeTo).toEqual(['reader.one@example.com'])
    expect(newLink).not.toBe(oldLink)
    expect((await httpCall(payload, 'GET', pathOf(oldLink))).status).toBe(400)
    expect((await httpCall(payload, 'GET', pathOf(newLink))).status).toBe(200)
    expect((await subscriberByEmail('reader.one@example.com'))!.status).toBe('confirmed')
  })
})

describe('bounce and complaint reports', () => {
  const report = (event: unknown, secret?: string) => {
    const body = JSON.stringify(event)
    const headers = webhookHeaders(
      secret ?? providerWebhookSecret(payload, pluginOptionsOf(payload)),
      `evt_${Math.random()}`,
      Math.floor(Date.now() / 1000),
      body,
    )
    return httpCall(payload, 'POST', '/api/public/newsletter/provider-events', { body, headers })
  }

  it('marks the subscriber bounced or complained on a signed report', async () => {
    const bounced = await report({ email: 'Reader.One@example.com', reason: '550 mailbox unavailable', type: 'bounce' })
    expect(bounced.status).toBe(200)
    expect(bounced.json()).toEqual({ suppressed: true })
    expect(await subscriberByEmail('reader.one@example.com')).toMatchObject({ status: 'bounced' })
    await report({ email: 'reader.one@example.com', type: 'complaint' })
    expect((await subscriberByEmail('reader.one@example.com'))!.status).toBe('complained')
    expect((await report({ email: 'nobody@example.com', type: 'bounce' })).json()).toEqual({ suppressed: false })
  })

  it('keeps a suppressed address suppressed when someone subscribes it again', async () => {
    const before = smtp.received()
    expect((await subscribeJson('reader.one@example.com', '198.51.100.41')).status).toBe(202)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(smtp.received()).toBe(before)
    expect((await subscriberByEmail('reader.one@example.com'))!.status).toBe('complained')
  })

  it('refuses unsigned or wrongly signed reports (401) and bad fields (400 naming them)', async () => {
    const unsigned = await httpCall(payload, 'POST', '/api/public/newsletter/provider-events', {
      body: JSON.stringify({ email: 'form.reader@example.org', type: 'bounce' }),
      contentType: 'application/json',
    })
    expect(unsigned.status).toBe(401)
    expect((await report({ email: 'form.reader@example.org', type: 'bounce' }, 'whsec_d3Jvbmc=')).status).toBe(401)
    expect((await report({ email: 'form.reader@example.org', type: 'unknown' })).json()).toMatchObject({
      errors: [{ field: 'type' }],
    })
    expect((await report({ email: 'nope', type: 'bounce' })).json()).toMatchObject({ errors: [{ field: 'email' }] })
    expect((await subscriberByEmail('form.reader@example.org'))!.status).toBe('pending')
  })
})

describe('the scheduled compose task', () => {
  it("composes the week's draft issue once per slot through the jobs queue", async () => {
    const runOnce = async () => {
      await payload.jobs.queue({ input: {}, queue: 'verdicts-newsletter', task: 'verdictsComposeNewsletter' })
      await payload.jobs.run({ queue: 'verdicts-newsletter' })
    }
    await runOnce()
    const first = await payload.find({ collection: slugs.newsletterIssues, draft: true })
    expect(first.totalDocs).toBe(1)
    expect(first.docs[0]).toMatchObject({
      title: expect.stringMatching(/^Weekly AI Tool Verdicts: /),
      workflowStage: 'draft',
    })
    // The latest slot has passed and an issue exists since: nothing more until next week's slot.
    await runOnce()
    expect((await payload.find({ collection: slugs.newsletterIssues, draft: true })).totalDocs).toBe(1)
  })
})
