import type { Payload } from 'payload'

/**
 * SQLite chooses its query plans from statistics that only `ANALYZE` gathers, and nothing
 * gathers them unless asked. Without them a tool page's matchups (`(left_tool_id = ? or
 * right_tool_id = ?) and _status = ? order by title`) are read by walking every published
 * matchup in title order — 6.5 ms at 10,000 matchups, growing with the catalog — instead of
 * through the two tool indexes (0.24 ms at any size); no index changes that choice
 * (README, Speed). PostgreSQL and MongoDB keep their statistics themselves.
 *
 * Gathered when the process starts and every six hours while it runs, so a catalog that
 * grows after the start is measured again. `analysis_limit` bounds the work to a sample of
 * each index (a few milliseconds, whatever the size of the file); an empty table gets no
 * statistics, so a fresh install is planned as before until it has rows.
 */
export async function refreshPlannerStatistics(payload: Payload): Promise<void> {
  if (payload.db.name !== 'sqlite') {
    return
  }
  const { client } = payload.db as unknown as { client: { execute: (statement: string) => Promise<unknown> } }
  try {
    await client.execute('PRAGMA analysis_limit = 1000')
    await client.execute('ANALYZE')
  } catch (error) {
    // Statistics only speed plans up: a busy or read-only file must not stop the process.
    payload.logger.warn(`SQLite planner statistics not refreshed: ${(error as Error).message}`)
  }
}

const refreshEveryMs = 6 * 60 * 60 * 1000

/** Refreshes the statistics now and then every six hours, without keeping the process alive. */
export async function keepPlannerStatistics(payload: Payload): Promise<void> {
  if (payload.db.name !== 'sqlite') {
    return
  }
  await refreshPlannerStatistics(payload)
  setInterval(() => void refreshPlannerStatistics(payload), refreshEveryMs).unref()
}
