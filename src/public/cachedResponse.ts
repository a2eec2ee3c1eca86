import type { SanitizedVerdictsOptions } from '../options.ts'
import type { CachedResponse } from './pageCache.ts'

import { ifNoneMatchHits, publicCacheControl } from './httpCache.ts'

/** Reads a request header, whichever server API the request came through. */
export type HeaderLookup = (name: string) => null | string | undefined

/** CORS headers for a public response, from the configured origins. */
export function corsHeaders(header: HeaderLookup, options: SanitizedVerdictsOptions): Record<string, string> {
  const { corsOrigins } = options.publicApi
  if (corsOrigins === '*') {
    return { 'Access-Control-Allow-Origin': '*' }
  }
  const origin = header('origin')
  return origin && corsOrigins.includes(origin)
    ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' }
    : { Vary: 'Origin' }
}

/**
 * The answer for a public page held in memory: 304 when the client's ETag is current,
 * else the bytes. One definition for the Fetch API route and the node:http fast path, so
 * both send the same headers.
 */
export function cachedAnswer(entry: CachedResponse, header: HeaderLookup, options: SanitizedVerdictsOptions) {
  const headers: Record<string, string> = {
    ...corsHeaders(header, options),
    'Cache-Control': publicCacheControl(options.publicApi.cacheControl),
    ETag: entry.etag,
  }
  if (ifNoneMatchHits(header('if-none-match'), entry.etag)) {
    return { body: null, headers, status: 304 }
  }
  headers['Content-Type'] = 'application/json; charset=utf-8'
  return { body: entry.bytes, headers, status: 200 }
}

/** A public page from memory as a Fetch API response. */
export function cachedResponse(
  entry: CachedResponse,
  requestHeaders: Headers,
  options: SanitizedVerdictsOptions,
): Response {
  const { body, headers, status } = cachedAnswer(entry, (name) => requestHeaders.get(name), options)
  return new Response(body, { headers, status })
}
