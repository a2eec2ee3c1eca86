/**
 * Cache tags name the pages a change affects: the page cache drops entries by them,
 * webhooks carry them, and consumer sites purge by them. Built and read only here.
 */
export const cacheTagKinds = ['matchup', 'tool'] as const
export type CacheTagKind = (typeof cacheTagKinds)[number]

export const toolTag = (slug: string) => `tool:${slug}`
export const matchupTag = (slug: string) => `matchup:${slug}`
/**
 * List tags name which lists a change can reorder, grow or shrink. A tools list page
 * carries one of them (the narrowest its filters allow) and the page tag of every tool it
 * shows; a matchups list page carries `matchupsListTag`. So a verdict's publish drops the
 * tools list pages that show its tool, not every list.
 */
export const toolsListTag = 'list:tools'
export const toolsInCategoryListTag = (categoryId: number | string) => `list:tools:category:${categoryId}`
export const toolsInTierListTag = (tier: string) => `list:tools:tier:${tier}`
export const matchupsListTag = 'list:matchups'

/** Every tools list a tool may be in: all tools, its category's, its tier's. */
export function toolListTags(tool: { category?: unknown; pricing?: { tier?: unknown } | null }): string[] {
  const tags = [toolsListTag]
  const category =
    tool.category && typeof tool.category === 'object' ? (tool.category as { id?: unknown }).id : tool.category
  if (typeof category === 'number' || typeof category === 'string') {
    tags.push(toolsInCategoryListTag(category))
  }
  if (typeof tool.pricing?.tier === 'string') {
    tags.push(toolsInTierListTag(tool.pricing.tier))
  }
  return tags
}

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
