import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { countStatements, sqlitePlans } from '../../bench/statements.ts'
import { pluginOptionsOf } from '../../src/pluginOptions.ts'
import { pageCacheOf } from '../../src/public/pageCache.ts'
import { PublicPages } from '../../src/public/pages.ts'
import { refreshPlannerStatistics } from '../../src/public/plannerStatistics.ts'
import { startTestPayload } from '../helpers/payload.ts'

/**
 * SQLite plans from statistics only ANALYZE gathers (src/public/plannerStatistics.ts): without
 * them a tool page's matchups are read by walking every published matchup, a cost that grows
 * with the catalog (README, Speed).
 */
let payload: Payload

type Create = (collection: CollectionSlug, data: Record<string, unknown>) => Promise<{ id: number }>

/** Runs `write` in one transaction, creating records through the adapter (no hooks: a catalog loads fast). */
async function throughAdapter<T>(write: (create: Create) => Promise<T>): Promise<T> {
  const transactionID = (await payload.db.beginTransaction()) as number | string
  const req = { transactionID } as unknown as PayloadRequest
  const result = await write(
    async (collection, data) => (await payload.db.create({ collection, data, req })) as unknown as { id: number },
  )
  await payload.db.commitTransaction(transactionID)
  return result
}

/** A published catalog of 40 tools and 400 matchups. */
async function loadCatalog(create: Create): Promise<number> {
  const category = await create('categories', { name: 'Planner', slug: 'planner' })
  const tools: number[] = []
  for (let index = 0; index < 40; index += 1) {
    const name = `Planner Tool ${String(index).padStart(2, '0')}`
    tools.push((await create('tools', { category: category.id, name, public: true, slug: `planner-${index}` })).id)
  }
  for (let index = 0; index < 400; index += 1) {
    const [left, right] = [tools[index % 40], tools[(index + 1 + Math.floor(index / 40)) % 40]]
    await create('matchups', {
      _status: 'published',
      leftTool: left,
      rightTool: right,
      slug: `planner-matchup-${index}`,
      title: `Planner matchup ${String(index).padStart(3, '0')}`,
      workflowStage: 'published',
    })
  }
  return tools[7]
}

/** SQLite's plan for a statement, one line per step. */
async function planOf(sql: string, args: unknown[]): Promise<string> {
  return (await sqlitePlans(payload, [{ args, sql }]))[0].join('\n')
}

/** SQLite's plan for a tool page's matchups query. */
async function planOfToolMatchups(tool: number): Promise<string> {
  return planOf(
    `select id from matchups where (left_tool_id = ? or right_tool_id = ?) and _status = 'published' order by title, created_at desc`,
    [tool, tool],
  )
}

/** The columns of each index on tools, in order (MongoDB's field paths written as SQL columns). */
async function toolIndexes(): Promise<string[][]> {
  if (payload.db.name === 'postgres') {
    const { pool } = payload.db as unknown as {
      pool: { query: (sql: string) => Promise<{ rows: Array<{ indexdef: string }> }> }
    }
    const { rows } = await pool.query(`select indexdef from pg_indexes where tablename = 'tools'`)
    return rows.map(({ indexdef }) =>
      (/\(([^)]*)\)\s*$/.exec(indexdef)?.[1] ?? '').split(',').map((column) => column.trim().replaceAll('"', '')),
    )
  }
  const model = (
    payload.db as unknown as {
      collections: Record<
        string,
        { ensureIndexes: () => Promise<void>; listIndexes: () => Promise<Array<{ key: object }>> }
      >
    }
  ).collections.tools
  await model.ensureIndexes()
  const columns: Record<string, string> = { createdAt: 'created_at', 'pricing.tier': 'pricing_tier' }
  return (await model.listIndexes()).map(({ key }) => Object.keys(key).map((field) => columns[field] ?? field))
}

beforeAll(async () => {
  payload = await startTestPayload('planner-statistics')
})

afterAll(async () => {
  await payload.destroy()
})

describe('query planner statistics', () => {
  it("on SQLite, a tool's matchups are read through the tool indexes once they are gathered", async () => {
    if (payload.db.name !== 'sqlite') {
      // PostgreSQL and MongoDB gather their own; the refresh leaves them alone.
      await expect(refreshPlannerStatistics(payload)).resolves.toBeUndefined()
      return
    }
    const tool = await throughAdapter(loadCatalog)
    // Gathered at start, on an empty file: nothing to measure yet, so every published
    // matchup is walked through the (_status, title, createdAt) index.
    expect(await planOfToolMatchups(tool)).toMatch(/USING INDEX \S*status\S* \(_status=\?\)/)
    await refreshPlannerStatistics(payload)
    const plan = await planOfToolMatchups(tool)
    expect(plan).toContain('MULTI-INDEX OR')
    expect(plan).toMatch(/SEARCH matchups USING INDEX \S*left_tool\S* \(left_tool_id=\?\)/)
    expect(plan).toMatch(/SEARCH matchups USING INDEX \S*right_tool\S* \(right_tool_id=\?\)/)
  })

  it('the tools list of one tier reads its page and its total through the tier index', async () => {
    if (payload.db.name !== 'sqlite') {
      // Their planners choose for themselves (a table this small is scanned); the index is there.
      expect(await toolIndexes()).toContainEqual(['public', 'pricing_tier', 'name', 'created_at'])
      return
    }
    await throughAdapter(async (create) => {
      const category = await create('categories', { name: 'Tiers', slug: 'tiers' })
      for (let index = 0; index < 200; index += 1) {
        await create('tools', {
          category: category.id,
          name: `Tier Tool ${String(index).padStart(3, '0')}`,
          pricing: { tier: index % 4 === 0 ? 'paid' : 'free' },
          public: index % 5 !== 0,
          slug: `tier-tool-${index}`,
        })
      }
    })
    await refreshPlannerStatistics(payload)
    pageCacheOf(payload).clear()
    const pages = new PublicPages(payload, pluginOptionsOf(payload))
    const { params, queries, result } = await countStatements(payload, () => pages.listTools({ tier: 'paid' }, 1, 5))
    // 200 tools, every 4th paid, every 5th of those not public: 40 public paid tools.
    expect(result.value.totalDocs).toBe(40)
    const toolReads = queries.flatMap((sql, index) => (sql.includes('"tools"."pricing_tier" = ?') ? [index] : []))
    expect(toolReads.length).toBeGreaterThanOrEqual(1)
    const plans = await sqlitePlans(
      payload,
      toolReads.map((index) => ({ args: params[index], sql: queries[index] })),
    )
    for (const steps of plans) {
      const plan = steps.join('\n')
      // Without the tier index, the total and the page read every public tool to check its tier.
      expect(plan).not.toMatch(/SCAN tools/)
      expect(plan).toMatch(/SEARCH tools USING (COVERING )?INDEX \S*pricing_tier\S* \(public=\? AND pricing_tier=\?\)/)
    }
  })
})
