import type { Payload } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'

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
 * Published matchups with the moment each first went live (`firstPublishedAt`, stamped by
 * the workflow's hook), newest first; content published before that field existed (on
 * MongoDB, which has no migration to fill it) counts from its creation.
 */
async function publishedMatchups(payload: Payload, options: SanitizedVerdictsOptions, limit = 0) {
  const req = await anonymousRequest(payload)
  const { docs } = await payload.find({
    collection: options.collectionSlugs.matchups,
    depth: 1,
    limit,
    overrideAccess: false,
    pagination: false,
    req,
    select: {
      createdAt: true,
      firstPublishedAt: true,
      leftTool: true,
      rightTool: true,
      slug: true,
      title: true,
      updatedAt: true,
    },
    sort: ['-firstPublishedAt', '-createdAt', 'slug'],
  })
  return (docs as Doc[]).map((matchup) => ({
    slug: String(matchup.slug),
    title: String(matchup.title),
    tools: [matchup.leftTool, matchup.rightTool].map((tool) => ({
      slug: String((tool as Doc | null)?.slug),
      name: String((tool as Doc | null)?.name),
    })),
    publishedAt: iso(matchup.firstPublishedAt ?? matchup.createdAt),
    updatedAt: iso(matchup.updatedAt),
  }))
}

/** The newest comparisons by first publication, newest first; dropped when any matchup list changes. */
export async function publicFeed(payload: Payload, options: SanitizedVerdictsOptions) {
  // The database orders; the sort again covers the few that fell back to their creation.
  const docs = (await publishedMatchups(payload, options, feedLength)).sort(
    (a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.slug.localeCompare(b.slug),
  )
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
