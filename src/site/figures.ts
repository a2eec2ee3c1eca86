import type { PublicScoreChange } from 'verdicts-cms'

import { formatPercent } from 'verdicts-cms'

type Tally = { percent: null | number; total: number }

/**
 * The community figure and the line under it. Below the vote minimum the figure stays "—"
 * and the line counts toward it; the page and its voting script print the same words.
 */
export function communityFigure(community: Tally, minimumVotes: number): { detail: string; figure: string } {
  if (community.percent === null) {
    return { detail: `(${community.total} of ${minimumVotes} votes needed)`, figure: '—' }
  }
  return {
    detail: `${community.total} ${community.total === 1 ? 'vote' : 'votes'}`,
    figure: formatPercent(community.percent),
  }
}

/** "3 Dec" this year, "3 Dec 2025" before: a reader's date, in UTC like the API's. */
export function shortDate(iso: string, now = new Date()): string {
  const date = new Date(iso)
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
    ...(date.getUTCFullYear() === now.getUTCFullYear() ? {} : { year: 'numeric' }),
  })
}

/** "was 75% until 3 Dec": the figure before its latest change, and when that change came. */
export function changeLine(change: PublicScoreChange, now = new Date()): string {
  return `was ${formatPercent(change.from.percent)} until ${shortDate(change.date, now)}`
}
