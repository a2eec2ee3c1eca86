import { parsePageTag, pathOfPageTag } from '../domain/cacheTags.ts'

/** What a subscriber can listen to: changes that originate in these collections. */
export const webhookSources = [
  { label: 'Verdicts', value: 'verdict' },
  { label: 'Matchups', value: 'matchup' },
  { label: 'Tools', value: 'tool' },
  { label: 'Reviewer personas', value: 'persona' },
  { label: 'Categories', value: 'category' },
] as const

export type WebhookSource = (typeof webhookSources)[number]['value']
export type WebhookAction = 'deleted' | 'published' | 'unpublished' | 'updated'

/** The body of every delivery. `tags` are the cache tags of every page the change affects. */
export type WebhookEvent = {
  data: {
    action: WebhookAction
    id: number | string
    paths: string[]
    slug: null | string
    source: WebhookSource
    tags: string[]
  }
  timestamp: string
  type: `${WebhookSource}.${WebhookAction}`
}

/** The public API paths behind cache tags, for consumers that purge by URL. */
export function pathsForTags(tags: string[]): string[] {
  return tags.flatMap((tag) => {
    const page = parsePageTag(tag)
    return page ? [pathOfPageTag(page)] : []
  })
}
