import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { PublicToolHistory } from '../../src/public/history.ts'
import type { PublicMethodology } from '../../src/public/methodology.ts'
import type { Fixtures, Id } from '../helpers/fixtures.ts'
import type { RestClient } from '../helpers/rest.ts'

import { accounts, createFixtures, password, quote, slugs } from '../helpers/fixtures.ts'
import { schemaErrors } from '../helpers/openapi.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient, tokenFor } from '../helpers/rest.ts'
import { matchupData, verdictData } from '../helpers/createData.ts'

/**
 * The reader endpoints that explain a figure: a tool's public score history (dates, from →
 * to, the cause in public words, never who), the methodology (panel and rules), and the
 * reader's own vote. Same cache contract as every public read.
 */
let payload: Payload
let rest: RestClient
let fixtures: Fixtures
let openapi: Parameters<typeof schemaErrors>[0]
const verdicts: Id[] = []

const publish = (id: Id, data: Record<string, unknown> = {}) =>
  payload.update({ collection: slugs.verdicts, data: { ...data, _status: 'published' }, id })

beforeAll(async () => {
  payload = await startTestPayload('public-history', { plugin: { community: { minimumVotes: 3 } } })
  fixtures = await createFixtures(payload)
  rest = restClient(payload)
  openapi = (await rest.request<Parameters<typeof schemaErrors>[0]>('GET', '/public/openapi.json')).body
  // Alpha: the skeptic ships, the futurist skips (50%), then the futurist's verdict is withdrawn (100%).
  for (const [persona, decision] of [
    [fixtures.personaIds.skeptic, 'ship'],
    [fixtures.personaIds.other, 'skip'],
  ] as const) {
    const verdict = await payload.create({
      collection: slugs.verdicts,
      data: verdictData({ decision, quote: quote(`${decision} it`), reviewer: persona, tool: fixtures.toolIds.alpha }),
    })
    verdicts.push((verdict as unknown as { id: Id }).id)
    await publish(verdicts.at(-1)!)
  }
  await payload.update({ collection: slugs.verdicts, data: { _status: 'draft' }, id: verdicts[1] })
})

afterAll(async () => {
  await payload?.destroy()
})

describe('GET /api/public/tools/:slug/history', () => {
  it('lists each change of the panel figure, newest first, with its cause in public words', async () => {
    const response = await rest.request<PublicToolHistory>('GET', '/public/tools/alpha-coder/history')
    expect(response.status).toBe(200)
    expect(schemaErrors(openapi, 'ToolHistory', response.body)).toEqual([])
    expect(
      response.body.changes.map(
        ({ cause, from, to }) => `${from.percent ?? '—'} → ${to.percent ?? '—'} (${to.ship}/${to.total}): ${cause}`,
      ),
    ).toEqual([
      "50 → 100 (1/1): a reviewer's verdict was withdrawn",
      "100 → 50 (1/2): a reviewer's verdict was published",
      "— → 100 (1/1): a reviewer's verdict was published",
    ])
    const dates = response.body.changes.map((change) => Date.parse(change.date))
    expect(dates.every((date) => Math.abs(Date.now() - date) < 10 * 60_000)).toBe(true)
  })

  it('names no person: no persona, user, email or editorial summary', async () => {
    const { body } = await rest.request('GET', '/public/tools/alpha-coder/history')
    const text = JSON.stringify(body)
    for (const secret of [
      'The Skeptic',
      'The Futurist',
      'Alpha Coder panel',
      ...Object.values(accounts).map((a) => a.email),
    ]) {
      expect(text).not.toContain(secret)
    }
    expect(text).not.toMatch(/"(user|verdict|summary|action)"/)
  })

  it('answers from cache with a strong ETag, 304 when current, and a fresh body after the next change', async () => {
    const first = await rest.request('GET', '/public/tools/alpha-coder/history')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=0, s-maxage=\d+/)
    const again = await rest.request('GET', '/public/tools/alpha-coder/history', { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)

    await publish(verdicts[1])
    const moved = await rest.request<PublicToolHistory>('GET', '/public/tools/alpha-coder/history', {
      headers: { 'If-None-Match': etag },
    })
    expect(moved.status).toBe(200)
    expect(moved.body.changes[0]).toMatchObject({ from: { percent: 100 }, to: { percent: 50 } })
  })

  it('answers 404 for a tool the public cannot see, an unknown tool and a malformed slug', async () => {
    for (const slug of ['gamma-search', 'no-such-tool', 'Not%20A%20Slug']) {
      const response = await rest.request('GET', `/public/tools/${slug}/history`)
      expect(response.status).toBe(404)
      expect(schemaErrors(openapi, 'Errors', response.body)).toEqual([])
    }
  })
})

describe('the score history collection, read by the public', () => {
  type Entry = Record<string, unknown> & { kind: string }
  it('shows the public panel entries only, without the user, the verdict or the summary; the team sees all', async () => {
    // A community entry exists: a vote moved Alpha's community figure.
    const voted = await rest.request('POST', '/public/tools/alpha-coder/vote', { body: { decision: 'ship' } })
    expect(voted.status).toBe(201)
    const anonymous = await rest.request<{ docs: Entry[] }>('GET', `/${slugs.scoreHistory}?limit=100&depth=0`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.body.docs.length).toBeGreaterThan(0)
    expect(new Set(anonymous.body.docs.map((entry) => entry.kind))).toEqual(new Set(['panel']))
    for (const entry of anonymous.body.docs) {
      expect(entry).not.toHaveProperty('user')
      expect(entry).not.toHaveProperty('verdict')
      expect(entry).not.toHaveProperty('summary')
    }
    const community = await rest.request<{ totalDocs: number }>(
      'GET',
      `/${slugs.scoreHistory}?where[kind][equals]=community&depth=0`,
    )
    expect(community.body.totalDocs).toBe(0)

    const token = await tokenFor(payload, accounts.reviewer.email, password)
    const staff = await rest.request<{ docs: Entry[] }>('GET', `/${slugs.scoreHistory}?limit=100&depth=0`, { token })
    expect(new Set(staff.body.docs.map((entry) => entry.kind))).toEqual(new Set(['community', 'panel']))
    expect(staff.body.docs.find((entry) => entry.kind === 'panel')).toHaveProperty('summary')
    expect(staff.body.docs.find((entry) => entry.kind === 'panel')).toHaveProperty('verdict')
    // The vote goes again, so the figures later tests read are as they were.
    const voter = voted.headers.get('set-cookie')!.split(';')[0]
    expect(
      (await rest.request('DELETE', '/public/tools/alpha-coder/vote', { headers: { Cookie: voter } })).status,
    ).toBe(200)
  })
})

describe('GET /api/public/methodology', () => {
  it('lists the panel in order and the rules of the numbers as configured and computed', async () => {
    const response = await rest.request<PublicMethodology>('GET', '/public/methodology')
    expect(response.status).toBe(200)
    expect(schemaErrors(openapi, 'Methodology', response.body)).toEqual([])
    expect(response.body.personas.map((persona) => persona.name)).toEqual(['The Futurist', 'The Skeptic'])
    expect(response.body.community.minimumVotes).toBe(3)
    expect(response.body.panel.examples).toContainEqual({ percent: 13, ship: 1, total: 8 })
    expect(response.body.community.examples[0]).toMatchObject({ percent: null, total: 2 })
    expect(response.body.reReviewEveryDays).toBe(180)
    const etag = response.headers.get('etag')!
    expect((await rest.request('GET', '/public/methodology', { headers: { 'If-None-Match': etag } })).status).toBe(304)
  })
})

describe('GET /api/public/tools/:slug/vote', () => {
  it("reads the caller's own vote by the voter cookie, null without one, never cached", async () => {
    const cast = await rest.request('POST', '/public/tools/alpha-coder/vote', { body: { decision: 'skip' } })
    expect(cast.status).toBe(201)
    const cookie = cast.headers.get('set-cookie')!.split(';')[0]
    const own = await rest.request('GET', '/public/tools/alpha-coder/vote', { headers: { Cookie: cookie } })
    expect(own.status).toBe(200)
    expect(schemaErrors(openapi, 'OwnVote', own.body)).toEqual([])
    expect(own.body).toMatchObject({
      community: { minimumVotes: 3, percent: null, total: 1 },
      decision: 'skip',
      tool: 'alpha-coder',
    })
    expect(own.headers.get('cache-control')).toBe('no-store')
    const stranger = await rest.request('GET', '/public/tools/alpha-coder/vote')
    expect(stranger.body).toMatchObject({ decision: null })
    const forged = await rest.request('GET', '/public/tools/alpha-coder/vote', {
      headers: { Cookie: `${cookie.split('.')[0]}.forged` },
    })
    expect(forged.body).toMatchObject({ decision: null })
    expect((await rest.request('GET', '/public/tools/gamma-search/vote', { headers: { Cookie: cookie } })).status).toBe(
      404,
    )
  })
})

describe('GET /api/public/feed and /api/public/sitemap', () => {
  it('list published comparisons by first publication and every public page with its last change', async () => {
    const before = await rest.request<{ docs: unknown[] }>('GET', '/public/feed')
    expect(before.body.docs).toEqual([])
    const etag = before.headers.get('etag')!
    const matchup = await payload.create({
      collection: slugs.matchups,
      data: matchupData({ _status: 'published', leftTool: fixtures.toolIds.alpha, rightTool: fixtures.toolIds.beta }),
    })
    const feed = await rest.request<{ docs: Array<{ publishedAt: string; slug: string }> }>('GET', '/public/feed', {
      headers: { 'If-None-Match': etag },
    })
    expect(feed.status).toBe(200)
    expect(schemaErrors(openapi, 'Feed', feed.body)).toEqual([])
    expect(feed.body.docs.map((doc) => doc.slug)).toEqual([(matchup as unknown as { slug: string }).slug])
    expect(Math.abs(Date.parse(feed.body.docs[0].publishedAt) - Date.now())).toBeLessThan(10 * 60_000)

    const sitemap = await rest.request<{ matchups: Array<{ slug: string }>; tools: Array<{ slug: string }> }>(
      'GET',
      '/public/sitemap',
    )
    expect(schemaErrors(openapi, 'Sitemap', sitemap.body)).toEqual([])
    expect(sitemap.body.matchups.map((page) => page.slug)).toEqual(['alpha-coder-vs-beta-chat'])
    // Gamma is in no published verdict or matchup: not public, not listed.
    expect(sitemap.body.tools.map((page) => page.slug)).toEqual(['alpha-coder', 'beta-chat'])
    const again = await rest.request('GET', '/public/sitemap', {
      headers: { 'If-None-Match': sitemap.headers.get('etag')! },
    })
    expect(again.status).toBe(304)
  })

  it('dates a comparison by its first publication: later publishes keep it, and no client can set it', async () => {
    const editor = await tokenFor(payload, accounts.editor.email, password)
    const forged = '2001-01-01T00:00:00.000Z'
    const created = await rest.request<{ doc: { id: Id } }>('POST', `/${slugs.matchups}`, {
      body: { firstPublishedAt: forged, leftTool: fixtures.toolIds.beta, rightTool: fixtures.toolIds.gamma },
      token: editor,
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const stored = async () =>
      ((await payload.findByID({ collection: slugs.matchups, id })) as { firstPublishedAt?: null | string })
        .firstPublishedAt ?? null
    expect(await stored()).toBeNull()

    await payload.update({ collection: slugs.matchups, data: { _status: 'published' }, id })
    const first = await stored()
    expect(Math.abs(Date.parse(first!) - Date.now())).toBeLessThan(60_000)

    await payload.update({ collection: slugs.matchups, data: { _status: 'draft' }, id })
    await new Promise((resolve) => setTimeout(resolve, 20))
    await payload.update({ collection: slugs.matchups, data: { _status: 'published' }, id })
    expect(await stored()).toBe(first)
    const edited = await rest.request('PATCH', `/${slugs.matchups}/${id}?draft=true`, {
      body: { customTitle: 'Beta against Gamma', firstPublishedAt: forged },
      token: editor,
    })
    expect(edited.status).toBe(200)
    expect(await stored()).toBe(first)

    const feed = await rest.request<{ docs: Array<{ publishedAt: string; slug: string }> }>('GET', '/public/feed')
    expect(feed.body.docs.find((doc) => doc.slug === 'beta-chat-vs-gamma-search')?.publishedAt).toBe(first)
  })
})
