import { describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres'
import { drizzle } from '@payloadcms/db-postgres/drizzle/node-postgres'

import { testDatabaseUri } from '../helpers/database.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { eventually } from '../helpers/redis.ts'

/** Connections the database server has open to `databaseUri`'s database (PostgreSQL only). */
async function serverConnections(databaseUri: string): Promise<number> {
  const url = new URL(databaseUri)
  const database = url.pathname.slice(1)
  url.pathname = '/postgres'
  const db = drizzle({ connection: { connectionString: url.toString(), max: 1 } })
  try {
    const result = await db.execute<{ count: string }>(
      sql`select count(*) from pg_stat_activity where datname = ${database}`,
    )
    return Number(result.rows[0].count)
  } finally {
    await db.$client.end()
  }
}

describe('shutting down (payload.destroy)', () => {
  it('does not hang on a transaction something left open, and leaves no connection behind', async () => {
    const databaseUri = testDatabaseUri('shutdown')
    const payload = await startTestPayload('shutdown', { databaseUri })
    // Begun and never committed or rolled back, as by a request abandoned half-way.
    await payload.db.beginTransaction()
    const started = Date.now()
    await payload.destroy()
    // A bounded wait (5 s) for the connection's holder to give it back, then it is closed.
    expect(Date.now() - started).toBeLessThan(12_000)
    if (databaseUri.startsWith('postgres')) {
      await eventually(async () => (await serverConnections(databaseUri)) === 0, 5000)
    }
  }, 60_000)
})
