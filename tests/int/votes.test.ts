import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Fixtures, Id } from '../helpers/fixtures.ts'

import { GRAPHQL_POST, REST_DELETE, REST_POST } from '@payloadcms/next/routes'

import { verdictData } from '../helpers/createData.ts'
import { accounts, createFixtures, password, quote, slugs } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient, tokenFor } from '../helpers/rest.ts'
import { expectScoresExact, storedScore } from '../helpers/scores.ts'

const minimumVotes = 3
const rateLimit = { max: 40, windowSeconds: 60 }
let payload: Payload
let fixtures: Fixtures

beforeAll(async () => {
  // The suite stands for many readers behind one trusted proxy: each request's address is
  // the last X-Forwarded-For entry, and every reader may be a new voter.
  payload = await startTestPayload('votes', {
    plugin: {
      community: { minimumVotes, newVoters: { max: 1000, windowSeconds: 60 }, rateLimit },
      security: { trustProxy: 1 },
    },
  })
  fixtures = await createFixtures(payload)
  // alpha and beta are public (a published verdict each); gamma is not.
  for (const [persona, tool] of [
    [fixtures.personaIds.skeptic, fixtures.toolIds.alpha],
    [fixtures.personaIds.skeptic, fixtures.toolIds.beta],
  ]) {
    await payload.create({
      collection: slugs.verdicts,
      data: verdictData({ _status: 'published', decision: 'ship', quote: quote('Live.'), reviewer: persona, tool }),
    })
  }
})

afterAll(async () => {
  await payload?.destroy()
})

type VoteResponse = {
  body: {
    community?: { percent: null | number; total: number }
    errors?: Array<{ field?: string; message: string }>
    outcome?: string
    withdrawn?: boolean
  }
  cookie?: string
  headers: Headers
  status: number
}

/** One vote request from a client with an IP and, optionally, a voter cookie. */
async function vote(
  method: 'DELETE' | 'POST',
  toolSlug: string,
  { body, cookie, ip = '203.0.113.1' }: { body?: unknown; cookie?: string; ip?: string } = {},
): Promise<VoteResponse> {
  const handler = method === 'POST' ? REST_POST(payload.config) : REST_DELETE(payload.config)
  const headers = new Headers({ 'Content-Type': 'application/json', 'X-Forwarded-For': ip })
  if (cookie) {
    headers.set('Cookie', cookie)
  }
  const request = new Request(`http://localhost:3000/api/public/tools/${toolSlug}/vote`, {
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    headers,
    method,
  })
  const response = await handler(request, { params: Promise.resolve({ slug: ['public', 'tools', toolSlug, 'vote'] }) })
  const setCookie = response.headers.get('set-cookie') ?? undefined
  return {
    body: (await response.json()) as VoteResponse['body'],
    cookie: setCookie?.split(';')[0],
    headers: response.headers,
    status: response.status,
  }
}

describe('casting a vote', () => {
  let cookie: string

  it('creates the vote and hands the voter a signed, httpOnly cookie', async () => {
    const response = await vote('POST', 'alpha-coder', { body: { decision: 'ship' } })
    expect(response.status).toBe(201)
    expect(response.body.outcome).toBe('created')
    const setCookie = response.headers.get('set-cookie')!
    expect(setCookie).toMatch(
      /^verdicts_voter=[\w-]+\.[\w-]+; Path=\/api\/public; Max-Age=\d+; HttpOnly; SameSite=Lax$/,
    )
    cookie = response.cookie!
  })

  it('counts one vote per voter: repeating it changes nothing, voting again changes it', async () => {
    const repeat = await vote('POST', 'alpha-coder', { body: { decision: 'ship' }, cookie })
    expect(repeat.status).toBe(200)
    expect(repeat.body.outcome).toBe('unchanged')
    expect(repeat.headers.get('set-cookie')).toBeNull()

    const change = await vote('POST', 'alpha-coder', { body: { decision: 'skip' }, cookie })
    expect(change.body.outcome).toBe('changed')
    expect(await storedScore(payload, fixtures.toolIds.alpha, 'community')).toEqual({
      percent: null,
      ship: 0,
      skip: 1,
      total: 1,
    })
  })

  it('shows no percent below the minimum number of votes, then counts', async () => {
    await vote('POST', 'alpha-coder', { body: { decision: 'ship' } })
    const third = await vote('POST', 'alpha-coder', { body: { decision: 'ship' } })
    expect(third.body.community).toMatchObject({ percent: 67, total: 3 })
  })

  it('withdraws a vote on DELETE', async () => {
    const response = await vote('DELETE', 'alpha-coder', { cookie })
    expect(response.status).toBe(200)
    expect(response.body.withdrawn).toBe(true)
    expect(response.body.community).toMatchObject({ percent: null, total: 2 })
    expect((await vote('DELETE', 'alpha-coder', { cookie })).body.withdrawn).toBe(false)
  })

  it('treats a forged cookie as a new voter', async () => {
    const forged = `${cookie.split('.')[0]}.forgedsignature`
    const response = await vote('POST', 'alpha-coder', { body: { decision: 'ship' }, cookie: forged })
    expect(response.body.outcome).toBe('created')
    expect(response.cookie).toBeDefined()
    await expectScoresExact(payload, [fixtures.toolIds.alpha], 'community')
  })
})

describe('refusals', () => {
  it.each([
    ['no body', undefined],
    ['not JSON', '{decision'],
    ['an unknown decision', { decision: 'maybe' }],
    ['a missing decision', { vote: 'ship' }],
  ])('answers 400 naming the field for %s', async (_, body) => {
    const response = await vote('POST', 'alpha-coder', { body, ip: '203.0.113.50' })
    expect(response.status).toBe(400)
    expect(response.body.errors).toEqual([{ field: 'decision', message: 'decision must be "ship" or "skip".' }])
  })

  it('answers 404 for unknown tools and for tools nothing published shows', async () => {
    expect((await vote('POST', 'no-such-tool', { body: { decision: 'ship' }, ip: '203.0.113.51' })).status).toBe(404)
    expect((await vote('POST', 'gamma-search', { body: { decision: 'ship' }, ip: '203.0.113.51' })).status).toBe(404)
    expect((await vote('DELETE', 'gamma-search', { ip: '203.0.113.51' })).status).toBe(404)
  })

  it('answers 429 with Retry-After past the per-IP limit, without counting the vote', async () => {
    const ip = '198.51.100.7'
    for (let index = 0; index < rateLimit.max; index += 1) {
      await vote('POST', 'beta-chat', { body: { decision: 'ship' }, ip })
    }
    const before = await storedScore(payload, fixtures.toolIds.beta, 'community')
    const limited = await vote('POST', 'beta-chat', { body: { decision: 'ship' }, ip })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await storedScore(payload, fixtures.toolIds.beta, 'community')).toEqual(before)
    expect((await vote('POST', 'beta-chat', { body: { decision: 'ship' }, ip: '198.51.100.8' })).status).toBe(201)
  })
})

describe('voter privacy', () => {
  it('never exposes the voter key through REST or GraphQL, even to admins', async () => {
    const rest = restClient(payload)
    const adminToken = await tokenFor(payload, accounts.admin.email, password)
    const list = await rest.request<{ docs: Array<Record<string, unknown>> }>('GET', `/${slugs.votes}?limit=5`, {
      token: adminToken,
    })
    expect(list.status).toBe(200)
    expect(list.body.docs.length).toBeGreaterThan(0)
    for (const doc of list.body.docs) {
      expect(Object.keys(doc).sort()).toEqual(['createdAt', 'decision', 'id', 'tool', 'updatedAt'])
    }
    const graphql = await GRAPHQL_POST(payload.config)(
      new Request('http://localhost:3000/api/graphql', {
        body: JSON.stringify({ query: '{ Votes { docs { id voterKey } } }' }),
        headers: { Authorization: `JWT ${adminToken}`, 'Content-Type': 'application/json' },
        method: 'POST',
      }),
    )
    const result = (await graphql.json()) as {
      data: { Votes: { docs: Array<{ voterKey: unknown }> } }
      errors?: unknown
    }
    expect(result.errors).toBeUndefined()
    expect(result.data.Votes.docs.length).toBeGreaterThan(0)
    expect(result.data.Votes.docs.every((doc) => doc.voterKey === null)).toBe(true)
  })

  it('denies anonymous callers and editors the votes themselves', async () => {
    const rest = restClient(payload)
    expect((await rest.request('GET', `/${slugs.votes}`)).status).toBe(403)
    const editorToken = await tokenFor(payload, accounts.editor.email, password)
    expect((await rest.request('GET', `/${slugs.votes}`, { token: editorToken })).status).toBe(403)
    expect(
      (
        await rest.request('POST', `/${slugs.votes}`, {
          body: { decision: 'ship', tool: fixtures.toolIds.alpha, voterKey: 'x' },
        })
      ).status,
    ).toBe(403)
  })
})

describe('under load', () => {
  it('stays exact with 1,000 concurrent votes from 200 voters, with repeats and changes', async () => {
    const voters: string[] = []
    for (let index = 0; index < 200; index += 1) {
      const first = await vote('POST', 'beta-chat', {
        body: { decision: 'ship' },
        ip: `10.1.${Math.floor(index / 250)}.${index % 250}`,
      })
      voters.push(first.cookie!)
    }
    // Four more rounds from each voter, at once: decisions flip between rounds.
    const requests: Array<Promise<VoteResponse>> = []
    for (let round = 0; round < 4; round += 1) {
      voters.forEach((cookie, index) => {
        const decision = (index + round) % 2 === 0 ? 'ship' : 'skip'
        requests.push(
          vote('POST', 'beta-chat', {
            body: { decision },
            cookie,
            ip: `10.1.${Math.floor(index / 250)}.${index % 250}`,
          }),
        )
      })
    }
    const statuses = (await Promise.all(requests)).map((response) => response.status)
    expect(statuses.every((status) => status === 200 || status === 201)).toBe(true)

    await expectScoresExact(payload, [fixtures.toolIds.beta], 'community')
    const betaVotes = await payload.count({
      collection: slugs.votes,
      where: { tool: { equals: fixtures.toolIds.beta } },
    })
    // 200 voters here, plus the 41 single votes of the rate-limit test.
    expect(betaVotes.totalDocs).toBe(241)
  })
})

export type { Id }
