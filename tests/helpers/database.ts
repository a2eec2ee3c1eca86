import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { DatabaseAdapterObj, Payload } from 'payload'

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { databaseAdapterFor, ferretdbVersionOf, resolveDatabaseTarget } from '../../src/demo/database.ts'

/** Every database the tests create on a server starts with this. */
export const testDatabasePrefix = 'verdicts_test_'

/** A run's databases are dropped at its end; any left by a killed run after this long. */
export const staleAfterMs = 24 * 60 * 60 * 1000

/**
 * Names this jest run: its start time and process. Set once in the global setup so that
 * every worker names its databases alike; a run can then drop exactly its own.
 */
export const testRunEnvName = 'VERDICTS_TEST_RUN'

export function newTestRunId(now = Date.now(), pid = process.pid): string {
  return `r${now.toString(36)}p${pid.toString(36)}`
}

function testRunId(env: NodeJS.ProcessEnv): string {
  env[testRunEnvName] ??= newTestRunId()
  return env[testRunEnvName]
}

/**
 * The one switch for the test database. With DATABASE_URI unset each suite gets a fresh
 * SQLite file; with a mongodb:// or postgres:// URI each suite gets its own database on
 * that server, `verdicts_test_<suite>_<run>`, created on first connect and dropped when
 * the jest run ends.
 */
export function testDatabaseUri(suite: string, env: NodeJS.ProcessEnv = process.env): string {
  const uri = env.DATABASE_URI?.trim()
  const suiteName = suite
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 24)
  const name = `${testDatabasePrefix}${suiteName}_${testRunId(env)}`
  if (!uri) {
    const folder = mkdtempSync(path.join(tmpdir(), 'verdicts-test-'))
    return `file:${path.join(folder, `${name}.db`)}`
  }
  const target = resolveDatabaseTarget(uri)
  if (target.kind === 'sqlite') {
    throw new Error(
      `Tests need an empty database per suite; DATABASE_URI=${uri} cannot provide one. Unset it for SQLite.`,
    )
  }
  const url = new URL(target.url)
  url.pathname = `/${name}`
  return url.toString()
}

export function testDatabaseAdapter(databaseUri: string): DatabaseAdapterObj {
  return databaseAdapterFor(resolveDatabaseTarget(databaseUri))
}

/** When a test database's run started, read back from its name; null for other databases. */
export function testRunStartOf(databaseName: string): null | number {
  const match = databaseName.startsWith(testDatabasePrefix) ? /_r([0-9a-z]+)p[0-9a-z]+$/.exec(databaseName) : null
  return match ? parseInt(match[1], 36) : null
}

/** For the tests that state one of FerretDB's limits: is this instance connected to it? */
export async function runsOnFerretdb(payload: Payload): Promise<boolean> {
  return payload.db.name === 'mongoose' && (await ferretdbVersionOf(payload.db as unknown as MongooseAdapter)) !== null
}

/**
 * Whether this database can roll back a unit of work. Not on FerretDB v1 or a standalone
 * MongoDB server, which have no transactions (README, Databases); SQLite and PostgreSQL can.
 */
export async function rollsBackWrites(payload: Payload): Promise<boolean> {
  if (payload.db.name !== 'mongoose') {
    return true
  }
  const transactionId = await payload.db.beginTransaction()
  if (transactionId) {
    await payload.db.rollbackTransaction(transactionId)
  }
  return Boolean(transactionId)
}
