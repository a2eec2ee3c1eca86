import type { Metadata } from 'next'

import { formatPercent } from 'verdicts-cms'
import { NewsletterCta } from '../../../site/components/NewsletterCta.tsx'
import { fetchCategories, fetchMatchupList, fetchMatchupPage } from '../../../site/publicApi.ts'

// Rendered per request from the data cache (no build-time API call); tags keep it fresh.
export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  alternates: { canonical: '/compare', types: { 'application/atom+xml': '/compare/feed.xml' } },
  description: 'Every published side-by-side comparison of AI tools, with the panel verdict for each.',
  openGraph: { title: 'All comparisons', type: 'website', url: '/compare' },
  title: 'All comparisons',
}

type Props = { searchParams: Promise<{ category?: string; page?: string; q?: string }> }

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export default async function CompareIndexPage({ searchParams }: Props) {
  const params = await searchParams
  const requested = Number(params.page ?? '1')
  const page = Number.isInteger(requested) && requested > 0 ? requested : 1
  // Only what the API accepts goes on: a malformed filter is dropped rather than answered with an error page.
  const q = params.q?.trim().slice(0, 100) || undefined
  const category = params.category && slugPattern.test(params.category) ? params.category : undefined
  const [list, categories] = await Promise.all([fetchMatchupList(page, 50, { category, q }), fetchCategories()])
  // Each comparison's figures come from its page, which the data cache holds anyway.
  const pages = await Promise.all(list.docs.map((matchup) => fetchMatchupPage(matchup.slug)))
  const filtered = Boolean(q || category)
  const pageLink = (target: number) => {
    const query = new URLSearchParams({ page: String(target) })
    for (const [name, value] of Object.entries({ category, q })) {
      if (value) {
        query.set(name, value)
      }
    }
    return `/compare?${query}`
  }
  return (
    <section aria-labelledby="index-title" className="matchup-index">
      <h1 id="index-title">All comparisons</h1>
      <form action="/compare" className="index-filters" method="get" role="search">
        <label htmlFor="index-q">Search comparisons</label>
        <input defaultValue={q} id="index-q" maxLength={100} name="q" type="search" />
        <label htmlFor="index-category">Category</label>
        <select defaultValue={category ?? ''} id="index-category" name="category">
          <option value="">All categories</option>
          {categories.map((option) => (
            <option key={option.slug} value={option.slug}>
              {option.name}
            </option>
          ))}
        </select>
        <button className="button" type="submit">
          Filter
        </button>
      </form>
      {list.docs.length === 0 ? (
        <p>{filtered ? 'No comparison matches these filters.' : 'No comparison is published yet.'}</p>
      ) : null}
      <ul className="matchup-list">
        {list.docs.map((matchup, index) => {
          const detail = pages[index]
          return (
            <li data-matchup={matchup.slug} key={matchup.slug}>
              <a href={`/compare/${matchup.slug}`}>{matchup.title}</a>
              {detail ? (
                <span className="matchup-list-figures">
                  {detail.tools.map((tool) => (
                    <span data-tool={tool.slug} key={tool.slug}>
                      {tool.name}: {formatPercent(tool.panel.percent)} panel
                      {tool.category ? ` · ${tool.category.name}` : ''}
                    </span>
                  ))}
                </span>
              ) : null}
              <span className="matchup-list-updated">
                updated <time dateTime={matchup.updatedAt}>{matchup.updatedAt.slice(0, 10)}</time>
              </span>
            </li>
          )
        })}
      </ul>
      {list.totalPages > 1 ? (
        <nav aria-label="Pages" className="pagination">
          {page > 1 ? <a href={pageLink(page - 1)}>Previous</a> : null}
          <span>
            Page {page} of {list.totalPages}
          </span>
          {page < list.totalPages ? <a href={pageLink(page + 1)}>Next</a> : null}
        </nav>
      ) : null}
      <p>
        <a href="/compare/feed.xml">Follow new comparisons (Atom feed)</a> · <a href="/methodology">How we count</a>
      </p>
      <NewsletterCta source="/compare" />
    </section>
  )
}
