import type { CollectionSlug, Payload } from 'payload'

import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals'

import type { DatabaseTarget } from '../../src/demo/database.ts'

import { demoMatchups, demoPersonas, demoTools, demoUsers, demoVerdicts } from '../../src/demo/demoContent.ts'
import { seedDemoOnFirstDevStart } from '../../src/demo/devStart.ts'
import { seedDemoContent } from '../../src/demo/seedDemoContent.ts'
import { slugs } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'

let payload: Payload
const originalEnv = process.env.NODE_ENV

/** NODE_ENV is typed read-only; the dev-start rule depends on it, so tests set it. */
function setNodeEnv(value: string | undefined): void {
  ;(process.env as Record<string, string | undefined>).NODE_ENV = value
}

beforeAll(async () => {
  payload = await startTestPayload('seed')
})

afterEach(() => {
  setNodeEnv(originalEnv)
  jest.restoreAllMocks()
})

afterAll(async () => {
  await payload?.destroy()
})

const count = async (collection: CollectionSlug) => (await payload.count({ collection: collection })).totalDocs
const embeddedDefault: DatabaseTarget = { isDefault: true, kind: 'sqlite', path: '/tmp/x.db', url: 'file:/tmp/x.db' }

describe('demo content', () => {
  it('meets the quick start promise: 6+ tools, the panel, 3+ matchups, a reviewer per persona', () => {
    expect(demoTools.length).toBeGreaterThanOrEqual(6)
    expect(demoMatchups.length).toBeGreaterThanOrEqual(3)
    for (const persona of demoPersonas) {
      expect(demoUsers.filter((user) => user.persona === persona.slug)).toHaveLength(1)
    }
  })

  it('is not seeded outside `next dev`, nor into a database named by DATABASE_URI', async () => {
    setNodeEnv('test')
    await seedDemoOnFirstDevStart(payload, embeddedDefault)
    setNodeEnv('development')
    await seedDemoOnFirstDevStart(payload, { ...embeddedDefault, isDefault: false })
    await seedDemoOnFirstDevStart(payload, { kind: 'mongodb', url: 'mongodb://127.0.0.1/x' })
    expect(await count(slugs.tools)).toBe(0)
    expect(await count(slugs.users)).toBe(0)
  })

  it('is seeded into an empty default database on the first dev start, and prints the logins once', async () => {
    setNodeEnv('development')
    const info = jest.spyOn(payload.logger, 'info').mockImplementation(() => undefined)
    await seedDemoOnFirstDevStart(payload, embeddedDefault)
    await seedDemoOnFirstDevStart(payload, embeddedDefault)
    expect(await count(slugs.tools)).toBe(demoTools.length)
    expect(await count(slugs.verdicts)).toBe(demoVerdicts.length)
    expect(await count(slugs.matchups)).toBe(demoMatchups.length)
    const printed = info.mock.calls.map((call) => String(call[0])).filter((line) => line.includes('Demo logins'))
    expect(printed).toHaveLength(1)
    for (const user of demoUsers) {
      expect(printed[0]).toContain(user.email)
    }

    // A later `npm run dev` (a new process): no logins again (scripts/dev.ts prints the URL).
    info.mockClear()
    await seedDemoOnFirstDevStart(payload, embeddedDefault)
    expect(info.mock.calls.some((call) => String(call[0]).includes('Demo logins'))).toBe(false)
  })

  it('publishes verdicts and matchups so the public API shows them', async () => {
    const drafts = await payload.count({ collection: slugs.verdicts, where: { _status: { not_equals: 'published' } } })
    expect(drafts.totalDocs).toBe(0)
    const matchup = await payload.find({
      collection: slugs.matchups,
      overrideAccess: false,
      where: { slug: { equals: 'code-llama-4-vs-code-llama-4-70b-400b' } },
    })
    expect(matchup.docs).toHaveLength(1)
  })

  it('gives each demo tool the panel percentage its published verdicts add up to', async () => {
    const { docs } = await payload.find({ collection: slugs.tools, limit: 100 })
    const percents = Object.fromEntries(
      (docs as unknown as Array<{ panelScore: { percent: number }; slug: string }>).map((tool) => [
        tool.slug,
        tool.panelScore.percent,
      ]),
    )
    expect(percents).toEqual({
      'code-llama-4': 50,
      'code-llama-4-70b-400b': 100,
      'gemini-2-5-flash-lite': 100,
      'mistral-3-small': 75,
      'mistral-next-22b': 100,
      ollama: 80,
      openrouter: 67,
    })
  })

  it("lets each persona's demo reviewer approve for it", async () => {
    const personas = await payload.find({ collection: slugs.reviewers, depth: 1, sort: 'position' })
    for (const persona of personas.docs as unknown as Array<{ approvers: Array<{ email: string }>; slug: string }>) {
      expect(persona.approvers.map((user) => user.email)).toEqual([`${persona.slug}@verdicts.test`])
    }
  })

  it('changes nothing when run again', async () => {
    const summary = await seedDemoContent(payload)
    for (const counts of Object.values(summary)) {
      expect(counts.created).toBe(0)
    }
    expect(await count(slugs.tools)).toBe(demoTools.length)
  })
})
