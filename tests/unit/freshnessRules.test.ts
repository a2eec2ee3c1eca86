import { describe, expect, it } from '@jest/globals'

import {
  describeToolChanges,
  dueAt,
  isDue,
  plainText,
  reviewEveryDaysFor,
  toolChanges,
} from '../../src/freshness/rules.ts'
import { reviewedLine } from '../../src/public/scorecard.ts'
import { richTextFromParagraphs } from '../../src/catalog/richText.ts'

const day = 24 * 60 * 60 * 1000

describe('when a verdict falls due', () => {
  it('is due exactly its interval after its review, never before, and never when it was never reviewed', () => {
    const reviewed = '2026-01-01T12:00:00.000Z'
    expect(dueAt(reviewed, 180).toISOString()).toBe('2026-06-30T12:00:00.000Z')
    expect(isDue(reviewed, 180, new Date(Date.parse(reviewed) + 180 * day - 1))).toBe(false)
    expect(isDue(reviewed, 180, new Date(Date.parse(reviewed) + 180 * day))).toBe(true)
    expect(isDue(null, 1, new Date('2030-01-01'))).toBe(false)
  })

  it("takes the persona's own interval over the panel's, unless it is empty or unusable", () => {
    expect(reviewEveryDaysFor({ reviewEveryDays: 30 }, 180)).toBe(30)
    expect(reviewEveryDaysFor({ reviewEveryDays: null }, 180)).toBe(180)
    expect(reviewEveryDaysFor({ reviewEveryDays: 0 }, 180)).toBe(180)
    expect(reviewEveryDaysFor(null, 90)).toBe(90)
  })
})

describe('what changed on a tool', () => {
  const at = new Date('2026-12-01T00:00:00.000Z')
  const before = {
    category: 7,
    description: richTextFromParagraphs(['Runs models locally.']),
    name: 'A',
    pricing: { note: null, tier: 'free' },
    tagline: 'Local models',
  }

  it('names each watched field that changed, old → new, in the order editors read them', () => {
    const after = {
      ...before,
      category: { id: 8, name: 'Gateways' },
      name: 'B',
      pricing: { note: 'per token', tier: 'paid' },
    }
    const changes = toolChanges(before, after, at, (field, value) =>
      field === 'pricing.tier' ? (value?.toUpperCase() ?? null) : value,
    )
    expect(changes).toEqual([
      { at: at.toISOString(), field: 'pricing.tier', from: 'FREE', label: 'Pricing tier', to: 'PAID' },
      { at: at.toISOString(), field: 'pricing.note', from: null, label: 'Pricing note', to: 'per token' },
      { at: at.toISOString(), field: 'category', from: '7', label: 'Category', to: '8' },
    ])
    expect(describeToolChanges(changes)).toBe(
      'Pricing tier: "FREE" → "PAID"; Pricing note: (none) → "per token"; Category: "7" → "8"',
    )
  })

  it('compares rich text by its words: a re-save of the same description is no change, new words are', () => {
    expect(
      toolChanges(before, { ...before, description: richTextFromParagraphs(['Runs models locally.']) }, at),
    ).toEqual([])
    const [change] = toolChanges(
      before,
      { ...before, description: richTextFromParagraphs(['Runs models locally.', 'Now with a cloud tier.']) },
      at,
    )
    expect(change).toMatchObject({
      field: 'description',
      from: 'Runs models locally.',
      to: 'Runs models locally. Now with a cloud tier.',
    })
    expect(plainText('')).toBeNull()
  })

  it('shortens long values for the mail line', () => {
    const [change] = toolChanges(before, { ...before, tagline: 'x'.repeat(300) }, at)
    expect(change.to).toHaveLength(120)
    expect(change.to!.endsWith('…')).toBe(true)
  })
})

describe('reviewedLine', () => {
  it('prints the month and year of the review, in UTC, and nothing for a verdict never reviewed', () => {
    expect(reviewedLine('2026-11-30')).toBe('Reviewed November 2026')
    expect(reviewedLine('2026-12-01T00:30:00.000Z')).toBe('Reviewed December 2026')
    expect(reviewedLine(null)).toBeNull()
    expect(reviewedLine('not a date')).toBeNull()
  })
})
