import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Fixtures } from '../helpers/fixtures.ts'
import type { RestClient } from '../helpers/rest.ts'

import { socketAddressHeader, socketAddressProof, socketProofHeader } from '../../src/http/clientAddress.ts'
import { verdictData } from '../helpers/createData.ts'
import { createFixtures, quote, slugs } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient } from '../helpers/rest.ts'
import { storedScore } from '../helpers/scores.ts'

/**
 * Finding 1: one client address, whatever headers and cookies it sends, adds at most
 * `rateLimit.max` votes per window, mints only `newVoters.max` voter cookies, and a
 * cross-site page cannot vote on a reader's behalf. (`trustProxy` above 0 has its unit
 * test in tests/unit/clientAddress.test.ts.)
 */
const rateLimit = { max: 5, windowSeconds: 60 }
const newVoters = { max: 2, windowSeconds: 3600 }
const readerSite = 'https://reader.example'

let payload: Payload
let fixtures: Fixtures
let rest: RestClient
let toolSlugs: Record<'alpha' | 'beta', string>
let addressCounter = 0

beforeAll(async () => {
  const plugin = { community: { minimumVotes: 1, newVoters, rateLimit }, security: { allowedOrigins: [readerSite] } }
  payload = await startTestPayload('security-votes', { plugin })
  fixtures = await createFixtures(payload)
  rest = restClient(payload)
  for (const tool of [fixtures.toolIds.alpha, fixtures.toolIds.beta]) {
    await payload.create({
      collection: slugs.verdicts,
      data: verdictData({
        _status: 'published',
        decision: 'ship',
        quote: quote('Live.'),
        reviewer: fixtures.personaIds.skeptic,
        tool,
      }),
    })
  }
  const slugOf = async (id: unknown) =>
    ((await payload.findByID({ collection: slugs.tools, id: id as number })) as unknown as { slug: string }).slug
  toolSlugs = { alpha: await slugOf(fixtures.toolIds.alpha), beta: await slugOf(fixtures.toolIds.beta) }
})

afterAll(async () => {
  await payload?.destroy()
})

/** A connection address as server.ts hands it to the route handlers. */
function fromSocket(address: string): Record<string, string> {
  return { [socketAddressHeader]: address, [socketProofHeader]: socketAddressProof() }
}

function freshAddress(): string {
  addressCounter += 1
  return `192.0.2.${addressCounter}`
}

async function communityTotal(toolId: unknown): Promise<number> {
  return (await storedScore(payload, toolId as number, 'community')).total
}

describe('one client address', () => {
  it('adds at most rateLimit.max votes, whatever X-Forwarded-For it sends and without cookies (trustProxy 0)', async () => {
    const socket = fromSocket(freshAddress())
    const before = await communityTotal(fixtures.toolIds.alpha)
    const statuses: number[] = []
    for (let index = 0; index < 35; index += 1) {
      const response = await rest.request('POST', `/public/tools/${toolSlugs.alpha}/vote`, {
        body: { decision: 'ship' },
        headers: { ...socket, 'X-Forwarded-For': `198.51.100.${index}`, 'X-Real-IP': `198.51.100.${index}` },
      })
      statuses.push(response.status)
    }
    const added = (await communityTotal(fixtures.toolIds.alpha)) - before
    expect(added).toBeLessThanOrEqual(rateLimit.max)
    expect(statuses.filter((status) => status === 201).length).toBe(added)
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(35 - rateLimit.max)
  })

  it('counts malformed votes against the limit too: past it, even a good vote is refused', async () => {
    const socket = fromSocket(freshAddress())
    for (let index = 0; index < rateLimit.max; index += 1) {
      const malformed = await rest.request('POST', `/public/tools/${toolSlugs.alpha}/vote`, {
        body: { decision: 'maybe' },
        headers: socket,
      })
      expect(malformed.status).toBe(400)
    }
    const good = await rest.request('POST', `/public/tools/${toolSlugs.alpha}/vote`, {
      body: { decision: 'ship' },
      headers: socket,
    })
    expect(good.status).toBe(429)
  })

  it('ignores a socket address header the client forged', async () => {
    const before = await communityTotal(fixtures.toolIds.beta)
    for (let index = 0; index < 12; index += 1) {
      await rest.request('POST', `/public/tools/${toolSlugs.beta}/vote`, {
        body: { decision: 'ship' },
        headers: { [socketAddressHeader]: `203.0.113.${index}`, [socketProofHeader]: 'guessed' },
      })
    }
    expect((await communityTotal(fixtures.toolIds.beta)) - before).toBeLessThanOrEqual(rateLimit.max)
  })

  it('mints at most newVoters.max voter cookies per address', async () => {
    const socket = fromSocket(freshAddress())
    const responses = []
    for (let index = 0; index < newVoters.max + 2; index += 1) {
      responses.push(
        await rest.request('POST', `/public/tools/${toolSlugs.beta}/vote`, {
          body: { decision: 'skip' },
          headers: socket,
        }),
      )
    }
    expect(responses.map((response) => response.status)).toEqual([...Array(newVoters.max).fill(201), 429, 429])
    expect(responses.filter((response) => response.headers.get('set-cookie')).length).toBe(newVoters.max)
    expect(JSON.stringify(responses.at(-1)!.body)).toContain('new voters')
    // An existing voter from that address can still change their vote.
    const cookie = responses[0].headers.get('set-cookie')!.split(';')[0]
    const change = await rest.request('POST', `/public/tools/${toolSlugs.beta}/vote`, {
      body: { decision: 'ship' },
      headers: { ...socket, Cookie: cookie },
    })
    expect(change.status).toBe(200)
  })
})

describe('votes come from our pages, as JSON', () => {
  it.each([
    ['a cross-site Origin', { Origin: 'http://evil.example' }, 403],
    ['Origin null', { Origin: 'null' }, 403],
    ['Sec-Fetch-Site cross-site', { 'Sec-Fetch-Site': 'cross-site' }, 403],
    ['text/plain', { 'Content-Type': 'text/plain' }, 415],
    ['a form', { 'Content-Type': 'application/x-www-form-urlencoded' }, 415],
  ])('refuses %s without a cookie or a vote', async (_label, headers, status) => {
    const before = await communityTotal(fixtures.toolIds.alpha)
    const response = await rest.request('POST', `/public/tools/${toolSlugs.alpha}/vote`, {
      headers: { ...fromSocket(freshAddress()), ...headers },
      rawBody: JSON.stringify({ decision: 'ship' }),
    })
    expect(response.status).toBe(status)
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(await communityTotal(fixtures.toolIds.alpha)).toBe(before)
  })

  it('refuses a cross-site vote as cross-site (403), whatever its body', async () => {
    const response = await rest.request('POST', `/public/tools/${toolSlugs.alpha}/vote`, {
      headers: { ...fromSocket(freshAddress()), Origin: 'http://evil.example' },
      rawBody: JSON.stringify({ decision: 'maybe' }),
    })
    expect(response.status).toBe(403)
  })

  it.each([
    ['the app’s own origin', { Origin: 'http://localhost:3000', 'Sec-Fetch-Site': 'same-origin' }],
    ['an allowed reader site', { Origin: readerSite }],
    ['a non-browser client', {}],
  ])('accepts a vote from %s', async (_label, headers) => {
    const response = await rest.request('POST', `/public/tools/${toolSlugs.alpha}/vote`, {
      body: { decision: 'ship' },
      headers: { ...fromSocket(freshAddress()), ...headers },
    })
    expect(response.status).toBe(201)
  })

  it('caps the body of a vote at 64 KB', async () => {
    const response = await rest.request('POST', `/public/tools/${toolSlugs.alpha}/vote`, {
      headers: fromSocket(freshAddress()),
      rawBody: JSON.stringify({ decision: 'ship', padding: 'x'.repeat(70 * 1024) }),
    })
    expect(response.status).toBe(413)
  })
})
