import type { Offer, Review, SoftwareApplication, WithContext } from 'schema-dts'
import type { PublicMatchupPage, PublicScorecardEntry, PublicTool } from 'verdicts-cms'

/** The scale a panel figure is stated on: 100 = every reviewer ships, 0 = none does. */
export const ratingScale = { bestRating: 100, worstRating: 0 } as const

/** Rich text as one plain line, for descriptions and review bodies. */
export function plainText(html: string): string {
  return (
    html
      // Block ends part words; inline tags (<strong>) sit inside a sentence.
      .replace(/<\/(p|li|h[1-6]|blockquote|div)>|<br\s*\/?>/gi, ' ')
      .replace(/<[^>]*>/g, '')
      .replace(/&nbsp;/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#0?39;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim()
  )
}

function offerOf(tool: PublicTool): Offer {
  return {
    '@type': 'Offer',
    category: tool.pricing.label,
    ...(tool.pricing.note ? { description: tool.pricing.note } : {}),
    // A free tier costs nothing; the others have no single price to state.
    ...(tool.pricing.tier === 'free' ? { price: 0 } : {}),
  }
}

function reviewOf(entry: PublicScorecardEntry): Review {
  return {
    '@type': 'Review',
    author: { '@type': 'Person', name: entry.reviewer.name },
    reviewBody: plainText(entry.quote.html),
    // A verdict's review date is the day it was approved to go live.
    ...(entry.reviewedAt ? { datePublished: entry.reviewedAt } : {}),
    // On the panel's scale: a ship is the best rating, a skip the worst; their mean is the ship %.
    reviewRating: {
      '@type': 'Rating',
      ...ratingScale,
      ratingValue: entry.decision === 'ship' ? ratingScale.bestRating : ratingScale.worstRating,
    },
  }
}

/**
 * One schema.org SoftwareApplication per tool of a comparison page: identity, category,
 * the pricing tier as an offer, the panel as an aggregate rating (only once a verdict is
 * published) and each published verdict as a review by its persona.
 */
export function toolsJsonLd(page: PublicMatchupPage, siteUrl: string): Array<WithContext<SoftwareApplication>> {
  return page.tools.map((tool) => {
    const reviews = page.scorecard.filter((entry) => entry.tool === tool.slug).map(reviewOf)
    const description = plainText(tool.description.html) || tool.tagline
    return {
      '@context': 'https://schema.org',
      '@type': 'SoftwareApplication',
      name: tool.name,
      url: `${siteUrl}/tools/${tool.slug}`,
      ...(tool.category ? { applicationCategory: tool.category.name } : {}),
      ...(description ? { description } : {}),
      offers: offerOf(tool),
      ...(tool.panel.percent !== null && tool.panel.total > 0
        ? {
            aggregateRating: {
              '@type': 'AggregateRating',
              ...ratingScale,
              ratingCount: tool.panel.total,
              ratingValue: tool.panel.percent,
            },
          }
        : {}),
      ...(reviews.length > 0 ? { review: reviews } : {}),
    }
  })
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the tag. */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c')
}
