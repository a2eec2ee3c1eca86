import type { Metadata } from 'next'

import { NewsletterCta } from '../../../site/components/NewsletterCta.tsx'
import { fetchMatchupList } from '../../../site/publicApi.ts'

// Rendered per request from the data cache (no build-time API call); tags keep it fresh.
export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  alternates: { canonical: '/compare' },
  description: 'Every published side-by-side comparison of AI tools, with the panel verdict for each.',
  openGraph: { title: 'All comparisons', type: 'website', url: '/compare' },
  title: 'All comparisons',
}

type Props = { searchParams: Promise<{ page?: string }> }

export default async function CompareIndexPage({ searchParams }: Props) {
  const requested = Number((await searchParams).page ?? '1')
  const page = Number.isInteger(requested) && requested > 0 ? requested : 1
  const list = await fetchMatchupList(page)
  return (
    <section aria-labelledby="index-title" className="matchup-index">
      <h1 id="index-title">All comparisons</h1>
      {list.docs.length === 0 ? <p>No comparison is published yet.</p> : null}
      <ul className="matchup-list">
        {list.docs.map((matchup) => (
          <li key={matchup.slug}>
            <a href={`/compare/${matchup.slug}`}>{matchup.title}</a>
            <span className="matchup-list-updated">
              updated <time dateTime={matchup.updatedAt}>{matchup.updatedAt.slice(0, 10)}</time>
            </span>
          </li>
        ))}
      </ul>
      {list.totalPages > 1 ? (
        <nav aria-label="Pages" className="pagination">
          {page > 1 ? <a href={`/compare?page=${page - 1}`}>Previous</a> : null}
          <span>
            Page {page} of {list.totalPages}
          </span>
          {page < list.totalPages ? <a href={`/compare?page=${page + 1}`}>Next</a> : null}
        </nav>
      ) : null}
      <NewsletterCta source="/compare" />
    </section>
  )
}
