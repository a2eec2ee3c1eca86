import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Fixtures, Id } from '../helpers/fixtures.ts'
import type { RestClient } from '../helpers/rest.ts'

import { csrfOrigins } from '../../src/http/csrf.ts'
import { toolData, verdictData } from '../helpers/createData.ts'
import { accounts, createFixtures, password, quote, slugs } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient, tokenFor } from '../helpers/rest.ts'

/**
 * Finding 8: a page on another origin cannot use a signed-in editor's session cookie,
 * and custom endpoints take JSON only (a form or text/plain post is what such a page can
 * send without a preflight).
 */
let payload: Payload
let fixtures: Fixtures
let rest: RestClient
let sessionCookie: string

beforeAll(async () => {
  payload = await startTestPayload('security-csrf')
  fixtures = await createFixtures(payload)
  rest = restClient(payload)
  sessionCookie = `${payload.config.cookiePrefix}-token=${await tokenFor(payload, accounts.editor.email, password)}`
})

afterAll(async () => {
  await payload?.destroy()
})

let toolCounter = 0

/** A draft verdict on a tool of its own (one verdict per persona and tool). */
async function draftVerdict(): Promise<Id> {
  toolCounter += 1
  const tool = (await payload.create({
    collection: slugs.tools,
    data: toolData({ name: `Cookie tool ${toolCounter}`, pricing: { tier: 'free' } }),
  })) as unknown as { id: Id }
  const verdict = await payload.create({
    collection: slugs.verdicts,
    data: verdictData({
      decision: 'ship',
      quote: quote('Cookie check.'),
      reviewer: fixtures.personaIds.skeptic,
      tool: tool.id,
    }),
  })
  return (verdict as unknown as { id: Id }).id
}

async function stageOf(id: Id): Promise<unknown> {
  return (
    (await payload.findByID({ collection: slugs.verdicts, draft: true, id })) as unknown as {
      workflowStage: unknown
    }
  ).workflowStage
}

describe('the session cookie from another origin', () => {
  it('a text/plain post from evil.example → 415, nothing moves', async () => {
    const id = await draftVerdict()
    const response = await rest.request('POST', `/${slugs.verdicts}/${id}/workflow`, {
      headers: { 'Content-Type': 'text/plain', Cookie: sessionCookie, Origin: 'http://evil.example' },
      rawBody: JSON.stringify({ action: 'submit' }),
    })
    expect(response.status).toBe(415)
    expect(await stageOf(id)).toBe('draft')
  })

  it('a JSON post from evil.example is anonymous → 403, nothing moves', async () => {
    const id = await draftVerdict()
    const response = await rest.request('POST', `/${slugs.verdicts}/${id}/workflow`, {
      body: { action: 'submit' },
      headers: { Cookie: sessionCookie, Origin: 'http://evil.example' },
    })
    expect(response.status).toBe(403)
    expect(await stageOf(id)).toBe('draft')
  })

  it('without Origin, Sec-Fetch-Site: cross-site is anonymous too', async () => {
    const id = await draftVerdict()
    const response = await rest.request('POST', `/${slugs.verdicts}/${id}/workflow`, {
      body: { action: 'submit' },
      headers: { Cookie: sessionCookie, 'Sec-Fetch-Site': 'cross-site' },
    })
    expect(response.status).toBe(403)
  })

  it('the app’s own origin keeps working', async () => {
    const id = await draftVerdict()
    const response = await rest.request('POST', `/${slugs.verdicts}/${id}/workflow`, {
      body: { action: 'submit' },
      headers: { Cookie: sessionCookie, Origin: 'http://localhost:3000' },
    })
    expect(response.status).toBe(200)
    expect(await stageOf(id)).toBe('in_review')
  })
})

describe('csrfOrigins', () => {
  it('holds SERVER_URL’s origin, and the dev server’s outside production', () => {
    expect(csrfOrigins({ env: { NODE_ENV: 'production' }, serverURL: 'https://cms.example.com/admin' })).toEqual([
      'https://cms.example.com',
    ])
    expect(csrfOrigins({ env: { NODE_ENV: 'development', PORT: '4000' } })).toEqual([
      'http://localhost:4000',
      'http://127.0.0.1:4000',
    ])
  })
})
