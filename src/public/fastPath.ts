import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Payload } from 'payload'

import { pluginOptionsOf } from '../pluginOptions.ts'
import { cachedAnswer } from './cachedResponse.ts'
import { matchupTag } from '../domain/cacheTags.ts'
import { pageCacheOf } from './pageCache.ts'

/**
 * The comparison page's read path at the node:http level, for a server in front of
 * Next.js (server.ts): a page already in memory is written straight to the socket, with
 * the same headers the API route sends (and its length, so node sends it in one write
 * rather than as chunks), before any Fetch API object or Next.js routing is created.
 * Anything else (a first read, an unknown slug, another path) returns false and goes on
 * to Next.js, which builds and caches the page.
 */
export function createMatchupFastPath(
  payload: Payload,
): (request: IncomingMessage, response: ServerResponse) => boolean {
  const options = pluginOptionsOf(payload)
  const cache = pageCacheOf(payload)
  const prefix = `${payload.config.routes.api}/public/matchups/`
  return (request, response) => {
    const url = request.url
    if (!url?.startsWith(prefix) || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return false
    }
    const queryAt = url.indexOf('?')
    const entry = cache.get(matchupTag(url.slice(prefix.length, queryAt === -1 ? undefined : queryAt)))
    if (!entry) {
      return false
    }
    const { body, headers, status } = cachedAnswer(entry, (name) => rawHeader(request, name), options, true)
    response.writeHead(status, headers)
    response.end(request.method === 'HEAD' ? undefined : body)
    return true
  }
}

/**
 * A request header (`name` in lower case) read from node's raw list, repeated values joined
 * as node joins them. `request.headers` is built on first use, an object of every header the
 * client sent, which cost the fast path more than its own work on a hit.
 */
function rawHeader(request: IncomingMessage, name: string): string | undefined {
  const raw = request.rawHeaders
  let value: string | undefined
  for (let index = 0; index < raw.length; index += 2) {
    if (raw[index].length === name.length && raw[index].toLowerCase() === name) {
      value = value === undefined ? raw[index + 1] : `${value}, ${raw[index + 1]}`
    }
  }
  return value
}
