import type { Payload, SanitizedConfig } from 'payload'

import { REST_GET } from '@payloadcms/next/routes'
import { getPayload } from 'payload'

import { pluginOptionsOf } from '../pluginOptions.ts'
import { cachedResponse } from './cachedResponse.ts'
import { matchupTag } from '../domain/cacheTags.ts'
import { pageCacheOf } from './pageCache.ts'
import { storedPage } from './pageStore.ts'
import { isValidSlug } from '../catalog/slugify.ts'

type RouteContext = { params: Promise<{ slug: string }> }

/**
 * The read path of the comparison page, mounted by the app at
 * /api/public/matchups/[slug]: a page already in memory is answered straight from there,
 * without Payload's request pipeline (auth, i18n, routing), and so is a page stored in the
 * database (src/public/pageStore.ts); anything else — a first read, a page changed since it
 * was stored, an unknown slug — goes through the plugin's endpoint, which builds, stores and
 * caches the page.
 */
export function createMatchupRoute(config: Promise<SanitizedConfig> | SanitizedConfig) {
  const throughPayload = REST_GET(config)
  // Payload keeps one instance per process (HMR reloads it in place), so it is looked up once.
  let instance: Payload | undefined
  return async function GET(request: Request, context: RouteContext): Promise<Response> {
    const { slug } = await context.params
    const payload = (instance ??= await getPayload({ config }))
    const cache = pageCacheOf(payload)
    // Not in memory: the page as stored in the database (one row), if it is current there.
    const entry =
      cache.get(matchupTag(slug)) ??
      (isValidSlug(slug) ? await cache.getOrBuild(matchupTag(slug), () => storedPage(payload, matchupTag(slug))) : null)
    if (entry) {
      return cachedResponse(entry, request.headers, pluginOptionsOf(payload))
    }
    return throughPayload(request, { params: Promise.resolve({ slug: ['public', 'matchups', slug] }) })
  }
}
