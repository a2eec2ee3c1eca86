import type { Payload } from 'payload'

import { randomUUID } from 'node:crypto'

import { pluginOptionsOf } from '../pluginOptions.ts'

/**
 * Public pages stored in the database as served (collection `public-pages`), so that a
 * page missing from a process's memory costs one row read instead of a build: a miss after
 * a restart, on another server, or after the memory cache let it go.
 *
 * Staying current across servers without any message between them:
 * - every transaction that changes what pages show gives each of those pages a new
 *   `version` and clears its `body`, in one statement inside the transaction, just before
 *   it commits (src/public/invalidation.ts); a page without a row gets one, with no body;
 * - a reader reads the row first. With a body it serves it. Without one it builds the page
 *   and stores it only if the row still has the version it read (one conditional
 *   statement; with no row, an insert that does nothing if a row appeared meanwhile).
 *
 * So a page built from data read before a change committed is never kept: the change gave
 * its row a new version (or created it) before its commit, and the reader read the version
 * before the data. On PostgreSQL and MongoDB the reader's conditional write waits for an
 * open transaction that wrote the row; on SQLite writes take turns.
 *
 * Only comparison and tool pages are stored (lists are one index range already). Off on a
 * MongoDB server without transactions (FerretDB v1 here), where a conditional update is not
 * atomic: pages are then built on every miss, as before.
 */

export type StoredPage = { body: null | string; tags: string[]; version: string }

/** What a page key looks like: the page's own cache tag. */
const storedKeyPattern = /^(matchup|tool):[a-z0-9-]+$/

export function isStoredPageKey(tag: string): boolean {
  return storedKeyPattern.test(tag)
}

export interface PageStore {
  /** Gives every page in `keys` a new version and no body, inside `transactionID` when given. */
  bump(keys: string[], transactionID?: number | string): Promise<void>
  read(key: string): Promise<null | StoredPage>
  /** Stores `body` if the row is still as `seen` (absent: no row yet). */
  save(key: string, seen: null | StoredPage, body: string, tags: string[]): Promise<void>
}

/** Keys per statement: a category edit can name thousands of pages. */
const keysPerStatement = 500

type SqlTag = {
  (strings: TemplateStringsArray, ...values: unknown[]): unknown
  identifier: (name: string) => unknown
  join: (chunks: unknown[], separator?: unknown) => unknown
  raw: (text: string) => unknown
}
type SqlDb = {
  execute?: (query: unknown) => Promise<{ rowCount?: null | number; rows: Array<Record<string, unknown>> }>
  run?: (query: unknown) => Promise<{ rows: Array<Record<string, unknown>>; rowsAffected?: number }>
}
type SqlAdapter = {
  drizzle: SqlDb
  name: string
  sessions: Record<string, { db: SqlDb } | undefined>
  tableNameMap: Map<string, string>
}

/** SQLite and PostgreSQL: the same statements, run through drizzle's `run` or `execute`. */
async function sqlStore(payload: Payload, slug: string): Promise<PageStore> {
  // drizzle-orm comes with Payload's SQL adapters; loaded only when one is in use.
  const { sql } = (await import('drizzle-orm')) as unknown as { sql: SqlTag }
  const adapter = payload.db as unknown as SqlAdapter
  const table = sql.identifier(adapter.tableNameMap.get(slug) ?? slug.replaceAll('-', '_'))
  const run = async (query: unknown, transactionID?: number | string) => {
    const db = (transactionID !== undefined && adapter.sessions[transactionID]?.db) || adapter.drizzle
    const result = db.run ? await db.run(query) : await db.execute!(query)
    const changed = 'rowsAffected' in result ? result.rowsAffected : (result as { rowCount?: number }).rowCount
    return { changed: Number(changed ?? 0), rows: result.rows }
  }
  return {
    async bump(keys, transactionID) {
      const version = randomUUID()
      for (let start = 0; start < keys.length; start += keysPerStatement) {
        const rows = keys.slice(start, start + keysPerStatement).map((key) => sql`(${key}, ${version})`)
        await run(
          sql`insert into ${table} ("key", "version") values ${sql.join(rows, sql`, `)} on conflict ("key") do update set "version" = excluded."version", "body" = null`,
          transactionID,
        )
      }
    },
    async read(key) {
      const { rows } = await run(sql`select "version", "body", "tags" from ${table} where "key" = ${key}`)
      const row = rows[0]
      return row ? storedPageOf(row) : null
    },
    async save(key, seen, body, tags) {
      await run(
        seen
          ? sql`update ${table} set "body" = ${body}, "tags" = ${tags.join(' ')} where "key" = ${key} and "version" = ${seen.version}`
          : sql`insert into ${table} ("key", "version", "body", "tags") values (${key}, ${randomUUID()}, ${body}, ${tags.join(' ')}) on conflict ("key") do nothing`,
      )
    },
  }
}

type MongoCollection = {
  bulkWrite: (operations: unknown[], options?: { ordered?: boolean; session?: unknown }) => Promise<unknown>
  findOne: (filter: Record<string, unknown>, options?: unknown) => Promise<null | Record<string, unknown>>
  insertOne: (doc: Record<string, unknown>) => Promise<unknown>
  updateOne: (filter: Record<string, unknown>, update: Record<string, unknown>) => Promise<unknown>
}
type MongoAdapter = {
  collections: Record<string, { collection: MongoCollection }>
  sessions: Record<string, unknown>
  transactionOptions?: unknown
}

/** MongoDB: the same scheme with a unique index on `key` and conditional updates. */
function mongoStore(payload: Payload, slug: string): PageStore {
  const adapter = payload.db as unknown as MongoAdapter
  const collection = () => adapter.collections[slug].collection
  return {
    async bump(keys, transactionID) {
      if (keys.length === 0) {
        return
      }
      const version = randomUUID()
      await collection().bulkWrite(
        keys.map((key) => ({
          updateOne: { filter: { key }, update: { $set: { body: null, key, version } }, upsert: true },
        })),
        { ordered: false, session: transactionID !== undefined ? adapter.sessions[transactionID] : undefined },
      )
    },
    async read(key) {
      const row = await collection().findOne({ key }, { projection: { body: 1, tags: 1, version: 1 } })
      return row ? storedPageOf(row) : null
    },
    async save(key, seen, body, tags) {
      try {
        await (seen
          ? collection().updateOne({ key, version: seen.version }, { $set: { body, tags: tags.join(' ') } })
          : collection().insertOne({ body, key, tags: tags.join(' '), version: randomUUID() }))
      } catch (error) {
        // A row appeared meanwhile (duplicate key): its writer's version wins.
        if ((error as { code?: number }).code !== 11000) {
          throw error
        }
      }
    },
  }
}

function storedPageOf(row: Record<string, unknown>): StoredPage {
  const tags = typeof row.tags === 'string' && row.tags ? row.tags.split(' ') : []
  return { body: typeof row.body === 'string' ? row.body : null, tags, version: String(row.version) }
}

const storeSlot = Symbol.for('verdicts-cms.page-store')
type WithStore = Payload & { [storeSlot]?: Promise<null | PageStore> }

/** The store's statements for the instance's database, whether or not pages are stored there. */
export async function openPageStore(payload: Payload): Promise<null | PageStore> {
  const slug = pluginOptionsOf(payload).collectionSlugs.publicPages
  if (!payload.collections?.[slug as never]) {
    return null
  }
  if (payload.db.name === 'sqlite' || payload.db.name === 'postgres') {
    return sqlStore(payload, slug)
  }
  return payload.db.name === 'mongoose' ? mongoStore(payload, slug) : null
}

/** The page store of a Payload instance, or null where pages are not stored (see above). */
export function pageStoreOf(payload: Payload): Promise<null | PageStore> {
  const holder = payload as WithStore
  const withoutTransactions =
    payload.db.name === 'mongoose' && (payload.db as unknown as MongoAdapter).transactionOptions === false
  holder[storeSlot] ??= withoutTransactions ? Promise.resolve(null) : openPageStore(payload)
  return holder[storeSlot]
}

/** The page keys among cache tags (list tags are not stored pages). */
export function storedPageKeys(tags: Iterable<string>): string[] {
  return [...tags].filter(isStoredPageKey).sort()
}

/** Gives the pages `tags` name a new version, inside `transactionID` when given (see above). */
export async function bumpStoredPages(
  payload: Payload,
  tags: Iterable<string>,
  transactionID?: number | string,
): Promise<void> {
  const keys = storedPageKeys(tags)
  const store = keys.length > 0 ? await pageStoreOf(payload) : null
  await store?.bump(keys, transactionID)
}

type Built = null | { tags: string[]; value: unknown }

/**
 * A page from the store, else built by `build` and stored (after the answer: the reader does
 * not wait for the write, which on SQLite may queue behind another request's transaction).
 */
export async function storedOrBuilt(
  payload: Payload,
  key: string,
  build: () => Promise<Built>,
): Promise<null | { body: string; tags: string[] }> {
  const store = await pageStoreOf(payload)
  const seen = store ? await readOrNull(payload, store, key) : null
  if (seen?.body) {
    return { body: seen.body, tags: seen.tags }
  }
  const built = await build()
  if (!built) {
    return null
  }
  const body = JSON.stringify(built.value)
  if (store) {
    const saving = store.save(key, seen, body, built.tags).catch((error: unknown) => {
      payload.logger.warn({
        err: error,
        msg: `Could not store the public page ${key}; it is built again on the next miss.`,
      })
    })
    const saves = savesOf(payload)
    saves.add(saving)
    void saving.finally(() => saves.delete(saving))
  }
  return { body, tags: built.tags }
}

const savesSlot = Symbol.for('verdicts-cms.page-store-saves')
type WithSaves = Payload & { [savesSlot]?: Set<Promise<void>> }

function savesOf(payload: Payload): Set<Promise<void>> {
  const holder = payload as WithSaves
  holder[savesSlot] ??= new Set()
  return holder[savesSlot]
}

/** Resolves once every page store write begun so far has finished (tests; a clean shutdown). */
export async function storedPagesSettled(payload: Payload): Promise<void> {
  await Promise.all([...savesOf(payload)])
}

/** The stored page for `key`, if one is stored and current. */
export async function storedPage(payload: Payload, key: string): Promise<null | { body: string; tags: string[] }> {
  const store = await pageStoreOf(payload)
  const seen = store ? await readOrNull(payload, store, key) : null
  return seen?.body ? { body: seen.body, tags: seen.tags } : null
}

/**
 * A failed read (the table missing because a migration was not run, a dropped connection)
 * must not fail the page: it is built instead, as without a store.
 */
async function readOrNull(payload: Payload, store: PageStore, key: string): Promise<null | StoredPage> {
  try {
    return await store.read(key)
  } catch (error) {
    payload.logger.warn({ err: error, msg: `Could not read the stored public page ${key}; building it.` })
    return null
  }
}
