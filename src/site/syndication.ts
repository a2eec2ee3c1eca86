import type { PublicPublication, PublicSitemap } from 'verdicts-cms'

import { Feed } from 'feed'
import { SitemapStream, streamToPromise } from 'sitemap'

/** The Atom feed's own path. */
export const feedPath = '/compare/feed.xml'

/**
 * The comparisons as an Atom 1.0 feed (RFC 4287), newest first publication first: each
 * entry's `published` is when it first went live, `updated` its last change.
 */
export function comparisonsFeed(publications: PublicPublication[], siteUrl: string): string {
  const newest = publications
    .map((item) => item.updatedAt)
    .sort()
    .at(-1)
  const feed = new Feed({
    copyright: 'Verdicts',
    description: 'New side-by-side comparisons of AI tools, with the panel verdict for each.',
    feedLinks: { atom: `${siteUrl}${feedPath}` },
    id: `${siteUrl}/compare`,
    language: 'en',
    link: `${siteUrl}/compare`,
    title: 'Verdicts: AI tool comparisons',
    updated: new Date(newest ?? 0),
  })
  for (const item of publications) {
    const [left, right] = item.tools
    feed.addItem({
      date: new Date(item.updatedAt),
      description: `${left.name} or ${right.name}? The panel's verdicts, the pricing and the community vote, side by side.`,
      id: `${siteUrl}/compare/${item.slug}`,
      link: `${siteUrl}/compare/${item.slug}`,
      published: new Date(item.publishedAt),
      title: item.title,
    })
  }
  return feed.atom1()
}

/** Every public page of the site, with `lastmod` from the API where it has one. */
export async function siteMap(pages: PublicSitemap, siteUrl: string): Promise<string> {
  const stream = new SitemapStream({ hostname: siteUrl })
  const newest = [...pages.matchups, ...pages.tools]
    .map((page) => page.updatedAt)
    .sort()
    .at(-1)
  stream.write({ lastmod: newest, url: '/compare' })
  stream.write({ url: '/methodology' })
  pages.matchups.forEach((page) => stream.write({ lastmod: page.updatedAt, url: `/compare/${page.slug}` }))
  pages.tools.forEach((page) => stream.write({ lastmod: page.updatedAt, url: `/tools/${page.slug}` }))
  stream.end()
  return (await streamToPromise(stream)).toString('utf8')
}
