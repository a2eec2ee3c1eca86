import type { Payload } from 'payload'

import { strongEtag } from './httpCache.ts'

export type CachedResponse = {
  body: string
  /** The body encoded once, so serving it costs no re-encoding. */
  bytes: Uint8Array<ArrayBuffer>
  etag: string
  tags: string[]
}

export function cachedResponseFor(body: string, tags: string[]): CachedResponse {
  return { body, bytes: new TextEncoder().encode(body), etag: strongEtag(body), tags }
}

/**
 * Public responses, serialised once and served from memory until something they show
 * changes. Entries carry cache tags (`tool:<slug>`, `matchup:<slug>`, list tags); a content
 * change drops the entries whose tags it affects, lists included only when it names them.
 */
export class PageCache {
  private readonly entries = new Map<string, CachedResponse>()
  /** Bumped on every invalidation, so a page built from older data is never stored. */
  private generation = 0

  get(key: string): CachedResponse | undefined {
    return this.entries.get(key)
  }

  /** Builds (or reuses) the entry for `key`; null from `build` means "not found", not cached. */
  async getOrBuild(key: string, build: () => Promise<null | { tags: string[]; value: unknown }>): Promise<CachedResponse | null> {
    const cached = this.entries.get(key)
    if (cached) {
      return cached
    }
    const startedAt = this.generation
    const built = await build()
    if (!built) {
      return null
    }
    const entry = cachedResponseFor(JSON.stringify(built.value), built.tags)
    if (this.generation === startedAt) {
      this.entries.set(key, entry)
    }
    return entry
  }

  invalidate(tags: Iterable<string>): void {
    const affected = new Set(tags)
    this.generation += 1
    for (const [key, entry] of this.entries) {
      if (entry.tags.some((tag) => affected.has(tag))) {
        this.entries.delete(key)
      }
    }
  }

  clear(): void {
    this.generation += 1
    this.entries.clear()
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
  holder[cacheSlot] ??= new PageCache()
  return holder[cacheSlot]
}
