import { createHash } from 'node:crypto'

/** A strong ETag for an exact response body. */
export function strongEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
}

/** True when an If-None-Match header names this ETag (or `*`): the client's copy is current. */
export function ifNoneMatchHits(header: null | string | undefined, etag: string): boolean {
  if (!header) {
    return false
  }
  return header.split(',').some((candidate) => {
    const tag = candidate.trim()
    return tag === '*' || tag === etag
  })
}

export type CacheControlOptions = { sMaxAge: number; staleWhileRevalidate: number }

/**
 * Browsers revalidate every time (max-age=0, cheap with ETags); shared caches and CDNs may
 * keep a copy for s-maxage and serve it stale while they refetch.
 */
export function publicCacheControl({ sMaxAge, staleWhileRevalidate }: CacheControlOptions): string {
  return `public, max-age=0, s-maxage=${sMaxAge}, stale-while-revalidate=${staleWhileRevalidate}`
}
