import type { DatabaseAdapterObj } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { mkdirSync } from 'node:fs'
import path from 'node:path'

/** Where the embedded database lives when DATABASE_URI is unset. */
export const defaultSqlitePath = 'data/verdicts.db'

export type DatabaseTarget =
  | { kind: 'mongodb'; url: string }
  | { isDefault: boolean; kind: 'sqlite'; path: string; url: string }

export class UnsupportedDatabaseUriError extends Error {
  constructor(uri: string) {
    const scheme = uri.split(':')[0] || uri
    super(
      `DATABASE_URI "${scheme}:…" is not supported. Use file:<path> for SQLite, or mongodb:// / mongodb+srv:// for MongoDB; leave it unset for the embedded database under ./data/.`,
    )
    this.name = 'UnsupportedDatabaseUriError'
  }
}

/**
 * Reads DATABASE_URI: unset → the embedded SQLite file under ./data/; `file:<path>` →
 * SQLite at that path; `mongodb://` or `mongodb+srv://` → MongoDB through mongoose.
 */
export function resolveDatabaseTarget(uri: string | undefined, cwd = process.cwd()): DatabaseTarget {
  const trimmed = uri?.trim()
  if (!trimmed) {
    const file = path.resolve(cwd, defaultSqlitePath)
    return { isDefault: true, kind: 'sqlite', path: file, url: `file:${file}` }
  }
  if (trimmed.startsWith('mongodb://') || trimmed.startsWith('mongodb+srv://')) {
    return { kind: 'mongodb', url: trimmed }
  }
  if (trimmed.startsWith('file:')) {
    const file = path.resolve(cwd, trimmed.slice('file:'.length))
    return { isDefault: false, kind: 'sqlite', path: file, url: `file:${file}` }
  }
  throw new UnsupportedDatabaseUriError(trimmed)
}

/** The Payload database adapter for a target; creates the SQLite file's folder if needed. */
export function databaseAdapterFor(target: DatabaseTarget): DatabaseAdapterObj {
  if (target.kind === 'mongodb') {
    // Build unique indexes (slugs, verdict pairs) at start-up rather than in the background,
    // so the first writes already rely on them.
    return mongooseAdapter({ ensureIndexes: true, url: target.url })
  }
  mkdirSync(path.dirname(target.path), { recursive: true })
  // WAL lets readers work while another process writes; the busy timeout makes a second
  // process wait for the write lock instead of failing with SQLITE_BUSY.
  return sqliteAdapter({ busyTimeout: 10_000, client: { url: target.url }, wal: true })
}
