/**
 * Counts the statements a piece of work sends to the database. On the SQL adapters (SQLite
 * and PostgreSQL) through drizzle's query logger: the session outside transactions and the
 * sessions Payload's transactions open both log through the session's options. On MongoDB
 * through mongoose's debug hook, one per collection command.
 * Used by the scale bench and by the statement-count and query-plan regression tests.
 */
import type { Config, InArgs } from '@libsql/client'
import type { Payload } from 'payload'

import { createClient } from '@libsql/client'

type Logger = { logQuery: (query: string, params: unknown[]) => void }
type Session = { logger?: Logger; options?: { logger?: Logger } }

export function isSqlAdapter(payload: Payload): boolean {
  return Boolean((payload.db as unknown as { drizzle?: { session?: Session } }).drizzle?.session)
}

type Mongoose = { set: (option: 'debug', value: unknown) => void }

export async function countStatements<T>(
  payload: Payload,
  work: () => Promise<T>,
): Promise<{ params: unknown[][]; queries: string[]; result: T; statements: number }> {
  if (!isSqlAdapter(payload)) {
    // The adapter's connection knows the mongoose instance it belongs to.
    const mongoose = (payload.db as unknown as { connection: { base: Mongoose } }).connection.base
    const queries: string[] = []
    mongoose.set('debug', (collection: string, method: string) => queries.push(`${collection}.${method}`))
    try {
      const result = await work()
      return { params: [], queries, result, statements: queries.length }
    } finally {
      mongoose.set('debug', false)
    }
  }
  const session = (payload.db as unknown as { drizzle: { session: Session } }).drizzle.session
  const queries: string[] = []
  const params: unknown[][] = []
  const logger: Logger = {
    logQuery: (query, values) => {
      queries.push(query)
      params.push(values)
    },
  }
  const before = { logger: session.logger, optionsLogger: session.options?.logger }
  session.logger = logger
  if (session.options) {
    session.options.logger = logger
  }
  try {
    const result = await work()
    return { params, queries, result, statements: queries.length }
  } finally {
    session.logger = before.logger
    if (session.options) {
      session.options.logger = before.optionsLogger
    }
  }
}

/**
 * SQLite's `explain query plan` of each statement, one line per step. Run on one connection
 * of their own: an EXPLAIN leaves the libsql connection that ran it reading the database as
 * it was then, so the adapter's connection would stop seeing later commits (seen with
 * @libsql/client 0.14; no statement the app itself sends does this).
 */
export async function sqlitePlans(
  payload: Payload,
  statements: Array<{ args: unknown[]; sql: string }>,
): Promise<string[][]> {
  const { clientConfig } = payload.db as unknown as { clientConfig: Config }
  const connection = createClient(clientConfig)
  try {
    const plans: string[][] = []
    for (const { args, sql } of statements) {
      const { rows } = await connection.execute({ args: args as InArgs, sql: `explain query plan ${sql}` })
      plans.push(rows.map((row) => String(row.detail)))
    }
    return plans
  } finally {
    connection.close()
  }
}
