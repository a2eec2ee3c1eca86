import type { CollectionSlug, Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'

import type { Fixtures, Id } from '../helpers/fixtures.ts'
import type { RestClient } from '../helpers/rest.ts'

import { countStatements } from '../../bench/statements.ts'
import { pageCacheOf } from '../../src/public/pageCache.ts'
import { storedPagesSettled } from '../../src/public/pageStore.ts'
import { reconcileScores } from '../../src/scores/reconcile.ts'
import { categoryData, toolData } from '../helpers/createData.ts'
import { createFixtures, quote, slugs } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient } from '../helpers/rest.ts'
import { listCacheKey } from '../../src/public/listCacheKey.ts'

let payload: Payload
let fixtures: Fixtures
let rest: RestClient

beforeAll(async () => {
  payload = await startTestPayload('catalog-scale')
  fixtures = await createFixtures(payload)
  rest = restClient(payload)
})

afterAll(async () => {
  await payload?.destroy()
})

type ToolList = { docs: Array<{ slug: string }>; totalDocs: number }

const listedTools = async (query = '') =>
  (await rest.request<ToolList>('GET', `/public/tools${query}`)).body.docs.map((tool) => tool.slug)

async function newTool(name: string, categoryId: Id = fixtures.categoryId): Promise<{ id: Id; slug: string }> {
  return (await payload.create({
    collection: slugs.tools,
    data: toolData({ category: categoryId, name, pricing: { tier: 'free' } }),
  })) as unknown as { id: Id; slug: string }
}

async function draftVerdict(persona: Id, tool: Id): Promise<Id> {
  const verdict = await payload.create({
    collection: slugs.verdicts,
    data: { decision: 'ship', quote: quote('Worth a try for small teams.'), reviewer: persona, tool },
    draft: true,
  })
  return (verdict as unknown as { id: Id }).id
}

const setStatus = (collection: CollectionSlug, id: Id, status: 'draft' | 'published') =>
  payload.update({ collection: collection, data: { _status: status }, depth: 0, id })

describe('which tools the public lists', () => {
  it('lists a tool once its first verdict is published, and no longer once it is unpublished', async () => {
    const tool = await newTool('Delta Notes')
    const verdict = await draftVerdict(fixtures.personaIds.skeptic, tool.id)
    expect(await listedTools()).not.toContain(tool.slug)
    const total = async () => (await rest.request<ToolList>('GET', '/public/tools?limit=1&page=2')).body.totalDocs
    const before = await total()

    await setStatus(slugs.verdicts, verdict, 'published')
    expect(await listedTools()).toContain(tool.slug)
    // The list's total is kept between reads, and counted again when a tool joins.
    expect(await total()).toBe(before + 1)

    await setStatus(slugs.verdicts, verdict, 'draft')
    expect(await listedTools()).not.toContain(tool.slug)
    expect(await total()).toBe(before)
  })

  it('lists both tools of a published matchup, even without a published verdict, until the matchup is deleted', async () => {
    const left = await newTool('Epsilon Draw')
    const right = await newTool('Zeta Sketch')
    const matchup = (await payload.create({
      collection: slugs.matchups,
      data: { leftTool: left.id, rightTool: right.id },
      draft: true,
    })) as unknown as { id: Id }
    expect(await listedTools()).not.toContain(left.slug)

    await setStatus(slugs.matchups, matchup.id, 'published')
    expect(await listedTools()).toEqual(expect.arrayContaining([left.slug, right.slug]))

    await payload.delete({ collection: slugs.matchups, id: matchup.id })
    const after = await listedTools()
    expect(after).not.toContain(left.slug)
    expect(after).not.toContain(right.slug)
  })

  it('reconcile reports a wrong public flag and sets it right', async () => {
    const tool = await newTool('Eta Search')
    await setStatus(slugs.verdicts, await draftVerdict(fixtures.personaIds.other, tool.id), 'published')
    // A flag gone wrong behind the hooks' back (e.g. rows copied in by hand).
    await payload.db.updateOne({ collection: slugs.tools, data: { public: false }, id: tool.id })

    const check = await reconcileScores(payload, { fix: false })
    expect(check.visibility).toEqual([{ actual: true, stored: false, tool: tool.slug }])

    await reconcileScores(payload, { fix: true })
    expect((await reconcileScores(payload, { fix: false })).visibility).toEqual([])
    expect(await listedTools()).toContain(tool.slug)
  })
})

describe('cached lists', () => {
  it('a publish drops the lists that show its tool, and keeps the lists it cannot change', async () => {
    const otherCategory = (await payload.create({
      collection: slugs.categories,
      data: categoryData({ name: 'Image Models' }),
    })) as unknown as { id: Id; slug: string }
    const painter = await newTool('Theta Paint', otherCategory.id)
    await setStatus(slugs.verdicts, await draftVerdict(fixtures.personaIds.skeptic, painter.id), 'published')
    const coder = await newTool('Iota Code')
    await setStatus(slugs.verdicts, await draftVerdict(fixtures.personaIds.skeptic, coder.id), 'published')

    // Read three lists so they are cached.
    expect(await listedTools(`?category=${otherCategory.slug}`)).toEqual([painter.slug])
    const all = await rest.request<ToolList>('GET', '/public/tools?limit=100')
    expect(all.body.docs.map((tool) => tool.slug)).toContain(coder.slug)
    await rest.request('GET', '/public/matchups')
    const cache = pageCacheOf(payload)
    const cached = (key: string) => cache.get(key) !== undefined
    expect(cached(listCacheKey('tools', { category: otherCategory.slug, limit: 20, page: 1 }))).toBe(true)
    expect(cached(listCacheKey('tools', { limit: 100, page: 1 }))).toBe(true)
    expect(cached(listCacheKey('matchups', { limit: 20, page: 1 }))).toBe(true)

    // The other persona's verdict on the coding tool: its panel figure moves.
    await setStatus(slugs.verdicts, await draftVerdict(fixtures.personaIds.other, coder.id), 'published')

    expect(cached(listCacheKey('tools', { limit: 100, page: 1 }))).toBe(false)
    expect(cached(listCacheKey('tools', { category: otherCategory.slug, limit: 20, page: 1 }))).toBe(true)
    expect(cached(listCacheKey('matchups', { limit: 20, page: 1 }))).toBe(true)
    const shown = (
      await rest.request<{ docs: Array<{ panel: { total: number }; slug: string }> }>('GET', '/public/tools?limit=100')
    ).body.docs
    expect(shown.find((tool) => tool.slug === coder.slug)?.panel.total).toBe(2)
  })

  it("a tool moved to another category leaves that category's cached list at once", async () => {
    const target = (await payload.create({
      collection: slugs.categories,
      data: categoryData({ name: 'Audio Models' }),
    })) as unknown as { id: Id; slug: string }
    const tool = await newTool('Kappa Voice')
    await setStatus(slugs.verdicts, await draftVerdict(fixtures.personaIds.skeptic, tool.id), 'published')
    expect(await listedTools(`?category=${target.slug}`)).toEqual([])

    await payload.update({ collection: slugs.tools, data: { category: target.id }, id: tool.id })
    expect(await listedTools(`?category=${target.slug}`)).toEqual([tool.slug])
  })
})

describe('the cost of a publish', () => {
  // The count covers every statement in the window, and the jobs queue's own polling can
  // land in it (seen on FerretDB): one retry, so a publish that really grows still fails.
  jest.retryTimes(1)
  let attempt = 0
  /** Publishes a fresh verdict on a fresh tool that is in `matchups` published matchups. */
  async function statementsToPublish(baseName: string, matchups: number): Promise<number> {
    // Names of their own on a retry: the first attempt's tools are still there.
    attempt += 1
    const name = `${baseName} ${attempt}`
    const tool = await newTool(name)
    for (let index = 0; index < matchups; index += 1) {
      const rival = await newTool(`${name} Rival ${index}`)
      const matchup = (await payload.create({
        collection: slugs.matchups,
        data: { leftTool: tool.id, rightTool: rival.id },
        draft: true,
      })) as unknown as { id: Id }
      await setStatus(slugs.matchups, matchup.id, 'published')
    }
    const verdict = await draftVerdict(fixtures.personaIds.other, tool.id)
    // A page read earlier is stored after its answer: that write must not land in the count.
    await storedPagesSettled(payload)
    return (await countStatements(payload, () => setStatus(slugs.verdicts, verdict, 'published'))).statements
  }

  it('sends a fixed number of statements, however many pages the tool is on', async () => {
    const few = await statementsToPublish('Lambda One', 0)
    const many = await statementsToPublish('Mu Many', 6)
    expect(many).toBe(few)
    // A publish at depth 0 (as the workflow's Publish saves) took 34 on SQLite before issue 15
    // and 30 after its first round; see README "Speed" for what the 19 are (one of them marks
    // the stored copies of its pages stale; the lock cleanup is one count when there is no
    // lock). PostgreSQL sends two more (its transaction's begin and commit).
    const ceiling: Record<string, number> = { mongoose: 40, postgres: 21, sqlite: 19 }
    expect(few).toBeLessThanOrEqual(ceiling[payload.db.name] ?? 0)
  })
})
