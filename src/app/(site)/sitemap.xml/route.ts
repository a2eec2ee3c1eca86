import { fetchSitemap } from '../../../site/publicApi.ts'
import { siteSettings } from '../../../site/settings.ts'
import { siteMap } from '../../../site/syndication.ts'

export const dynamic = 'force-dynamic'

/** The sitemap (sitemaps.org 0.9) of every published comparison and tool page. */
export async function GET(): Promise<Response> {
  const xml = await siteMap(await fetchSitemap(), siteSettings().siteUrl)
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })
}
