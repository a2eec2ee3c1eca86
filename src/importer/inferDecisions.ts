/**
 * Pages print a tool's panel percentage, never a verdict's ship or skip. From the printed
 * figure and the number of the tool's quotes this finds how many verdicts ship; when that
 * leaves a choice (a tool not at 0% or 100%), it picks which ones skip by a fixed rule and
 * flags every decision of the tool as inferred, for the persona's reviewer to confirm.
 *
 * The rule, in order:
 * 1. Decisions already in the database for the same quote are kept, unless the printed
 *    figure rules them out (then the fewest of them change).
 * 2. The remaining skips go to the quotes that lean most towards skipping, as a careful
 *    reader weighs it (`decisionEvidence`): explicit verdict phrases, then the argument's
 *    polarity and the trained decision reader (`decisionReader`), then the cue phrases
 *    (`decisionCues`).
 * 3. On equal lean, the quote further down the page skips first.
 */

import { computeScore } from '../scores/score.ts'
import type { ToolNames } from './clauseTarget.ts'

import type { SkipOdds } from './decisionReader.ts'

import { compareSkipLean, decisionEvidence, trainedWeight } from './decisionEvidence.ts'
import { shippedDecisionReader } from './decisionReader.ts'
import { labelledOccurrences } from './phrases.ts'
import type { Decision } from '../domain/decisions.ts'

/** Short phrases that lean a quote towards a decision. Data, not prose: tune freely. */
export const decisionCues: Record<Decision, string[]> = {
  ship: ['ship', 'earns', 'worth', 'right call', 'right bet', 'wins', 'coherent', 'works', 'unlock'],
  skip: [
    'skip',
    'not a business',
    'the problem is',
    'brutal',
    'give-away',
    'cannibaliz',
    'not worth',
    'no moat',
    'wait for',
    'would wait',
    'not ready',
    'hard to recommend',
    'before calling it',
    'short-changed',
    'struggles',
    'overpriced',
    'falls short',
    'i would pass',
    'not yet',
  ],
}

/** Skip cues minus ship cues; a skip cue that contains a ship cue ("not worth") counts once, as skip. */
export function skipLean(text: string): number {
  const counts = labelledOccurrences<Decision>(text, [
    ...decisionCues.skip.map((phrase) => ({ label: 'skip' as const, phrase })),
    ...decisionCues.ship.map((phrase) => ({ label: 'ship' as const, phrase })),
  ])
  return (counts.get('skip') ?? 0) - (counts.get('ship') ?? 0)
}

export type DecisionQuote = {
  /** The verdict in the database with this very quote, if there is one. */
  existing?: { decision: Decision; inferred: boolean }
  text: string
}

export type DecisionPlan = {
  decisions: Decision[]
  /** Per quote: the decision is the importer's inference, awaiting the reviewer. */
  inferred: boolean[]
  ship: number
  total: number
}

/** The ship counts k of n verdicts whose rounded share is `percent`. */
export function shipCountsFor(percent: number, total: number): number[] {
  const counts: number[] = []
  for (let ship = 0; ship <= total; ship += 1) {
    if (computeScore(ship, total - ship).percent === percent) {
      counts.push(ship)
    }
  }
  return counts
}

export class DecisionError extends Error {}

/**
 * How the evidence is read: by default with the shipped decision reader at `trainedWeight`;
 * the evaluation passes a reader trained without the set it scores (leave one set out).
 */
export type DecisionReading = { reader?: null | SkipOdds; trainedWeight?: number }

/** The panel's voice markers together: the `frames` the decision readings leave out. */
export const panelFrames = (panel: Array<{ voiceMarkers: string[] }>): string[] =>
  panel.flatMap((persona) => persona.voiceMarkers)

/**
 * `frames`: the panel's voice markers, the form every quote of a persona takes whatever its
 * decision; the argument's polarity is read without them. `names`: the forms the page calls
 * the tool by, so that a clause about a rival reads as one (`clauseTarget`).
 */
export function inferDecisions(
  printedPercent: null | number,
  quotes: DecisionQuote[],
  frames: string[] = [],
  names: ToolNames = [],
  reading: DecisionReading = {},
): DecisionPlan {
  const total = quotes.length
  if (printedPercent === null) {
    if (total > 0) {
      throw new DecisionError(
        `the page prints no panel percentage ("—") but ${total} quote(s) on the scorecard are about this tool`,
      )
    }
    return { decisions: [], inferred: [], ship: 0, total: 0 }
  }
  if (total === 0) {
    throw new DecisionError(`the page prints ${printedPercent}% but no quote on the scorecard is about this tool`)
  }
  const counts = shipCountsFor(printedPercent, total)
  if (counts.length !== 1) {
    const nearest = [Math.floor((printedPercent * total) / 100), Math.ceil((printedPercent * total) / 100)]
      .filter((ship, index, all) => ship <= total && all.indexOf(ship) === index)
      .map((ship) => `${ship}/${total} = ${computeScore(ship, total - ship).percent}%`)
    throw new DecisionError(
      counts.length === 0
        ? `no split of ${total} verdict(s) gives ${printedPercent}% (nearest: ${nearest.join(', ')}); check the percentage and which quotes are about this tool`
        : `${printedPercent}% of ${total} verdicts could be ${counts.join(' or ')} ships; the page does not say which`,
    )
  }
  const ship = counts[0]
  if (ship === 0 || ship === total) {
    const decision: Decision = ship === 0 ? 'skip' : 'ship'
    return { decisions: quotes.map(() => decision), inferred: quotes.map(() => false), ship, total }
  }

  const weight = reading.trainedWeight ?? trainedWeight
  const reader = weight === 0 ? null : reading.reader === undefined ? shippedDecisionReader() : reading.reader
  const evidence = quotes.map((quote) => decisionEvidence(quote.text, skipLean(quote.text), frames, names, reader))
  // Most skip-leaning first; on a tie, the quote further down the page first.
  const bySkipLean = quotes
    .map((_, index) => index)
    .sort((a, b) => compareSkipLean(evidence[b], evidence[a], weight) || b - a)
  const decisions: Array<Decision | undefined> = quotes.map((quote) => quote.existing?.decision)
  const count = (decision: Decision) => decisions.filter((value) => value === decision).length
  for (const index of bySkipLean) {
    if (count('ship') > ship && decisions[index] === 'ship') {
      decisions[index] = 'skip'
    }
  }
  for (const index of [...bySkipLean].reverse()) {
    if (count('skip') > total - ship && decisions[index] === 'skip') {
      decisions[index] = 'ship'
    }
  }
  for (const index of bySkipLean) {
    if (decisions[index] === undefined) {
      decisions[index] = count('skip') < total - ship ? 'skip' : 'ship'
    }
  }
  const final = decisions as Decision[]
  return {
    decisions: final,
    // A decision a person already confirmed stays confirmed while it stands.
    inferred: quotes.map(
      (quote, index) => !(quote.existing && !quote.existing.inferred && quote.existing.decision === final[index]),
    ),
    ship,
    total,
  }
}
