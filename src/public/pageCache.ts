import type { Payload } from 'payload'

import type { AnswerHeads } from './cachedResponse.ts'

import { strongEtag } from './httpCache.ts'

export type CachedResponse = {
  body: string
  /** The body encoded once, so serving it costs no re-encoding. */
  bytes: Uint8Array<ArrayBuffer>
  etag: string
  /** The answers' headers, made on the first answer (src/public/cachedResponse.ts). */
  heads?: AnswerHeads
  tags: string[]
}

export function cachedResponseFor(body: string, tags: string[]): CachedResponse {
  // A Buffer over the encoded bytes (no copy): node:http writes a Buffer as it is, where a
  // plain Uint8Array is wrapped in a new Buffer on every write.
  const encoded = new TextEncoder().encode(body)
  return { body, bytes: Buffer.from(encoded.buffer, 0, encoded.byteLength), etag: strongEtag(body), tags }
}

/** An entry and its "read since the last eviction sweep" mark (see PageCache.get). */
type Slot = { entry: CachedResponse; used: boolean }

/** The cache's default bound (`publicApi.cacheMaxBytes`). */
export const defaultPageCacheMaxBytes = 64 * 1024 * 1024

/**
 * Public responses, serialised once and served from memory until something they show
 * changes. Entries carry cache tags (`tool:<slug>`, `matchup:<slug>`, list tags); a content
 * change drops the entries whose tags it affects, lists included only when it names them.
 */
export class PageCache {
  private readonly entries = new Map<string, Slot>()
  /** Bumped on every invalidation, so a page built from older data is never stored. */
  private generation = 0
  /** Bytes of all bodies held; past `maxBytes` the entries not read lately go first. */
  private bytes = 0
  /** While the process may be missing invalidations (Redis away), nothing is kept or served. */
  private suspended = false

  constructor(private readonly maxBytes = defaultPageCacheMaxBytes) {}

  get(key: string): CachedResponse | undefined {
    if (this.suspended) {
      return undefined
    }
    const slot = this.entries.get(key)
    if (!slot) {
      return undefined
    }
    // A hit only marks the entry (the warm read path's cost is a Map lookup). Eviction is
    // "second chance", an approximation of least-recently-used: the sweep in store() gives
    // a marked entry a new place at the back instead of dropping it.
    slot.used = true
    return slot.entry
  }

  private store(key: string, entry: CachedResponse): void {
    this.remove(key)
    if (this.suspended || entry.bytes.byteLength > this.maxBytes) {
      return
    }
    this.entries.set(key, { entry, used: false })
    this.bytes += entry.bytes.byteLength
    // Oldest first (a Map keeps insertion order). Each marked entry is unmarked and moved
    // back once, so the sweep ends within one pass over the cache plus the evictions; the
    // page just stored is passed over too (it fits alone, so older ones go first).
    while (this.bytes > this.maxBytes) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, Slot]
      this.entries.delete(oldestKey)
      if (oldest.used || oldestKey === key) {
        oldest.used = false
        this.entries.set(oldestKey, oldest)
      } else {
        this.bytes -= oldest.entry.bytes.byteLength
      }
    }
  }

  private remove(key: string): void {
    const slot = this.entries.get(key)
    if (slot) {
      this.entries.delete(key)
      this.bytes -= slot.entry.bytes.byteLength
    }
  }

  /** Bytes held now (bodies only). */
  get sizeInBytes(): number {
    return this.bytes
  }

  /**
   * Builds (or reuses) the entry for `key`; null from `build` means "not found", not cached.
   * `build` gives the value to serialise, or a body already serialised (a stored page).
   */
  async getOrBuild(
    key: string,
    build: () => Promise<null | { body: string; tags: string[] } | { tags: string[]; value: unknown }>,
  ): Promise<CachedResponse | null> {
    const cached = this.get(key)
    if (cached) {
      return cached
    }
    const startedAt = this.generation
    const built = await build()
    if (!built) {
      return null
    }
    const entry = cachedResponseFor('body' in built ? built.body : JSON.stringify(built.value), built.tags)
    if (this.generation === startedAt) {
      this.store(key, entry)
    }
    return entry
  }

  invalidate(tags: Iterable<string>): void {
    const affected = new Set(tags)
    this.generation += 1
    for (const [key, { entry }] of this.entries) {
      if (entry.tags.some((tag) => affected.has(tag))) {
        this.remove(key)
      }
    }
  }

  clear(): void {
    this.generation += 1
    this.entries.clear()
    this.bytes = 0
  }

  /**
   * Stops keeping pages: the process cannot hear other processes' invalidations, so any
   * page it kept could go stale unnoticed. Pages are built fresh for every request meanwhile.
   */
  suspend(): void {
    this.suspended = true
    this.clear()
  }

  /** Keeps pages again, starting empty: whatever was missed while suspended is not in it. */
  resume(): void {
    this.clear()
    this.suspended = false
  }

  get size(): number {
    return this.entries.size
  }
}

/**
 * Kept on the Payload instance under a registered symbol rather than in a module-level
 * map: Next.js bundles this module into its route code while the production server
 * (server.ts) loads its own copy, and both must see one cache per instance.
 */
const cacheSlot = Symbol.for('verdicts-cms.page-cache')
type WithPageCache = Payload & { [cacheSlot]?: PageCache }

/** The page cache of one Payload instance (one server process). */
export function pageCacheOf(payload: Payload): PageCache {
  const holder = payload as WithPageCache
  const options = payload.config.custom?.verdictsPlugin as undefined | { publicApi?: { cacheMaxBytes?: number } }
  holder[cacheSlot] ??= new PageCache(options?.publicApi?.cacheMaxBytes)
  return holder[cacheSlot]
}
