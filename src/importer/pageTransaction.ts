import type { Payload, PayloadRequest } from 'payload'

import { beginTransaction as beginDrizzleTransaction } from '@payloadcms/drizzle'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

type SqliteAdapterInternals = {
  busyTimeout?: number
  client?: { execute: (sql: string) => Promise<unknown> }
  name: string
}

/**
 * Runs `work` with a request whose Local API calls (each given that `req`) all join one
 * database transaction, committed only when `work` succeeds: a page that fails halfway
 * leaves nothing behind.
 *
 * PostgreSQL, MongoDB replica sets and the app's SQLite (src/sqliteTransactions.ts) get
 * the adapter's own transaction. A SQLite adapter configured without transactions (a host
 * app on Payload's default) gets the adapter's drizzle transaction started here, for this
 * one unit of work; that transaction takes over the adapter's connection, and the client
 * opens a fresh one afterwards, which gets the busy timeout again here. A standalone
 * MongoDB server has no transactions at all: there `atomic` is false and the caller says so.
 */
export async function inTransaction<T>(
  payload: Payload,
  work: (req: PayloadRequest, atomic: boolean) => Promise<T>,
): Promise<{ atomic: boolean; result: T }> {
  const req = await createLocalReq({}, payload)
  const adapter = payload.db as unknown as SqliteAdapterInternals
  let atomic = await initTransaction(req)
  const ownSqliteTransaction = !atomic && adapter.name === 'sqlite'
  if (ownSqliteTransaction) {
    req.transactionID = (await beginDrizzleTransaction.call(payload.db)) as number | string
    atomic = true
  }
  try {
    const result = await work(req, atomic)
    if (atomic) {
      await commitTransaction(req)
    }
    return { atomic, result }
  } catch (error) {
    if (atomic) {
      await killTransaction(req)
    }
    throw error
  } finally {
    if (ownSqliteTransaction && adapter.busyTimeout && adapter.client) {
      await adapter.client.execute(`PRAGMA busy_timeout = ${adapter.busyTimeout};`)
    }
  }
}
