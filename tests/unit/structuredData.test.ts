import { describe, expect, it } from '@jest/globals'

import type { PublicMatchupPage, PublicTool } from '../../src/public/pages.ts'

import { jsonLdText, toolsJsonLd } from '../../src/site/structuredData.ts'
import { validateStructuredData } from '../helpers/schemaOrg.ts'

const score = (ship: number, skip: number) => ({
  percent: ship + skip ? Math.round((100 * ship) / (ship + skip)) : null,
  ship,
  skip,
  total: ship + skip,
})

const tool = (slug: string, name: string, panel: PublicTool['panel'], tier = 'free'): PublicTool => ({
  category: { name: 'Developer Tools', slug: 'developer-tools' },
  community: score(0, 0),
  description: { html: `<p>${name} runs &amp; ships <strong>fast</strong>.</p>` },
  name,
  panel,
  pricing: { label: tier === 'free' ? 'Free' : 'Paid', note: null, tier },
  slug,
  tagline: `${name}, briefly`,
})

const page: PublicMatchupPage = {
  intro: null,
  scorecard: [
    { ship: true, persona: 'The Builder' },
    { ship: false, persona: 'The Skeptic' },
  ].map(({ persona, ship }) => ({
    decision: ship ? ('ship' as const) : ('skip' as const),
    quote: { html: `<p>${persona} says <em>so</em> &lt;here&gt;.</p>` },
    reviewedAt: '2026-11-30',
    reviewer: { lens: 'A lens', name: persona, slug: persona.toLowerCase().replace(/\W+/g, '-') },
    stale: false,
    tool: 'alpha',
  })),
  slug: 'alpha-vs-beta',
  title: 'Alpha vs Beta',
  tools: [tool('alpha', 'Alpha', score(1, 1)), tool('beta', 'Beta', score(0, 0), 'paid')],
  updatedAt: '2026-12-01T10:00:00.000Z',
}

const html = (items: unknown[]) =>
  `<html><head>${items.map((item) => `<script type="application/ld+json">${jsonLdText(item)}</script>`).join('')}</head><body></body></html>`

describe('JSON-LD of a comparison page', () => {
  it('is valid schema.org and passes the rich-result rules, with the panel as a rating on a stated scale', async () => {
    const items = toolsJsonLd(page, 'https://verdicts.example')
    const { issues, jsonld } = await validateStructuredData(html(items))
    expect(issues.filter((issue) => issue.severity === 'ERROR')).toEqual([])
    const [alpha, beta] = jsonld.SoftwareApplication
    expect(alpha).toMatchObject({
      aggregateRating: { bestRating: 100, ratingCount: 2, ratingValue: 50, worstRating: 0 },
      applicationCategory: 'Developer Tools',
      description: 'Alpha runs & ships fast.',
      name: 'Alpha',
      offers: { category: 'Free', price: 0 },
      url: 'https://verdicts.example/tools/alpha',
    })
    expect(alpha.review).toEqual([
      expect.objectContaining({
        author: { '@type': 'Person', name: 'The Builder' },
        datePublished: '2026-11-30',
        reviewBody: 'The Builder says so <here>.',
        reviewRating: expect.objectContaining({ ratingValue: 100 }),
      }),
      expect.objectContaining({ reviewRating: expect.objectContaining({ ratingValue: 0 }) }),
    ])
    // No published verdict: no rating and no reviews, rather than a rating of nothing.
    expect(beta).not.toHaveProperty('aggregateRating')
    expect(beta).not.toHaveProperty('review')
  })

  it('the validator refuses what schema.org does not define and ratings off their scale', async () => {
    const [alpha] = toolsJsonLd(page, 'https://verdicts.example')
    const broken = { ...alpha, shipScore: 50, aggregateRating: { ...alpha.aggregateRating!, ratingValue: 150 } }
    const { issues } = await validateStructuredData(html([broken]))
    expect(issues.map((issue) => issue.fieldNames?.[0])).toEqual(expect.arrayContaining(['shipScore', 'ratingValue']))
  })

  it('cannot be closed early by text inside it', () => {
    expect(jsonLdText({ name: '</script><script>alert(1)</script>' })).not.toContain('</script>')
  })
})
