import { describe, expect, it } from '@jest/globals'

import type { ScorecardEntry } from '../../src/public/scorecard.ts'

import { ifNoneMatchHits, publicCacheControl, strongEtag } from '../../src/public/httpCache.ts'
import { matchupPageJson, toolSummaryJson } from '../../src/public/pageJson.ts'
import { orderScorecard } from '../../src/public/scorecard.ts'

const entry = (persona: string, position: number, tool: string): ScorecardEntry<string> => ({
  decision: 'ship',
  quote: `${persona} on ${tool}`,
  reviewer: { lens: '', name: persona, position, slug: persona.toLowerCase() },
  tool,
})

describe('orderScorecard', () => {
  it('groups by persona in panel order, left tool before right, missing pairs absent', () => {
    const ordered = orderScorecard(
      [
        entry('Buyer', 4, 'right'),
        entry('Builder', 1, 'right'),
        entry('Skeptic', 2, 'left'),
        entry('Builder', 1, 'left'),
        entry('Buyer', 4, 'left'),
        entry('Futurist', 3, 'right'),
        entry('Skeptic', 2, 'elsewhere'),
      ],
      'left',
      'right',
    )
    expect(ordered.map((item) => item.quote)).toEqual([
      'Builder on left',
      'Builder on right',
      'Skeptic on left',
      'Futurist on right',
      'Buyer on left',
      'Buyer on right',
    ])
  })
})

describe('HTTP caching helpers', () => {
  it('gives equal bodies equal strong ETags and different bodies different ones', () => {
    expect(strongEtag('{"a":1}')).toBe(strongEtag('{"a":1}'))
    expect(strongEtag('{"a":1}')).not.toBe(strongEtag('{"a":2}'))
    expect(strongEtag('x')).toMatch(/^"[\w-]+"$/)
  })

  it('matches If-None-Match lists and the wildcard', () => {
    const etag = strongEtag('body')
    expect(ifNoneMatchHits(`"other", ${etag}`, etag)).toBe(true)
    expect(ifNoneMatchHits('*', etag)).toBe(true)
    expect(ifNoneMatchHits('"other"', etag)).toBe(false)
    expect(ifNoneMatchHits(null, etag)).toBe(false)
  })

  it('lets CDNs cache and browsers revalidate', () => {
    expect(publicCacheControl({ sMaxAge: 60, staleWhileRevalidate: 300 })).toBe(
      'public, max-age=0, s-maxage=60, stale-while-revalidate=300',
    )
  })
})

describe('public JSON mappers', () => {
  const tiers = [
    { label: 'Free', value: 'free' },
    { label: 'Paid', value: 'paid' },
  ]
  const tool = (id: number, slug: string, panel: number) => ({
    id,
    name: slug.toUpperCase(),
    panelScore: { percent: panel, ship: 1, skip: 0, total: 1 },
    pricing: { tier: 'paid' },
    slug,
    updatedAt: '2026-01-01T00:00:00.000Z',
  })
  const persona = { id: 9, lens: 'cost', name: 'Buyer', position: 1, slug: 'buyer' }
  const verdict = (id: number, toolId: number, decision: string, reviewer = 9) => ({
    decision,
    id,
    reviewer,
    tool: toolId,
    updatedAt: `2026-02-0${id}T00:00:00.000Z`,
  })

  it('builds a comparison page: newest updatedAt, tier labels, quotes of unknown personas left out', () => {
    const page = matchupPageJson({
      left: tool(1, 'left', 100),
      matchup: { id: 5, slug: 'left-vs-right', title: 'Left vs Right', updatedAt: '2026-01-02T00:00:00.000Z' },
      personas: [persona],
      right: tool(2, 'right', 0),
      tiers,
      verdicts: [verdict(1, 2, 'skip'), verdict(2, 1, 'ship'), verdict(3, 1, 'skip', 404)],
    })
    expect(page.updatedAt).toBe('2026-02-03T00:00:00.000Z')
    expect(page.tools.map((shown) => [shown.slug, shown.pricing.label, shown.panel.percent])).toEqual([
      ['left', 'Paid', 100],
      ['right', 'Paid', 0],
    ])
    expect(page.scorecard.map((entry) => [entry.tool, entry.decision])).toEqual([
      ['left', 'ship'],
      ['right', 'skip'],
    ])
    expect(page.intro).toBeNull()
  })

  it('counts a preview panel from the verdicts it is given, not from the stored figure', () => {
    const page = matchupPageJson({
      countPanelFromVerdicts: true,
      left: tool(1, 'left', 100),
      matchup: { id: 5, slug: 'left-vs-right', title: 'Left vs Right' },
      personas: [persona],
      right: tool(2, 'right', 0),
      tiers,
      verdicts: [verdict(1, 1, 'skip'), verdict(2, 2, 'ship')],
    })
    expect(page.tools.map((shown) => shown.panel)).toEqual([
      { percent: 0, ship: 0, skip: 1, total: 1 },
      { percent: 100, ship: 1, skip: 0, total: 1 },
    ])
  })

  it('lists a tool with null for what it lacks', () => {
    expect(toolSummaryJson({ id: 1, name: 'Bare', slug: 'bare' }, tiers)).toEqual({
      slug: 'bare',
      name: 'Bare',
      tagline: null,
      category: null,
      pricing: { tier: 'free', label: 'Free', note: null },
      panel: { ship: 0, skip: 0, total: 0, percent: null },
      community: { ship: 0, skip: 0, total: 0, percent: null },
    })
  })
})
