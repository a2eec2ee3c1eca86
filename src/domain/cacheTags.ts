/**
 * Cache tags name the pages a change affects: the page cache drops entries by them,
 * webhooks carry them, and consumer sites purge by them. Built and read only here.
 */
export const cacheTagKinds = ['matchup', 'tool'] as const
export type CacheTagKind = (typeof cacheTagKinds)[number]

export const toolTag = (slug: string) => `tool:${slug}`
export const matchupTag = (slug: string) => `matchup:${slug}`
/** Every list response carries this tag: lists depend on many records, so every invalidation drops them. */
export const listTag = 'list'

const pageTagPattern = /^(matchup|tool):([a-z0-9-]+)$/

/** The page a tag names, or null for anything that is not a page tag. */
export function parsePageTag(tag: unknown): null | { kind: CacheTagKind; slug: string } {
  const match = typeof tag === 'string' ? pageTagPattern.exec(tag) : null
  return match ? { kind: match[1] as CacheTagKind, slug: match[2] } : null
}

/** The public API path of the page a tag names. */
export function pathOfPageTag(tag: { kind: CacheTagKind; slug: string }): string {
  return tag.kind === 'tool' ? `/api/public/tools/${tag.slug}` : `/api/public/matchups/${tag.slug}`
}
