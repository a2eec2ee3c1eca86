import type { Metadata } from 'next'

export const metadata: Metadata = {
  description: 'The verdicts CMS: the editorial admin and the comparison pages it publishes.',
  title: 'Verdicts',
}

/** `/`: where to go from here, the admin or the published comparisons (it was a bare 404). */
export default function HomePage() {
  return (
    <section aria-labelledby="home-title" className="matchup-index">
      <h1 id="home-title">Verdicts</h1>
      <ul className="matchup-list">
        <li>
          <a href="/admin">Admin</a> — write, review and publish verdicts and matchups
        </li>
        <li>
          <a href="/compare">Comparisons</a> — the published pages, as readers see them
        </li>
      </ul>
    </section>
  )
}
