import { describe, expect, it } from '@jest/globals'

import { DecisionError, inferDecisions, shipCountsFor, skipLean } from '../../src/importer/inferDecisions.ts'

const neutral = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ text: `Plain remark number ${index + 1}.` }))

describe('shipCountsFor', () => {
  it.each([
    [75, 4, [3]],
    [67, 3, [2]],
    [33, 3, [1]],
    [63, 8, [5]],
    [100, 4, [4]],
    [0, 2, [0]],
    [50, 3, []],
  ])('%i%% of %i verdicts → %p ships', (percent, total, counts) => {
    expect(shipCountsFor(percent, total)).toEqual(counts)
  })
})

describe('inferDecisions', () => {
  it('needs no inference at 100% or 0%', () => {
    expect(inferDecisions(100, neutral(3))).toEqual({
      decisions: ['ship', 'ship', 'ship'],
      inferred: [false, false, false],
      ship: 3,
      total: 3,
    })
    expect(inferDecisions(0, neutral(2))).toEqual({
      decisions: ['skip', 'skip'],
      inferred: [false, false],
      ship: 0,
      total: 2,
    })
  })

  it('gives the skip to the quote that leans most towards skipping, and flags every decision of the tool', () => {
    const quotes = [
      { text: 'It earns its place and is worth the switch.' },
      { text: 'The problem is the price; hard to recommend, not ready.' },
      { text: 'A fine tool.' },
      { text: 'It works.' },
    ]
    expect(skipLean(quotes[1].text)).toBeGreaterThan(skipLean(quotes[2].text))
    expect(inferDecisions(75, quotes)).toEqual({
      decisions: ['ship', 'skip', 'ship', 'ship'],
      inferred: [true, true, true, true],
      ship: 3,
      total: 4,
    })
  })

  it('counts "not worth" as a skip cue only', () => {
    expect(skipLean('Not worth it.')).toBe(1)
    expect(skipLean('Worth it.')).toBe(-1)
  })

  it('on equal lean, skips the quote further down the page', () => {
    expect(inferDecisions(67, neutral(3)).decisions).toEqual(['ship', 'ship', 'skip'])
  })

  it('keeps decisions already in the database, and a confirmed one stays confirmed', () => {
    const quotes = [
      { existing: { decision: 'skip' as const, inferred: false }, text: 'It earns the ship.' },
      { text: 'The problem is the price.' },
      { text: 'A fine tool.' },
    ]
    const plan = inferDecisions(67, quotes)
    expect(plan.decisions).toEqual(['skip', 'ship', 'ship'])
    expect(plan.inferred).toEqual([false, true, true])
  })

  it('changes the fewest existing decisions when the printed figure rules them out', () => {
    const quotes = [
      { existing: { decision: 'skip' as const, inferred: false }, text: 'A fine tool.' },
      { existing: { decision: 'skip' as const, inferred: false }, text: 'The problem is the price; not ready.' },
      { existing: { decision: 'ship' as const, inferred: false }, text: 'It works.' },
    ]
    const plan = inferDecisions(67, quotes)
    expect(plan.decisions).toEqual(['ship', 'skip', 'ship'])
    expect(plan.inferred).toEqual([true, false, false])
  })

  it('explains a percentage no split of the verdicts can give', () => {
    expect(() => inferDecisions(50, neutral(3))).toThrow(DecisionError)
    expect(() => inferDecisions(50, neutral(3))).toThrow(
      'no split of 3 verdict(s) gives 50% (nearest: 1/3 = 33%, 2/3 = 67%)',
    )
  })

  it('refuses a printed figure without quotes, and quotes without a printed figure', () => {
    expect(() => inferDecisions(80, [])).toThrow('the page prints 80% but no quote on the scorecard is about this tool')
    expect(() => inferDecisions(null, neutral(1))).toThrow('prints no panel percentage')
    expect(inferDecisions(null, [])).toEqual({ decisions: [], inferred: [], ship: 0, total: 0 })
  })
})
