/** What a verdict (and a community vote) says about a tool. */

/** A ship/skip tally as stored on a tool and printed on comparison pages. */
export type Score = {
  percent: null | number
  ship: number
  skip: number
  total: number
}

/**
 * round(100 × ship / (ship + skip)); null when nothing was counted, or when fewer than
 * `minimumTotal` were (the community score hides thin samples; pages print "—").
 * Halves round up, as people expect: 1 of 8 is 13%, 5 of 8 is 63%.
 */
export function computeScore(ship: number, skip: number, minimumTotal = 1): Score {
  if (!Number.isInteger(ship) || !Number.isInteger(skip) || ship < 0 || skip < 0) {
    throw new RangeError(`ship and skip must be whole numbers ≥ 0, got ${ship} and ${skip}`)
  }
  const total = ship + skip
  const percent = total === 0 || total < minimumTotal ? null : Math.round((100 * ship) / total)
  return { percent, ship, skip, total }
}

/** True when two tallies say the same thing (the time they were computed aside). */
export function sameScore(a: Partial<Score> | null | undefined, b: Score): boolean {
  return (
    (a?.ship ?? 0) === b.ship &&
    (a?.skip ?? 0) === b.skip &&
    (a?.total ?? 0) === b.total &&
    (a?.percent ?? null) === b.percent
  )
}

/** "75%" or "—", as pages print it. */
export function formatPercent(percent: null | number): string {
  return percent === null ? '—' : `${percent}%`
}
