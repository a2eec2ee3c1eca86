import type { Endpoint, PayloadRequest } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'
import type { CachedResponse } from './pageCache.ts'

import { isValidSlug } from '../catalog/slugify.ts'
import { matchupsListTag, matchupTag, toolTag } from '../domain/cacheTags.ts'
import { cachedResponse, corsHeaders } from './cachedResponse.ts'
import { buildOpenApiDocument } from './openapi.ts'
import { cachedResponseFor, pageCacheOf } from './pageCache.ts'
import { PublicPages } from './pages.ts'
import { storedOrBuilt } from './pageStore.ts'
import { errorResponse } from '../http/endpointHelpers.ts'
import { listCacheKey } from './listCacheKey.ts'

type ListQuery = { category?: string; limit: number; page: number; q?: string; tier?: string; tool?: string }

/** Parses list query parameters strictly: an unknown or malformed one is a 400 naming it. */
export function parseListQuery(
  params: URLSearchParams,
  allowed: Array<keyof ListQuery>,
  tiers: string[],
): { error: { field: string; message: string } } | { query: ListQuery } {
  const query: ListQuery = { limit: 20, page: 1 }
  for (const [name, value] of params) {
    if (!(allowed as string[]).includes(name)) {
      return { error: { field: name, message: `unknown query parameter "${name}"; use ${allowed.join(', ')}` } }
    }
    if (name === 'page' || name === 'limit') {
      const number = Number(value)
      const max = name === 'limit' ? 100 : Number.MAX_SAFE_INTEGER
      // No leading zeros: `limit=0100` is not another spelling of 100 (nor another cache entry).
      if (!/^[1-9][0-9]*$/.test(value) || number < 1 || number > max) {
        return {
          error: { field: name, message: `${name} must be a whole number from 1${name === 'limit' ? ' to 100' : ''}` },
        }
      }
      query[name] = number
    } else if (name === 'tier') {
      if (!tiers.includes(value)) {
        return { error: { field: name, message: `tier must be one of: ${tiers.join(', ')}` } }
      }
      query.tier = value
    } else if (name === 'q') {
      if (value.trim().length === 0 || value.length > 100) {
        return { error: { field: name, message: 'q must be 1 to 100 characters' } }
      }
      query.q = value.trim()
    } else {
      if (!isValidSlug(value)) {
        return { error: { field: name, message: `${name} must be a slug, such as "developer-tools"` } }
      }
      query[name as 'category' | 'tool'] = value
    }
  }
  return { query }
}

/**
 * The public content API for consumer sites: published content only, the same answer for
 * every caller, served from memory once built, with strong ETags (304 on If-None-Match),
 * Cache-Control for CDNs, and CORS for the configured origins.
 */
export function createPublicEndpoints(options: SanitizedVerdictsOptions): Endpoint[] {
  const tiers = options.pricingTiers.map((tier) => tier.value)

  function respond(req: PayloadRequest, entry: CachedResponse | null, notFound: string): Response {
    if (entry) {
      return cachedResponse(entry, req.headers, options)
    }
    const response = errorResponse(404, notFound)
    response.headers.set('Cache-Control', 'no-store')
    for (const [name, value] of Object.entries(corsHeaders((name) => req.headers.get(name), options))) {
      response.headers.set(name, value)
    }
    return response
  }

  const pagesOf = (req: PayloadRequest) => new PublicPages(req.payload, options)
  const slugParam = (req: PayloadRequest) => String(req.routeParams?.slug ?? '')
  const searchParams = (req: PayloadRequest) => new URL(req.url ?? 'http://localhost/').searchParams

  function listEndpoint(kind: 'matchups' | 'tools', allowed: Array<keyof ListQuery>): Endpoint {
    return {
      handler: async (req) => {
        const params = searchParams(req)
        const parsed = parseListQuery(params, allowed, tiers)
        if ('error' in parsed) {
          return errorResponse(400, parsed.error.message, { field: parsed.error.field })
        }
        const { limit, page, ...filters } = parsed.query
        // Keyed on the parsed query, not its spelling: one entry per distinct answer. A matchups
        // list changes only when a matchup is published, unpublished or edited, or a tool it
        // shows is edited; a tools list page names its own tags (see listTools).
        const key = listCacheKey(kind, parsed.query)
        const entry = await pageCacheOf(req.payload).getOrBuild(key, async () =>
          kind === 'matchups'
            ? { tags: [matchupsListTag], value: await pagesOf(req).listMatchups(filters, page, limit) }
            : await pagesOf(req).listTools(filters, page, limit),
        )
        return respond(req, entry, '')
      },
      method: 'get',
      path: `/public/${kind}`,
    }
  }

  let openApiBody: CachedResponse | null = null

  return [
    {
      handler: async (req) => {
        const slug = slugParam(req)
        const entry = isValidSlug(slug)
          ? await pageCacheOf(req.payload).getOrBuild(matchupTag(slug), () =>
              storedOrBuilt(req.payload, matchupTag(slug), async () => {
                const page = await pagesOf(req).matchupPage(slug)
                return (
                  page && { tags: [matchupTag(slug), ...page.tools.map((tool) => toolTag(tool.slug))], value: page }
                )
              }),
            )
          : null
        return respond(req, entry, `No published matchup "${slug}".`)
      },
      method: 'get',
      path: '/public/matchups/:slug',
    },
    {
      handler: async (req) => {
        const slug = slugParam(req)
        const entry = isValidSlug(slug)
          ? await pageCacheOf(req.payload).getOrBuild(toolTag(slug), () =>
              storedOrBuilt(req.payload, toolTag(slug), async () => {
                const page = await pagesOf(req).toolPage(slug)
                return (
                  page && {
                    tags: [toolTag(slug), ...page.matchups.map((matchup) => matchupTag(matchup.slug))],
                    value: page,
                  }
                )
              }),
            )
          : null
        return respond(req, entry, `No published tool "${slug}".`)
      },
      method: 'get',
      path: '/public/tools/:slug',
    },
    listEndpoint('matchups', ['tool', 'category', 'tier', 'q', 'page', 'limit']),
    listEndpoint('tools', ['category', 'tier', 'q', 'page', 'limit']),
    {
      handler: (req) => {
        if (!openApiBody) {
          openApiBody = cachedResponseFor(
            JSON.stringify(buildOpenApiDocument(options, req.payload.config.serverURL)),
            [],
          )
        }
        return respond(req, openApiBody, '')
      },
      method: 'get',
      path: '/public/openapi.json',
    },
  ]
}
