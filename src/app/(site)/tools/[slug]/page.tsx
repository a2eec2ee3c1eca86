import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import { formatPercent, reviewedLine } from 'verdicts-cms'
import { changeLine, communityFigure, shortDate } from '../../../../site/figures.ts'
import { fetchMethodology, fetchToolHistory, fetchToolPage } from '../../../../site/publicApi.ts'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params
  const tool = await fetchToolPage(slug)
  if (!tool) {
    return { robots: { index: false }, title: 'Tool not found' }
  }
  const description = `${tool.name}: ${formatPercent(tool.panel.percent)} of the panel ship it. Every verdict, every comparison, and why the figure moved.`
  return {
    alternates: { canonical: `/tools/${tool.slug}` },
    description,
    openGraph: { description, title: tool.name, type: 'website', url: `/tools/${tool.slug}` },
    title: tool.name,
  }
}

/** A tool on its own: its figures, each panelist's verdict (or none yet), its comparisons, and its history. */
export default async function ToolPage({ params }: Props) {
  const { slug } = await params
  const [tool, history, methodology] = await Promise.all([
    fetchToolPage(slug),
    fetchToolHistory(slug),
    fetchMethodology(),
  ])
  if (!tool) {
    notFound()
  }
  const community = communityFigure(tool.community, methodology.community.minimumVotes)
  const verdictOf = new Map(tool.verdicts.map((verdict) => [verdict.reviewer.slug, verdict]))
  const changes = history?.changes ?? []
  return (
    <article aria-labelledby="tool-title" className="tool-page">
      <header className="matchup-header">
        {tool.category ? <p className="eyebrow">{tool.category.name}</p> : null}
        <h1 id="tool-title">{tool.name}</h1>
        {tool.tagline ? <p className="matchup-intro">{tool.tagline}</p> : null}
      </header>
      <dl className="tool-figures tool-page-figures">
        <div className="tool-figure">
          <dt>Panel ship</dt>
          <dd data-figure="panel">{formatPercent(tool.panel.percent)}</dd>
          <dd className="tool-figure-detail">
            {tool.panel.total === 0
              ? 'no published verdicts'
              : `${tool.panel.ship} of ${tool.panel.total} reviewers ship`}
          </dd>
          {changes[0] ? <dd className="tool-figure-change">{changeLine(changes[0])}</dd> : null}
        </div>
        <div className="tool-figure">
          <dt>Community</dt>
          <dd data-figure="community">{community.figure}</dd>
          <dd className="tool-figure-detail">{community.detail}</dd>
        </div>
        <div className="tool-figure">
          <dt>Entry</dt>
          <dd data-figure="entry">{tool.pricing.label}</dd>
          {tool.pricing.note ? <dd className="tool-figure-detail">{tool.pricing.note}</dd> : null}
        </div>
      </dl>
      <div className="tool-description prose" dangerouslySetInnerHTML={{ __html: tool.description.html }} />

      <section aria-labelledby="verdicts-title" className="scorecard">
        <h2 id="verdicts-title">The panel&apos;s verdicts</h2>
        {methodology.personas.map((persona) => {
          const verdict = verdictOf.get(persona.slug)
          return (
            <section
              aria-labelledby={`persona-${persona.slug}`}
              className="persona-row"
              data-reviewer={persona.slug}
              key={persona.slug}
            >
              <header className="persona-header">
                <h3 id={`persona-${persona.slug}`}>{persona.name}</h3>
                {persona.lens ? <p className="persona-lens">{persona.lens}</p> : null}
              </header>
              {verdict ? (
                <figure className="verdict" data-decision={verdict.decision}>
                  <figcaption>
                    <span className={`verdict-decision verdict-decision-${verdict.decision}`}>
                      {verdict.decision === 'ship' ? 'Ship' : 'Skip'}
                    </span>
                  </figcaption>
                  <blockquote className="prose" dangerouslySetInnerHTML={{ __html: verdict.quote.html }} />
                  {reviewedLine(verdict.reviewedAt) ? (
                    <p className="verdict-reviewed">
                      {reviewedLine(verdict.reviewedAt)}
                      {verdict.stale ? <span className="verdict-stale"> · due for re-review</span> : null}
                    </p>
                  ) : null}
                </figure>
              ) : (
                <p className="verdict-missing">No verdict yet.</p>
              )}
            </section>
          )
        })}
      </section>

      <section aria-labelledby="comparisons-title">
        <h2 id="comparisons-title">Compared with</h2>
        {tool.matchups.length === 0 ? <p>No published comparison includes {tool.name} yet.</p> : null}
        <ul className="matchup-list">
          {tool.matchups.map((matchup) => (
            <li key={matchup.slug}>
              <a href={`/compare/${matchup.slug}`}>{matchup.title}</a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="history-title" id="history">
        <h2 id="history-title">How the panel figure moved</h2>
        {changes.length === 0 ? <p>The panel figure has not changed since it was first published.</p> : null}
        <ol className="history-list">
          {changes.map((change) => (
            <li key={`${change.date}-${change.to.total}-${change.to.ship}`}>
              <time dateTime={change.date}>{shortDate(change.date)}</time>: {formatPercent(change.from.percent)} →{' '}
              {formatPercent(change.to.percent)} ({change.to.ship} of {change.to.total} ship) — {change.cause}
            </li>
          ))}
        </ol>
        <p>
          <a href="/methodology">How the figures are counted</a>
        </p>
      </section>
    </article>
  )
}
