import type { PublicScorecardEntry, PublicTool } from 'verdicts-cms'

import { reviewedLine, scorecardRows } from 'verdicts-cms'

/** The reviewer scorecard: one row per persona in panel order, left tool first within a row. */
export function Scorecard({ entries, tools }: { entries: PublicScorecardEntry[]; tools: PublicTool[] }) {
  const nameOf = new Map(tools.map((tool) => [tool.slug, tool.name]))
  const rows = scorecardRows(entries)
  return (
    <section aria-labelledby="scorecard-title" className="scorecard">
      <h2 id="scorecard-title">Reviewer scorecard</h2>
      {rows.length === 0 ? (
        <p className="scorecard-empty">No reviewer has published a verdict on these tools yet.</p>
      ) : null}
      {rows.map(({ entries: quotes, reviewer }) => (
        <section
          aria-labelledby={`persona-${reviewer.slug}`}
          className="persona-row"
          data-reviewer={reviewer.slug}
          key={reviewer.slug}
        >
          <header className="persona-header">
            <h3 id={`persona-${reviewer.slug}`}>{reviewer.name}</h3>
            {reviewer.lens ? <p className="persona-lens">{reviewer.lens}</p> : null}
          </header>
          <div className="persona-quotes">
            {quotes.map((entry) => (
              <figure className="verdict" data-decision={entry.decision} data-tool={entry.tool} key={entry.tool}>
                <figcaption>
                  <span className="verdict-tool">{nameOf.get(entry.tool) ?? entry.tool}</span>
                  <span className={`verdict-decision verdict-decision-${entry.decision}`}>
                    {entry.decision === 'ship' ? 'Ship' : 'Skip'}
                  </span>
                </figcaption>
                <blockquote className="prose" dangerouslySetInnerHTML={{ __html: entry.quote.html }} />
                {reviewedLine(entry.reviewedAt) ? (
                  <p className="verdict-reviewed" data-stale={entry.stale ? 'true' : undefined}>
                    {reviewedLine(entry.reviewedAt)}
                    {entry.stale ? <span className="verdict-stale"> · due for re-review</span> : null}
                  </p>
                ) : null}
              </figure>
            ))}
          </div>
        </section>
      ))}
    </section>
  )
}
