/**
 * The page cache's key for a public list: its parsed query in a fixed order, so that
 * spellings of the same request (`page=1&limit=20` and `limit=20&page=1`, `q=Alpha` and
 * `q=alpha`) share one entry and a client cannot grow the cache by rewording its query.
 */
export function listCacheKey(
  kind: string,
  query: { category?: string; limit: number; page: number; q?: string; tier?: string; tool?: string },
): string {
  const q = query.q?.toLocaleLowerCase('en').split(/\s+/).filter(Boolean).join(' ')
  return `${kind}?${JSON.stringify([query.category ?? null, query.limit, query.page, q ?? null, query.tier ?? null, query.tool ?? null])}`
}
