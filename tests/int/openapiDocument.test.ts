import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { HttpResult } from '../helpers/newsletter.ts'

import { providerWebhookSecret } from '../../src/newsletter/providerSecret.ts'
import { pluginOptionsOf } from '../../src/pluginOptions.ts'
import { webhookHeaders } from '../../src/webhooks/signature.ts'
import { httpCall } from '../helpers/newsletter.ts'
import { schemaErrors } from '../helpers/openapi.ts'
import { startTestPayload } from '../helpers/payload.ts'

type Operation = {
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }>; headers?: object }>
}
type Document = Parameters<typeof schemaErrors>[0] & { paths: Record<string, Record<string, Operation>> }

let payload: Payload
let openapi: Document

beforeAll(async () => {
  payload = await startTestPayload('openapiDocument', {
    plugin: { newsletter: { rateLimit: { max: 3, windowSeconds: 600 } } },
  })
  const served = await httpCall(payload, 'GET', '/api/public/openapi.json')
  expect(served.status).toBe(200)
  openapi = served.json() as unknown as Document
})

afterAll(async () => {
  await payload?.destroy()
})

/** `METHOD /api/path/{param}` for every route, as the app registers them and as the document lists them. */
const servedRoutes = () =>
  (payload.config.endpoints ?? [])
    .filter((endpoint) => endpoint.path.startsWith('/public/'))
    .map((endpoint) => `${endpoint.method.toUpperCase()} /api${endpoint.path.replace(/:(\w+)/g, '{$1}')}`)
    .sort()
const documentedRoutes = () =>
  Object.entries(openapi.paths)
    .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
    .sort()

/**
 * Whether a real answer is one the document lists for that operation: its status, its media
 * type, and (for a JSON answer with a named schema) its body. Returns what does not match.
 */
function undocumented(method: string, path: string, response: HttpResult): string[] {
  const documented = openapi.paths[path]?.[method.toLowerCase()]?.responses[String(response.status)]
  if (!documented) {
    return [`${method} ${path}: status ${response.status} is not documented`]
  }
  const mediaType = (response.headers.get('content-type') ?? '').split(';')[0].trim()
  const content = documented.content?.[mediaType]
  if (!content) {
    return [`${method} ${path} ${response.status}: ${mediaType} is not documented`]
  }
  const ref = content.schema?.$ref?.replace('#/components/schemas/', '')
  return ref && mediaType === 'application/json' ? schemaErrors(openapi, ref, response.json()) : []
}

describe('GET /api/public/openapi.json', () => {
  it('lists exactly the public routes the app serves, each with its methods', () => {
    const served = servedRoutes()
    // The sanity floor: the newsletter's routes are among those served.
    expect(served).toEqual(
      expect.arrayContaining([
        'GET /api/public/newsletter/confirm',
        'GET /api/public/newsletter/unsubscribe',
        'POST /api/public/newsletter/provider-events',
        'POST /api/public/newsletter/subscribe',
        'POST /api/public/newsletter/unsubscribe',
      ]),
    )
    expect(documentedRoutes()).toEqual(served)
  })
})

describe('newsletter answers match the document', () => {
  const subscribe = (body: string, contentType: string, accept?: string) =>
    httpCall(payload, 'POST', '/api/public/newsletter/subscribe', { accept, body, contentType })

  it('subscribe: the JSON 202 and 400 bodies, and the HTML pages a form gets', async () => {
    const path = '/api/public/newsletter/subscribe'
    const accepted = await subscribe(JSON.stringify({ email: 'doc.reader@example.com' }), 'application/json')
    expect(accepted.status).toBe(202)
    expect(undocumented('POST', path, accepted)).toEqual([])
    const invalid = await subscribe(JSON.stringify({ email: 'not an address' }), 'application/json')
    expect(invalid.status).toBe(400)
    expect(invalid.json()).toMatchObject({ errors: [{ field: 'email' }] })
    expect(undocumented('POST', path, invalid)).toEqual([])
    // The schemas are not so loose that anything passes.
    expect(schemaErrors(openapi, 'NewsletterSubscribeAccepted', { status: 'confirmed' })).not.toEqual([])
    expect(schemaErrors(openapi, 'Errors', accepted.json())).not.toEqual([])

    const form = await subscribe('email=form.doc%40example.com', 'application/x-www-form-urlencoded')
    expect(form.status).toBe(202)
    expect(form.headers.get('content-type')).toMatch(/^text\/html/)
    expect(undocumented('POST', path, form)).toEqual([])

    // The limit (3 in this suite) is reached: 429 with Retry-After, as documented.
    const limited = await subscribe(JSON.stringify({ email: 'doc.reader@example.com' }), 'application/json')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(undocumented('POST', path, limited)).toEqual([])
    expect(openapi.paths[path].post.responses['429'].headers).toHaveProperty('Retry-After')
  })

  it('confirm and unsubscribe: pages for bad tokens, JSON naming List-Unsubscribe for a bad body', async () => {
    const confirm = await httpCall(payload, 'GET', '/api/public/newsletter/confirm?token=forged')
    expect(confirm.status).toBe(400)
    expect(undocumented('GET', '/api/public/newsletter/confirm', confirm)).toEqual([])
    const page = await httpCall(payload, 'GET', '/api/public/newsletter/unsubscribe?token=forged')
    expect(page.status).toBe(400)
    expect(undocumented('GET', '/api/public/newsletter/unsubscribe', page)).toEqual([])
    const noBody = await httpCall(payload, 'POST', '/api/public/newsletter/unsubscribe?token=forged', {
      body: 'List-Unsubscribe=Later',
      contentType: 'application/x-www-form-urlencoded',
    })
    expect(noBody.status).toBe(400)
    expect(noBody.json()).toMatchObject({ errors: [{ field: 'List-Unsubscribe' }] })
    expect(undocumented('POST', '/api/public/newsletter/unsubscribe', noBody)).toEqual([])
  })

  it('provider-events: 200 {suppressed} when signed, 401 when not, 415 for a form', async () => {
    const path = '/api/public/newsletter/provider-events'
    const body = JSON.stringify({ email: 'nobody@example.com', type: 'bounce' })
    const secret = providerWebhookSecret(payload, pluginOptionsOf(payload))
    const signed = await httpCall(payload, 'POST', path, {
      body,
      headers: webhookHeaders(secret, 'evt_doc', Math.floor(Date.now() / 1000), body),
    })
    expect(signed.status).toBe(200)
    expect(signed.json()).toEqual({ suppressed: false })
    expect(undocumented('POST', path, signed)).toEqual([])
    const unsigned = await httpCall(payload, 'POST', path, { body, contentType: 'application/json' })
    expect(unsigned.status).toBe(401)
    expect(undocumented('POST', path, unsigned)).toEqual([])
    const form = await httpCall(payload, 'POST', path, {
      body: 'type=bounce',
      contentType: 'application/x-www-form-urlencoded',
    })
    expect(form.status).toBe(415)
    expect(undocumented('POST', path, form)).toEqual([])
  })
})
