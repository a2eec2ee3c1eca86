import { fetchFeed } from '../../../../site/publicApi.ts'
import { siteSettings } from '../../../../site/settings.ts'
import { comparisonsFeed } from '../../../../site/syndication.ts'

// Built per request from the data cache, like the pages; a delivery refreshes it.
export const dynamic = 'force-dynamic'

/** The Atom feed of comparisons, newest first publication first. */
export async function GET(): Promise<Response> {
  const { docs } = await fetchFeed()
  return new Response(comparisonsFeed(docs, siteSettings().siteUrl), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  })
}
