import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'

import type { PricingTierOption } from '../options.ts'
import type { Decision } from '../domain/decisions.ts'
import type { Id } from '../domain/ids.ts'

import { idOf } from '../catalog/relations.ts'
import { computeScore } from '../scores/score.ts'
import { orderScorecard } from './scorecard.ts'

/**
 * The public JSON: documents as the queries in pages.ts read them, mapped to what the public
 * API answers. Pure functions (no database, no Payload instance), so one page's shape is
 * decided here once, whoever built the documents.
 */

/** A document as a public query reads it (depth and select decide which fields are there). */
export type PageDoc = Record<string, unknown> & { id: Id; updatedAt?: string }

export type PublicScore = { percent: null | number; ship: number; skip: number; total: number }
export type PublicRichText = { html: string }
export type PublicCategory = { name: string; slug: string } | null
export type PublicPricing = { label: string; note: null | string; tier: string }
export type PublicToolSummary = {
  category: PublicCategory
  community: PublicScore
  name: string
  panel: PublicScore
  pricing: PublicPricing
  slug: string
  tagline: null | string
}
export type PublicTool = PublicToolSummary & { description: PublicRichText }
export type PublicReviewer = { lens: string; name: string; slug: string }
/** `reviewedAt`: the day of the verdict's last review (ISO date), null if never; `stale`: past its re-review date. */
export type PublicScorecardEntry = {
  decision: Decision
  quote: PublicRichText
  reviewedAt: null | string
  reviewer: PublicReviewer
  stale: boolean
  tool: string
}
export type PublicMatchupPage = {
  intro: null | PublicRichText
  scorecard: PublicScorecardEntry[]
  slug: string
  title: string
  tools: [PublicTool, PublicTool]
  updatedAt: string
}
export type PublicToolPage = PublicTool & {
  matchups: Array<{ slug: string; title: string }>
  updatedAt: string
  verdicts: Array<{
    decision: Decision
    quote: PublicRichText
    reviewedAt: null | string
    reviewer: PublicReviewer
    stale: boolean
  }>
}
export type PublicMatchupListEntry = {
  slug: string
  title: string
  tools: Array<{ name: string; slug: string }>
  updatedAt: string
}
export type PublicPageInfo = { limit: number; page: number; totalDocs: number; totalPages: number }
export type PublicListPage<Entry> = PublicPageInfo & { docs: Entry[] }

/** The review facts a page shows beside a quote. */
function reviewOf(verdict: PageDoc): { reviewedAt: null | string; stale: boolean } {
  const reviewedAt =
    typeof verdict.reviewedAt === 'string' && verdict.reviewedAt
      ? new Date(verdict.reviewedAt).toISOString().slice(0, 10)
      : null
  return { reviewedAt, stale: verdict.stale === true }
}

function html(state: unknown): PublicRichText {
  if (!state || typeof state !== 'object' || !('root' in state)) {
    return { html: '' }
  }
  return { html: convertLexicalToHTML({ data: state as never, disableContainer: true }) }
}

function score(value: unknown): PublicScore {
  const tally = (value ?? {}) as Partial<PublicScore>
  return { ship: tally.ship ?? 0, skip: tally.skip ?? 0, total: tally.total ?? 0, percent: tally.percent ?? null }
}

/** The newest of some `updatedAt`s: when a page last changed. */
function latest(...dates: Array<string | undefined>): string {
  return (
    dates
      .filter((date): date is string => Boolean(date))
      .sort()
      .at(-1) ?? new Date(0).toISOString()
  )
}

function reviewerOf(doc: unknown): PublicReviewer & { position: number } {
  const persona = doc as { lens?: string; name?: string; position?: number; slug?: string }
  return {
    lens: String(persona.lens ?? ''),
    name: String(persona.name),
    position: persona.position ?? 0,
    slug: String(persona.slug),
  }
}

/** A tool as lists show it; its category populated (depth 1). */
export function toolSummaryJson(tool: PageDoc, tiers: PricingTierOption[]): PublicToolSummary {
  const category = tool.category as null | { name?: string; slug?: string } | undefined
  const pricing = (tool.pricing ?? {}) as { note?: null | string; tier?: string }
  const tier = pricing.tier ?? tiers[0].value
  // Keys in the order a page reads them; JSON consumers see the same order.
  return {
    slug: String(tool.slug),
    name: String(tool.name),
    tagline: (tool.tagline as null | string | undefined) || null,
    category:
      category && typeof category === 'object' ? { slug: String(category.slug), name: String(category.name) } : null,
    pricing: { tier, label: tiers.find((option) => option.value === tier)?.label ?? tier, note: pricing.note || null },
    panel: score(tool.panelScore),
    community: score(tool.communityScore),
  }
}

/** A tool as its page and comparison pages show it: the summary with its description. */
export function toolJson(tool: PageDoc, tiers: PricingTierOption[]): PublicTool {
  const { community, panel, ...identity } = toolSummaryJson(tool, tiers)
  return { ...identity, description: html(tool.description), panel, community }
}

/**
 * The comparison page from its matchup, both tools (categories populated), the verdicts on
 * either tool and the panel's personas. With `countPanelFromVerdicts` (a preview) each
 * tool's panel figure is counted from the verdicts given, not read from the tool.
 */
export function matchupPageJson(input: {
  countPanelFromVerdicts?: boolean
  left: PageDoc
  matchup: PageDoc
  personas: PageDoc[]
  right: PageDoc
  tiers: PricingTierOption[]
  verdicts: PageDoc[]
}): PublicMatchupPage {
  const { left, matchup, personas, right, tiers, verdicts } = input
  const toolById = new Map([left, right].map((tool) => [String(tool.id), tool]))
  const reviewerById = new Map(personas.map((reviewer) => [String(reviewer.id), reviewer]))
  const entries = verdicts.flatMap((verdict) => {
    const reviewer = reviewerById.get(String(idOf(verdict.reviewer)))
    const tool = toolById.get(String(idOf(verdict.tool)))
    return reviewer && tool
      ? [
          {
            decision: verdict.decision as Decision,
            quote: verdict.quote,
            review: reviewOf(verdict),
            reviewer: reviewerOf(reviewer),
            tool: String(tool.slug),
          },
        ]
      : []
  })
  const scorecard = orderScorecard(entries, String(left.slug), String(right.slug)).map(
    ({ decision, quote, review, reviewer: { lens, name, slug: reviewerSlug }, tool }) => ({
      reviewer: { slug: reviewerSlug, name, lens },
      tool,
      decision,
      quote: html(quote),
      reviewedAt: review?.reviewedAt ?? null,
      stale: review?.stale ?? false,
    }),
  )
  const pageTool = (tool: PageDoc): PublicTool => {
    const shown = toolJson(tool, tiers)
    if (!input.countPanelFromVerdicts) {
      return shown
    }
    const decisions = verdicts
      .filter((verdict) => String(idOf(verdict.tool)) === String(tool.id))
      .map((verdict) => verdict.decision)
    const ship = decisions.filter((decision) => decision === 'ship').length
    return { ...shown, panel: computeScore(ship, decisions.length - ship) }
  }
  return {
    slug: String(matchup.slug),
    title: String(matchup.title),
    intro: matchup.intro ? html(matchup.intro) : null,
    updatedAt: latest(
      matchup.updatedAt,
      left.updatedAt,
      right.updatedAt,
      ...verdicts.map((verdict) => verdict.updatedAt),
    ),
    tools: [pageTool(left), pageTool(right)],
    scorecard,
  }
}

/** A tool's page from the tool, its verdicts (personas populated) and the matchups it is in. */
export function toolPageJson(input: {
  matchups: PageDoc[]
  tiers: PricingTierOption[]
  tool: PageDoc
  verdicts: PageDoc[]
}): PublicToolPage {
  const { matchups, tiers, tool, verdicts } = input
  const ordered = orderScorecard(
    verdicts.map((verdict) => ({
      decision: verdict.decision as Decision,
      quote: verdict.quote,
      review: reviewOf(verdict),
      reviewer: reviewerOf(verdict.reviewer),
      tool: String(tool.slug),
    })),
    String(tool.slug),
    '',
  )
  return {
    ...toolJson(tool, tiers),
    updatedAt: latest(tool.updatedAt, ...verdicts.map((verdict) => verdict.updatedAt)),
    verdicts: ordered.map(({ decision, quote, review, reviewer: { lens, name, slug: reviewerSlug } }) => ({
      reviewer: { slug: reviewerSlug, name, lens },
      decision,
      quote: html(quote),
      reviewedAt: review?.reviewedAt ?? null,
      stale: review?.stale ?? false,
    })),
    matchups: matchups.map((matchup) => ({ slug: String(matchup.slug), title: String(matchup.title) })),
  }
}

/** A matchup as the matchups list shows it; its tools populated (depth 1). */
export function matchupListEntryJson(matchup: PageDoc): PublicMatchupListEntry {
  return {
    slug: String(matchup.slug),
    title: String(matchup.title),
    tools: [matchup.leftTool, matchup.rightTool].map((tool) => ({
      slug: String((tool as PageDoc).slug),
      name: String((tool as PageDoc).name),
    })),
    updatedAt: String(matchup.updatedAt),
  }
}

/**
 * A list page's position. `totalPages` is 1 when nothing matches, as Payload's paginated
 * reads answered before lists stopped counting on every read.
 */
export function pageInfoJson(page: number, limit: number, totalDocs: number): PublicPageInfo {
  return { page, limit, totalDocs, totalPages: totalDocs ? Math.ceil(totalDocs / limit) : 1 }
}

export function emptyListPage(page: number, limit: number): PublicListPage<never> {
  return { docs: [], page, limit, totalDocs: 0, totalPages: 0 }
}
