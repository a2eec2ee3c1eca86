import type { Decision } from '../domain/decisions.ts'
/** One quote on a comparison page's reviewer scorecard. */
export type ScorecardEntry<Quote> = {
  decision: Decision
  quote: Quote
  reviewer: { lens: string; name: string; position: number; slug: string }
  /** When the verdict was last reviewed (ISO date), and whether it is past due. */
  review?: { reviewedAt: null | string; stale: boolean }
  tool: string
}

/**
 * The scorecard order: grouped by persona in the panel's order (position, then name for
 * ties), and within a persona the left tool before the right one. A persona that did not
 * review a tool simply has no entry for it.
 */
export function orderScorecard<Quote>(
  entries: ScorecardEntry<Quote>[],
  leftToolSlug: string,
  rightToolSlug: string,
): ScorecardEntry<Quote>[] {
  const side = (entry: ScorecardEntry<Quote>) =>
    entry.tool === leftToolSlug ? 0 : entry.tool === rightToolSlug ? 1 : 2
  return entries
    .filter((entry) => side(entry) < 2)
    .sort(
      (a, b) =>
        a.reviewer.position - b.reviewer.position ||
        a.reviewer.name.localeCompare(b.reviewer.name) ||
        a.reviewer.slug.localeCompare(b.reviewer.slug) ||
        side(a) - side(b),
    )
}

/** A persona's row on the scorecard: its quotes in page order (left tool first). */
export type ScorecardRow<Entry extends { reviewer: { slug: string } }> = {
  entries: Entry[]
  reviewer: Entry['reviewer']
}

/**
 * Splits an ordered scorecard into one row per persona, keeping the order; rendering
 * needs the rows, the API keeps the flat list that consumers sort and filter themselves.
 */
export function scorecardRows<Entry extends { reviewer: { slug: string } }>(entries: Entry[]): ScorecardRow<Entry>[] {
  const rows: ScorecardRow<Entry>[] = []
  for (const entry of entries) {
    const current = rows.at(-1)
    if (current && current.reviewer.slug === entry.reviewer.slug) {
      current.entries.push(entry)
    } else {
      rows.push({ entries: [entry], reviewer: entry.reviewer })
    }
  }
  return rows
}

/**
 * "Reviewed November 2026" from a review date (ISO), in UTC so that every server prints
 * the same month; null when the verdict was never reviewed.
 */
export function reviewedLine(reviewedAt: null | string | undefined): null | string {
  if (!reviewedAt) {
    return null
  }
  const date = new Date(reviewedAt)
  if (Number.isNaN(date.getTime())) {
    return null
  }
  return `Reviewed ${date.toLocaleString('en-US', { month: 'long', timeZone: 'UTC', year: 'numeric' })}`
}
