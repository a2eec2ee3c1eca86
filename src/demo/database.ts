import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { DatabaseAdapterObj } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defaultBeginTransaction } from 'payload'

import { withSqliteTransactions } from './sqliteTransactions.ts'

/** Where the embedded database lives when DATABASE_URI is unset. */
export const defaultSqlitePath = 'data/verdicts.db'

/** How long a SQLite write waits for another process's write lock. */
const sqliteBusyTimeoutMs = 10_000

export type DatabaseTarget =
  | { isDefault: boolean; kind: 'sqlite'; path: string; url: string }
  | { kind: 'mongodb'; url: string }
  | { kind: 'postgres'; url: string }

export class UnsupportedDatabaseUriError extends Error {
  constructor(uri: string) {
    const scheme = uri.split(':')[0] || uri
    super(
      `DATABASE_URI "${scheme}:…" is not supported. Use file:<path> for SQLite, mongodb:// / mongodb+srv:// for MongoDB, or postgres:// / postgresql:// for PostgreSQL; leave it unset for the embedded database under ./data/.`,
    )
    this.name = 'UnsupportedDatabaseUriError'
  }
}

/**
 * Reads DATABASE_URI: unset → the embedded SQLite file under ./data/; `file:<path>` →
 * SQLite at that path; `mongodb://` or `mongodb+srv://` → MongoDB through mongoose;
 * `postgres://` or `postgresql://` → PostgreSQL.
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
  if (trimmed.startsWith('postgres://') || trimmed.startsWith('postgresql://')) {
    return { kind: 'postgres', url: trimmed }
  }
  if (trimmed.startsWith('file:')) {
    const file = path.resolve(cwd, trimmed.slice('file:'.length))
    return { isDefault: false, kind: 'sqlite', path: file, url: `file:${file}` }
  }
  throw new UnsupportedDatabaseUriError(trimmed)
}

/**
 * What Payload's mongoose adapter must do differently on FerretDB v1, which speaks the
 * MongoDB wire protocol but implements only part of MongoDB's commands.
 */
export const ferretdbCompatibility = {
  /**
   * FerretDB v1 has no transactions. Payload already runs without them when the URI names
   * no `replicaSet`; this keeps it so when one is named (FerretDB can pose as a replica set).
   */
  beginTransaction: defaultBeginTransaction(),
  transactionOptions: false,
  /** FerretDB v1 has no `$lookup` stage, so join fields (a user's "approves for") are filled by separate queries. */
  useJoinAggregations: false,
} satisfies Partial<MongooseAdapter>

/**
 * FerretDB announces itself in `buildInfo` (`ferretdbVersion`). Detecting it, rather than
 * asking for a setting, keeps one DATABASE_URI working for the app, the CLI and the tests,
 * and leaves a real MongoDB (or Atlas) on Payload's defaults.
 */
async function applyServerCompatibility(adapter: MongooseAdapter): Promise<void> {
  const version = await ferretdbVersionOf(adapter)
  if (version) {
    Object.assign(adapter, ferretdbCompatibility)
    // Payload counts failed sign-ins with a findAndModify projection FerretDB v1 lacks: every
    // wrong password answered 500. Account locking is off there; sign-ins stay throttled per
    // client address (src/accounts).
    for (const collection of Object.values(adapter.payload.collections ?? {})) {
      if (collection.config.auth && collection.config.auth.maxLoginAttempts > 0) {
        collection.config.auth.maxLoginAttempts = 0
      }
    }
    adapter.payload.logger.info(
      `FerretDB ${version}: transactions off, join fields by separate queries, account locking off (see README, Databases).`,
    )
  }
}

/** The FerretDB version the adapter is connected to, or null for MongoDB and others. */
export async function ferretdbVersionOf(adapter: Pick<MongooseAdapter, 'connection'>): Promise<null | string> {
  try {
    const buildInfo = await adapter.connection.db?.admin().command({ buildInfo: 1 })
    return typeof buildInfo?.ferretdbVersion === 'string' ? buildInfo.ferretdbVersion : null
  } catch {
    // FerretDB always answers buildInfo; a server that refuses it is something else.
    return null
  }
}

/**
 * Committed migrations, one folder per SQL database (`npm run migrate` applies them; in
 * development and in the tests Payload pushes the schema instead). MongoDB needs none.
 */
export const migrationFolders = {
  postgres: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations/postgres'),
  sqlite: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations/sqlite'),
}

/** The Payload database adapter for a target; creates the SQLite file's folder if needed. */
export function databaseAdapterFor(target: DatabaseTarget): DatabaseAdapterObj {
  if (target.kind === 'mongodb') {
    return mongooseAdapter({
      afterOpenConnection: applyServerCompatibility,
      // Build unique indexes (slugs, verdict pairs) at start-up rather than in the background,
      // so the first writes already rely on them.
      ensureIndexes: true,
      url: target.url,
    })
  }
  if (target.kind === 'postgres') {
    return postgresAdapter({ migrationDir: migrationFolders.postgres, pool: { connectionString: target.url } })
  }
  mkdirSync(path.dirname(target.path), { recursive: true })
  // WAL lets readers work while another process writes; the busy timeout makes a second
  // process wait for the write lock instead of failing with SQLITE_BUSY. Transactions are
  // on, as on the other databases, so a write and its hooks commit or roll back together;
  // withSqliteTransactions keeps the busy timeout on the connections they open.
  return withSqliteTransactions(
    sqliteAdapter({
      busyTimeout: sqliteBusyTimeoutMs,
      client: { url: target.url },
      migrationDir: migrationFolders.sqlite,
      transactionOptions: { behavior: 'immediate' },
      wal: true,
    }),
    { busyTimeoutMs: sqliteBusyTimeoutMs, url: target.url },
  )
}
