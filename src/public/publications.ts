import type { Payload } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'

import { idOf } from '../catalog/relations.ts'
import { matchupsListTag, toolsListTag, toolTag } from '../domain/cacheTags.ts'
import { anonymousRequest } from './pages.ts'

/** A published comparison as a feed lists it: `publishedAt` is when it first went live. */
export type PublicPublication = {
  publishedAt: string
  slug: string
  title: string
  tools: Array<{ name: string; slug: string }>
  updatedAt: string
}
export type PublicSitemap = {
  matchups: Array<{ slug: string; updatedAt: string }>
  tools: Array<{ slug: string; updatedAt: string }>
}

/** The newest comparisons a feed carries. */
export const feedLength = 50

type Doc = Record<string, unknown> & { id: number | string }

const iso = (value: unknown) => new Date(String(value)).toISOString()

/**
 * Every published matchup with the moment it first went live: its first transition to
 * "published" in the workflow history (a staff-only log, of which only that date is read),
 * else its creation (content that went live without the workflow, such as a seed).
 */
async function publishedMatchups(payload: Payload, options: SanitizedVerdictsOptions) {
  const req = await anonymousRequest(payload)
  const { docs } = await payload.find({
    collection: options.collectionSlugs.matchups,
    depth: 1,
    limit: 0,
    overrideAccess: false,
    pagination: false,
    req,
    select: { createdAt: true, leftTool: true, rightTool: true, slug: true, title: true, updatedAt: true },
  })
  const matchups = docs as Doc[]
  const firstPublished = new Map<string, string>()
  if (matchups.length > 0) {
    const { docs: events } = await payload.find({
      collection: options.collectionSlugs.workflowEvents,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      req,
      select: { createdAt: true, document: true },
      sort: 'createdAt',
      where: {
        and: [
          { 'document.relationTo': { equals: options.collectionSlugs.matchups } },
          { 'document.value': { in: matchups.map((matchup) => matchup.id) } },
          { to: { equals: 'published' } },
        ],
      },
    })
    for (const event of events as Doc[]) {
      const id = String(idOf((event.document as { value?: unknown } | undefined)?.value))
      if (!firstPublished.has(id)) {
        firstPublished.set(id, iso(event.createdAt))
      }
    }
  }
  return matchups.map((matchup) => ({
    slug: String(matchup.slug),
    title: String(matchup.title),
    tools: [matchup.leftTool, matchup.rightTool].map((tool) => ({
      slug: String((tool as Doc | null)?.slug),
      name: String((tool as Doc | null)?.name),
    })),
    publishedAt: firstPublished.get(String(matchup.id)) ?? iso(matchup.createdAt),
    updatedAt: iso(matchup.updatedAt),
  }))
}

/** The newest comparisons by first publication, newest first; dropped when any matchup list changes. */
export async function publicFeed(payload: Payload, options: SanitizedVerdictsOptions) {
  const docs = (await publishedMatchups(payload, options))
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.slug.localeCompare(b.slug))
    .slice(0, feedLength)
  return { tags: [matchupsListTag], value: { docs } }
}

/** Every public page with its last change, for a consumer's sitemap. */
export async function publicSitemap(payload: Payload, options: SanitizedVerdictsOptions) {
  const req = await anonymousRequest(payload)
  const [matchups, tools] = await Promise.all([
    publishedMatchups(payload, options),
    payload.find({
      collection: options.collectionSlugs.tools,
      depth: 0,
      limit: 0,
      overrideAccess: false,
      pagination: false,
      req,
      select: { slug: true, updatedAt: true },
      sort: 'slug',
      where: { public: { equals: true } },
    }),
  ])
  const toolPages = (tools.docs as Doc[]).map((tool) => ({ slug: String(tool.slug), updatedAt: iso(tool.updatedAt) }))
  const value: PublicSitemap = {
    matchups: matchups.map(({ slug, updatedAt }) => ({ slug, updatedAt })).sort((a, b) => a.slug.localeCompare(b.slug)),
    tools: toolPages,
  }
  // A recount saves its tool (new lastmod), which names the tool's page tag.
  return { tags: [matchupsListTag, toolsListTag, ...toolPages.map((tool) => toolTag(tool.slug))], value }
}
