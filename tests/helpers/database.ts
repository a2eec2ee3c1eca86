import type { DatabaseAdapterObj } from 'payload'

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { databaseAdapterFor, resolveDatabaseTarget } from '../../src/database'

/**
 * The one switch for the test database. With DATABASE_URI unset each suite gets a fresh
 * SQLite file; with a mongodb:// URI each suite gets its own database on that server.
 */
export function testDatabaseUri(suite: string, env: NodeJS.ProcessEnv = process.env): string {
  const uri = env.DATABASE_URI?.trim()
  const name = `verdicts_test_${suite.replace(/[^a-z0-9]+/gi, '_')}_${process.pid}`
  if (!uri) {
    const folder = mkdtempSync(path.join(tmpdir(), 'verdicts-test-'))
    return `file:${path.join(folder, `${name}.db`)}`
  }
  const target = resolveDatabaseTarget(uri)
  if (target.kind === 'mongodb') {
    const url = new URL(target.url)
    url.pathname = `/${name}`
    return url.toString()
  }
  throw new Error(`Tests need an empty database per suite; DATABASE_URI=${uri} cannot provide one. Unset it for SQLite.`)
}

export function testDatabaseAdapter(databaseUri: string): DatabaseAdapterObj {
  return databaseAdapterFor(resolveDatabaseTarget(databaseUri))
}
