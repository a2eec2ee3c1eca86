import { describe, expect, it } from '@jest/globals'

import type { ScorecardEntry } from '../../src/public/scorecard.ts'

import { ifNoneMatchHits, publicCacheControl, strongEtag } from '../../src/public/httpCache.ts'
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
