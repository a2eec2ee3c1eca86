import type { Endpoint, PayloadRequest } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'

import { isValidSlug } from '../catalog/slugify.ts'
import { toolTag } from '../domain/cacheTags.ts'
import { errorResponse } from '../http/endpointHelpers.ts'
import { cachedResponse, corsHeaders } from './cachedResponse.ts'
import { publicToolHistory } from './history.ts'
import { publicMethodology } from './methodology.ts'
import { publicFeed, publicSitemap } from './publications.ts'
import { cachedResponseFor, pageCacheOf } from './pageCache.ts'

/** The page-cache key of a tool's history; dropped with the tool's page tag (a recount saves the tool). */
export const historyCacheKey = (slug: string) => `history:${slug}`

/**
 * What lets a consumer page explain its figures: a tool's score history
 * (`/api/public/tools/:slug/history`) and the rules and panel behind every number
 * (`/api/public/methodology`), and what feeds and sitemaps list (`/api/public/feed`,
 * `/api/public/sitemap`). Same caching contract as the other public reads: strong
 * ETag, 304 on If-None-Match, Cache-Control and CORS.
 */
export function createReaderEndpoints(options: SanitizedVerdictsOptions): Endpoint[] {
  function notFound(req: PayloadRequest, message: string): Response {
    const response = errorResponse(404, message)
    response.headers.set('Cache-Control', 'no-store')
    for (const [name, value] of Object.entries(corsHeaders((name) => req.headers.get(name), options))) {
      response.headers.set(name, value)
    }
    return response
  }

  return [
    {
      handler: async (req) => {
        const slug = String(req.routeParams?.slug ?? '')
        const entry = isValidSlug(slug)
          ? await pageCacheOf(req.payload).getOrBuild(historyCacheKey(slug), async () => {
              const history = await publicToolHistory(req.payload, options, slug)
              return history && { tags: [toolTag(slug)], value: history }
            })
          : null
        return entry ? cachedResponse(entry, req.headers, options) : notFound(req, `No published tool "${slug}".`)
      },
      method: 'get',
      path: '/public/tools/:slug/history',
    },
    {
      handler: async (req) => {
        const entry = await pageCacheOf(req.payload).getOrBuild('feed', () => publicFeed(req.payload, options))
        return cachedResponse(entry!, req.headers, options)
      },
      method: 'get',
      path: '/public/feed',
    },
    {
      handler: async (req) => {
        const entry = await pageCacheOf(req.payload).getOrBuild('sitemap', () => publicSitemap(req.payload, options))
        return cachedResponse(entry!, req.headers, options)
      },
      method: 'get',
      path: '/public/sitemap',
    },
    {
      // Read each time (one small query): a persona's edit names no page tag to drop a cached copy by.
      handler: async (req) => {
        const body = JSON.stringify(await publicMethodology(req.payload, options))
        return cachedResponse(cachedResponseFor(body, []), req.headers, options)
      },
      method: 'get',
      path: '/public/methodology',
    },
  ]
}
