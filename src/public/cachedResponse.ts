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
 * The headers of one page's answers that no request changes: Cache-Control, ETag and
 * Content-Type, with the CORS headers when they do not name the request's origin (`*`, or
 * `Vary: Origin` alone). Made on the entry's first answer and kept on it, so a hit builds
 * no header values. `lengthOk` adds Content-Length, for node:http (the fast path), which
 * would otherwise frame the body as chunks.
 */
export type AnswerHeads = {
  lengthOk: Record<string, string>
  notModified: Record<string, string>
  ok: Record<string, string>
  options: SanitizedVerdictsOptions
}

function headsOf(entry: CachedResponse, options: SanitizedVerdictsOptions): AnswerHeads {
  if (entry.heads?.options === options) {
    return entry.heads
  }
  const notModified: Record<string, string> = {
    // The CORS headers of a request naming no origin: those every answer carries.
    ...corsHeaders(() => undefined, options),
    'Cache-Control': publicCacheControl(options.publicApi.cacheControl),
    ETag: entry.etag,
  }
  const ok = { ...notModified, 'Content-Type': 'application/json; charset=utf-8' }
  entry.heads = { lengthOk: { ...ok, 'Content-Length': String(entry.bytes.byteLength) }, notModified, ok, options }
  return entry.heads
}

/**
 * The answer for a public page held in memory: 304 when the client's ETag is current,
 * else the bytes. One definition for the Fetch API route and the node:http fast path, so
 * both send the same headers (`withLength`: the fast path's Content-Length).
 */
export function cachedAnswer(
  entry: CachedResponse,
  header: HeaderLookup,
  options: SanitizedVerdictsOptions,
  withLength = false,
) {
  const heads = headsOf(entry, options)
  const notModified = ifNoneMatchHits(header('if-none-match'), entry.etag)
  let headers = notModified ? heads.notModified : withLength ? heads.lengthOk : heads.ok
  if (options.publicApi.corsOrigins !== '*') {
    const origin = header('origin')
    if (origin && options.publicApi.corsOrigins.includes(origin)) {
      headers = { 'Access-Control-Allow-Origin': origin, ...headers }
    }
  }
  return notModified ? { body: null, headers, status: 304 } : { body: entry.bytes, headers, status: 200 }
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
