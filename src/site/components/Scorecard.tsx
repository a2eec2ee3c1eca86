import type { PublicScorecardEntry, PublicTool } from 'verdicts-cms'

import { reviewedLine, scorecardRows } from 'verdicts-cms'

type Persona = { lens: string; name: string; slug: string }

/**
 * The reviewer scorecard: one row per persona in panel order, left tool first within a row.
 * Given the whole panel, a persona that has not reviewed a tool says so ("No verdict yet")
 * instead of leaving a gap; without it (a preview), only the rows with verdicts show.
 */
export function Scorecard({
  entries,
  panel,
  tools,
}: {
  entries: PublicScorecardEntry[]
  panel?: Persona[]
  tools: PublicTool[]
}) {
  const nameOf = new Map(tools.map((tool) => [tool.slug, tool.name]))
  const withVerdicts = scorecardRows(entries)
  const quotesOf = new Map(withVerdicts.map((row) => [row.reviewer.slug, row.entries]))
  const rows = panel
    ? panel.map((persona) => ({ entries: quotesOf.get(persona.slug) ?? [], reviewer: persona }))
    : withVerdicts
  return (
    <section aria-labelledby="scorecard-title" className="scorecard">
      <h2 id="scorecard-title">Reviewer scorecard</h2>
      {entries.length === 0 ? (
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
            {(panel ? tools.map((tool) => tool.slug) : quotes.map((entry) => entry.tool)).map((toolSlug) => {
              const entry = quotes.find((quote) => quote.tool === toolSlug)
              if (!entry) {
                return (
                  <figure className="verdict verdict-missing" data-decision="none" data-tool={toolSlug} key={toolSlug}>
                    <figcaption>
                      <span className="verdict-tool">{nameOf.get(toolSlug) ?? toolSlug}</span>
                    </figcaption>
                    <p>No verdict yet.</p>
                  </figure>
                )
              }
              return (
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
              )
            })}
          </div>
        </section>
      ))}
    </section>
  )
}
