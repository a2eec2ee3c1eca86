import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { refreshPlannerStatistics } from '../../src/public/plannerStatistics.ts'
import { startTestPayload } from '../helpers/payload.ts'

/**
 * SQLite plans from statistics only ANALYZE gathers (src/public/plannerStatistics.ts): without
 * them a tool page's matchups are read by walking every published matchup, a cost that grows
 * with the catalog (README, Speed).
 */
let payload: Payload

/** A published catalog of 40 tools and 400 matchups, written through the adapter (no hooks). */
async function loadCatalog(): Promise<number> {
  const transactionID = (await payload.db.beginTransaction()) as number | string
  const req = { transactionID } as unknown as PayloadRequest
  const create = async (collection: CollectionSlug, data: Record<string, unknown>) =>
    (await payload.db.create({ collection, data, req })) as unknown as { id: number }
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
  await payload.db.commitTransaction(transactionID)
  return tools[7]
}

/** SQLite's plan for a tool page's matchups query, one line per step. */
async function planOfToolMatchups(tool: number): Promise<string> {
  const { client } = payload.db as unknown as {
    client: { execute: (query: { args: unknown[]; sql: string }) => Promise<{ rows: Array<{ detail: string }> }> }
  }
  const { rows } = await client.execute({
    args: [tool, tool],
    sql: `explain query plan select id from matchups where (left_tool_id = ? or right_tool_id = ?) and _status = 'published' order by title, created_at desc`,
  })
  return rows.map((row) => row.detail).join('\n')
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
    const tool = await loadCatalog()
    // Gathered at start, on an empty file: nothing to measure yet, so every published
    // matchup is walked through the (_status, title, createdAt) index.
    expect(await planOfToolMatchups(tool)).toMatch(/USING INDEX \S*status\S* \(_status=\?\)/)
    await refreshPlannerStatistics(payload)
    const plan = await planOfToolMatchups(tool)
    expect(plan).toContain('MULTI-INDEX OR')
    expect(plan).toMatch(/SEARCH matchups USING INDEX \S*left_tool\S* \(left_tool_id=\?\)/)
    expect(plan).toMatch(/SEARCH matchups USING INDEX \S*right_tool\S* \(right_tool_id=\?\)/)
  })
})
