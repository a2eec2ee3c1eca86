import { describe, expect, it } from '@jest/globals'

import { computeScore, formatPercent, sameScore } from '../../src/scores/score.ts'

describe('computeScore', () => {
  it.each([
    [3, 1, 75],
    [4, 0, 100],
    [0, 4, 0],
    [2, 1, 67],
    [1, 2, 33],
    [1, 7, 13], // 12.5 rounds up
    [5, 3, 63], // 62.5 rounds up
    [7, 33, 18], // 17.5 rounds up
  ])('%i ship, %i skip → %i%%', (ship, skip, percent) => {
    expect(computeScore(ship, skip)).toEqual({ percent, ship, skip, total: ship + skip })
  })

  it('is null when there is nothing to count', () => {
    expect(computeScore(0, 0)).toEqual({ percent: null, ship: 0, skip: 0, total: 0 })
  })

  it('is null below the minimum total, and counted from it on', () => {
    expect(computeScore(2, 0, 3).percent).toBeNull()
    expect(computeScore(2, 1, 3).percent).toBe(67)
  })

  it('refuses negative or fractional counts', () => {
    expect(() => computeScore(-1, 2)).toThrow(RangeError)
    expect(() => computeScore(1.5, 2)).toThrow(RangeError)
  })
})

describe('sameScore', () => {
  it('treats a never-computed score as zero with a null percent', () => {
    expect(sameScore(undefined, computeScore(0, 0))).toBe(true)
    expect(sameScore({ percent: null, ship: 0, skip: 0, total: 0 }, computeScore(1, 0))).toBe(false)
  })
})

describe('formatPercent', () => {
  it('prints a dash for null, as pages do', () => {
    expect(formatPercent(null)).toBe('—')
    expect(formatPercent(75)).toBe('75%')
  })
})
