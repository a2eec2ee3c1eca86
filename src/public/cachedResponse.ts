import type { SanitizedVerdictsOptions } from '../options'
import type { CachedResponse } from './pageCache'

import { ifNoneMatchHits, publicCacheControl } from '../lib/httpCache'

/** CORS headers for a public response, from the configured origins. */
export function corsHeaders(requestHeaders: Headers, options: SanitizedVerdictsOptions): Record<string, string> {
  const { corsOrigins } = options.publicApi
  if (corsOrigins === '*') {
    return { 'Access-Control-Allow-Origin': '*' }
  }
  const origin = requestHeaders.get('origin')
  return origin && corsOrigins.includes(origin) ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : { Vary: 'Origin' }
}

/** A public page from memory: 304 when the client's ETag is current, else the bytes. */
export function cachedResponse(entry: CachedResponse, requestHeaders: Headers, options: SanitizedVerdictsOptions): Response {
  const headers: Record<string, string> = {
    ...corsHeaders(requestHeaders, options),
    'Cache-Control': publicCacheControl(options.publicApi.cacheControl),
    ETag: entry.etag,
  }
  if (ifNoneMatchHits(requestHeaders.get('if-none-match'), entry.etag)) {
    return new Response(null, { headers, status: 304 })
  }
  headers['Content-Type'] = 'application/json; charset=utf-8'
  return new Response(entry.bytes, { headers, status: 200 })
}
