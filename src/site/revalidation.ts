import { parsePageTag } from 'verdicts-cms'

/** The cache tag of the `/compare` index; every delivery refreshes it (titles, additions, removals). */
export const matchupIndexTag = 'site:matchup-index'

/** The cache tag of `/methodology`: it lists the panel, so every delivery refreshes it. */
export const methodologyTag = 'site:methodology'

/** On every cached read of the site, so all of them can be expired at once (a process back from a Redis outage). */
export const siteWideTag = 'site:all'

/** The path that receives the CMS's webhooks and revalidates the pages they name. */
export const revalidationPath = '/api/revalidate'

export class MalformedWebhookEventError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'MalformedWebhookEventError'
  }
}

/** The cache tags a verdicts webhook event names (`data.tags`), checked for shape. */
export function tagsOfWebhookEvent(event: unknown): string[] {
  const tags = (event as { data?: { tags?: unknown } } | null)?.data?.tags
  if (!Array.isArray(tags) || !tags.every((tag) => parsePageTag(tag) !== null)) {
    throw new MalformedWebhookEventError(
      'data.tags must be a list of cache tags such as "matchup:<slug>" or "tool:<slug>"',
    )
  }
  return tags
}

/** The tags of an expiry relayed from another process: page tags and the site's own. */
export function tagsOfRelayedEvent(event: unknown): string[] {
  const tags = (event as { data?: { tags?: unknown } } | null)?.data?.tags
  const siteTags: unknown[] = [matchupIndexTag, methodologyTag, siteWideTag]
  if (!Array.isArray(tags) || !tags.every((tag) => siteTags.includes(tag) || parsePageTag(tag) !== null)) {
    throw new MalformedWebhookEventError('data.tags must be a list of cache tags')
  }
  return tags
}
