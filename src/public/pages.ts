import type { Payload, PayloadRequest, Where } from 'payload'

import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import { createLocalReq } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'

import { idOf } from '../catalog/relations.ts'
import { computeScore } from '../scores/score.ts'
import { orderScorecard } from './scorecard.ts'
import { matchesSearch } from './searchText.ts'
import { toolsInCategoryListTag, toolsInTierListTag, toolsListTag, toolTag } from '../domain/cacheTags.ts'
import type { Decision } from '../domain/decisions.ts'
import type { Id } from '../domain/ids.ts'

type Doc = Record<string, unknown> & { id: Id; updatedAt?: string }

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

/** The review facts a page shows beside a quote. */
function reviewOf(verdict: Doc): { reviewedAt: null | string; stale: boolean } {
  const reviewedAt =
    typeof verdict.reviewedAt === 'string' && verdict.reviewedAt
      ? new Date(verdict.reviewedAt).toISOString().slice(0, 10)
      : null
  return { reviewedAt, stale: verdict.stale === true }
}

/**
 * Every public read runs as an anonymous caller, whoever asked: the answer (and so the
 * cached copy) is the same for everyone, and drafts are out of reach of the query itself.
 */
export async function anonymousRequest(payload: Payload): Promise<PayloadRequest> {
  return createLocalReq({}, payload)
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

function latest(...dates: Array<string | undefined>): string {
  return (
    dates
      .filter((date): date is string => Boolean(date))
      .sort()
      .at(-1) ?? new Date(0).toISOString()
  )
}

export class PublicPages {
  private request: Promise<PayloadRequest> | undefined

  /**
   * `preview` reads as that signed-in user and sees the newest version of everything,
   * drafts included, so editors can look at a page before it is published. Without it
   * every read is anonymous and published-only.
   */
  constructor(
    private readonly payload: Payload,
    private readonly options: SanitizedVerdictsOptions,
    private readonly preview?: { req: PayloadRequest },
  ) {}

  private get slugs() {
    return this.options.collectionSlugs
  }

  private async find(
    collection: string,
    where: Where,
    extra: {
      depth?: number
      limit?: number
      page?: number
      pagination?: boolean
      select?: Record<string, true>
      sort?: string | string[]
    } = {},
  ) {
    this.request ??= this.preview ? Promise.resolve(this.preview.req) : anonymousRequest(this.payload)
    return this.payload.find({
      collection: collection as never,
      depth: extra.depth ?? 0,
      draft: Boolean(this.preview),
      // Join fields (a tool's score history) are editorial; pages never show them.
      joins: false,
      limit: extra.limit ?? 0,
      overrideAccess: false,
      page: extra.page,
      pagination: extra.pagination ?? extra.limit !== undefined,
      req: await this.request,
      select: extra.select as never,
      sort: extra.sort,
      where,
    })
  }

  private tierLabel(tier: string): string {
    return this.options.pricingTiers.find((option) => option.value === tier)?.label ?? tier
  }

  summary(tool: Doc): PublicToolSummary {
    const category = tool.category as null | { name?: string; slug?: string } | undefined
    const pricing = (tool.pricing ?? {}) as { note?: null | string; tier?: string }
    const tier = pricing.tier ?? this.options.pricingTiers[0].value
    // Keys in the order a page reads them; JSON consumers see the same order.
    return {
      slug: String(tool.slug),
      name: String(tool.name),
      tagline: (tool.tagline as null | string | undefined) || null,
      category:
        category && typeof category === 'object' ? { slug: String(category.slug), name: String(category.name) } : null,
      pricing: { tier, label: this.tierLabel(tier), note: pricing.note || null },
      panel: score(tool.panelScore),
      community: score(tool.communityScore),
    }
  }

  private tool(doc: Doc): PublicTool {
    const { community, panel, ...identity } = this.summary(doc)
    return { ...identity, description: html(doc.description), panel, community }
  }

  private reviewer(doc: unknown): PublicReviewer & { position: number } {
    const persona = doc as { lens?: string; name?: string; position?: number; slug?: string }
    return {
      lens: String(persona.lens ?? ''),
      name: String(persona.name),
      position: persona.position ?? 0,
      slug: String(persona.slug),
    }
  }

  /** Whether the public may see a tool: it is in a published verdict or a published matchup. */
  async isPublicTool(toolId: Id): Promise<boolean> {
    const [verdicts, matchups] = await Promise.all([
      this.find(this.slugs.verdicts, { tool: { equals: toolId } }, { limit: 1 }),
      this.find(
        this.slugs.matchups,
        { or: [{ leftTool: { equals: toolId } }, { rightTool: { equals: toolId } }] },
        { limit: 1 },
      ),
    ])
    return verdicts.totalDocs + matchups.totalDocs > 0
  }

  /** Everything one comparison page shows, or null when no published matchup has the slug. */
  async matchupPage(slug: string): Promise<null | PublicMatchupPage> {
    const { docs } = await this.find(this.slugs.matchups, { slug: { equals: slug } }, matchupWithTools)
    return docs[0] ? this.assembleMatchupPage(docs[0] as Doc) : null
  }

  /**
   * The comparison page as it will read once everything now in draft is published: the
   * newest version of the matchup and of every verdict of its tools, with panel figures
   * counted from those versions. Only for a `preview` instance.
   */
  async matchupPreview(id: Id): Promise<null | PublicMatchupPage> {
    if (!this.preview) {
      throw new Error('matchupPreview needs a PublicPages made with a preview request')
    }
    const { docs } = await this.find(this.slugs.matchups, { id: { equals: id } }, matchupWithTools)
    return docs[0] ? this.assembleMatchupPage(docs[0] as Doc) : null
  }

  private async assembleMatchupPage(matchup: Doc): Promise<null | PublicMatchupPage> {
    // Two rounds of reads, whatever the catalog size: the matchup with its tools and their
    // categories (`matchupWithTools`; Payload batches each populated collection into one
    // query), then the tools' verdicts and the personas. Each Payload read costs more in its
    // own work than in SQL, so fewer, narrower reads make the page cheaper (README "Speed").
    const left = typeof matchup.leftTool === 'object' ? (matchup.leftTool as Doc | null) : null
    const right = typeof matchup.rightTool === 'object' ? (matchup.rightTool as Doc | null) : null
    if (!left || !right) {
      return null
    }
    const toolIds = [left.id, right.id]
    // The panel is small (a persona per seat): every persona is read alongside the verdicts
    // (populating them would read the verdicts' tools again).
    const [verdicts, personas] = await Promise.all([
      this.find(
        this.slugs.verdicts,
        { tool: { in: toolIds } },
        {
          select: {
            decision: true,
            quote: true,
            reviewedAt: true,
            reviewer: true,
            stale: true,
            tool: true,
            updatedAt: true,
          },
        },
      ),
      this.find(this.slugs.reviewers, {}),
    ])
    const toolById = new Map([left, right].map((tool) => [String(tool.id), tool]))
    const reviewerById = new Map((personas.docs as Doc[]).map((reviewer) => [String(reviewer.id), reviewer]))
    const entries = (verdicts.docs as Doc[]).flatMap((verdict) => {
      const reviewer = reviewerById.get(String(idOf(verdict.reviewer)))
      const tool = toolById.get(String(idOf(verdict.tool)))
      return reviewer && tool
        ? [
            {
              decision: verdict.decision as Decision,
              quote: verdict.quote,
              review: reviewOf(verdict),
              reviewer: this.reviewer(reviewer),
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
    return {
      slug: String(matchup.slug),
      title: String(matchup.title),
      intro: matchup.intro ? html(matchup.intro) : null,
      updatedAt: latest(
        matchup.updatedAt,
        left.updatedAt,
        right.updatedAt,
        ...(verdicts.docs as Doc[]).map((verdict) => verdict.updatedAt),
      ),
      tools: [this.pageTool(left, verdicts.docs as Doc[]), this.pageTool(right, verdicts.docs as Doc[])],
      scorecard,
    }
  }

  /** A page's tool; in a preview its panel figure counts the newest version of each verdict. */
  private pageTool(tool: Doc, verdicts: Doc[]): PublicTool {
    const shown = this.tool(tool)
    if (!this.preview) {
      return shown
    }
    const decisions = verdicts
      .filter((verdict) => String(idOf(verdict.tool)) === String(tool.id))
      .map((verdict) => verdict.decision)
    const ship = decisions.filter((decision) => decision === 'ship').length
    return { ...shown, panel: computeScore(ship, decisions.length - ship) }
  }

  /** A tool with its published verdicts (panel order) and the published matchups it is in. */
  async toolPage(slug: string): Promise<null | PublicToolPage> {
    const { docs } = await this.find(
      this.slugs.tools,
      { slug: { equals: slug } },
      { depth: 1, limit: 1, pagination: false },
    )
    const tool = docs[0] as Doc | undefined
    if (!tool) {
      return null
    }
    const [verdicts, matchups] = await Promise.all([
      this.find(this.slugs.verdicts, { tool: { equals: tool.id } }, { depth: 1 }),
      this.find(
        this.slugs.matchups,
        { or: [{ leftTool: { equals: tool.id } }, { rightTool: { equals: tool.id } }] },
        { sort: 'title' },
      ),
    ])
    if (verdicts.docs.length === 0 && matchups.docs.length === 0) {
      return null
    }
    const ordered = orderScorecard(
      (verdicts.docs as Doc[]).map((verdict) => ({
        decision: verdict.decision as Decision,
        quote: verdict.quote,
        review: reviewOf(verdict),
        reviewer: this.reviewer(verdict.reviewer),
        tool: String(tool.slug),
      })),
      String(tool.slug),
      '',
    )
    return {
      ...this.tool(tool),
      updatedAt: latest(tool.updatedAt, ...(verdicts.docs as Doc[]).map((verdict) => verdict.updatedAt)),
      verdicts: ordered.map(({ decision, quote, review, reviewer: { lens, name, slug: reviewerSlug } }) => ({
        reviewer: { slug: reviewerSlug, name, lens },
        decision,
        quote: html(quote),
        reviewedAt: review?.reviewedAt ?? null,
        stale: review?.stale ?? false,
      })),
      matchups: (matchups.docs as Doc[]).map((matchup) => ({
        slug: String(matchup.slug),
        title: String(matchup.title),
      })),
    }
  }

  private async idsBySlug(collection: string, slug: string): Promise<Id[]> {
    const { docs } = await this.find(collection, { slug: { equals: slug } })
    return (docs as Doc[]).map((doc) => doc.id)
  }

  /** Tools matching the list filters (category and tier by slug/value, name search). */
  private async toolFilter(filters: ListFilters): Promise<null | { categoryIds: Id[]; conditions: Where[] }> {
    const conditions: Where[] = []
    let categoryIds: Id[] = []
    if (filters.category) {
      categoryIds = await this.idsBySlug(this.slugs.categories, filters.category)
      if (categoryIds.length === 0) {
        return null
      }
      conditions.push({ category: { in: categoryIds } })
    }
    if (filters.tier) {
      conditions.push({ 'pricing.tier': { equals: filters.tier } })
    }
    return { categoryIds, conditions }
  }

  /**
   * A page of public tools, with the cache tags that say when it goes stale: the tools it
   * shows, and the narrowest list tag its filters allow (a tool entering or leaving the
   * list, or moving in it, names that tag). Public means the maintained `public` flag
   * (src/catalog/toolVisibility.ts), an indexed column, so the page is one query on tools
   * however large the catalog is.
   */
  async listTools(filters: ListFilters, page: number, limit: number) {
    const filter = await this.toolFilter(filters)
    if (filter === null) {
      // No such category: any new category or tool may make one, so any tools list change drops it.
      return { tags: [toolsListTag], value: emptyPage(page, limit) }
    }
    const membership = filter.categoryIds.length
      ? filter.categoryIds.map(toolsInCategoryListTag)
      : [filters.tier ? toolsInTierListTag(filters.tier) : toolsListTag]
    const conditions = [{ public: { equals: true } }, ...filter.conditions]
    if (filters.q) {
      const matching = await this.idsMatching(this.slugs.tools, 'name', filters.q, { public: { equals: true } })
      if (matching.length === 0) {
        return { tags: membership, value: emptyPage(page, limit) }
      }
      conditions.push({ id: { in: matching } })
    }
    // `createdAt` ascending as the tie-break (Payload's default is descending) lets the index
    // (public, name, createdAt) deliver the page in order, without sorting every public tool.
    const result = await this.find(
      this.slugs.tools,
      { and: conditions },
      { depth: 1, limit, page, sort: ['name', 'createdAt'] },
    )
    const docs = (result.docs as Doc[]).map((tool) => this.summary(tool))
    return { tags: [...membership, ...docs.map((tool) => toolTag(tool.slug))], value: { ...pageInfo(result), docs } }
  }

  async listMatchups(filters: ListFilters & { tool?: string }, page: number, limit: number) {
    const conditions: Where[] = []
    const toolFilter = await this.toolFilter(filters)
    if (toolFilter === null) {
      return emptyPage(page, limit)
    }
    const toolWheres: Where[] = [...toolFilter.conditions]
    if (filters.tool) {
      toolWheres.push({ slug: { equals: filters.tool } })
    }
    if (toolWheres.length > 0) {
      const tools = await this.find(this.slugs.tools, { and: toolWheres })
      const ids = (tools.docs as Doc[]).map((tool) => tool.id)
      if (ids.length === 0) {
        return emptyPage(page, limit)
      }
      conditions.push({ or: [{ leftTool: { in: ids } }, { rightTool: { in: ids } }] })
    }
    if (filters.q) {
      const matching = await this.idsMatching(this.slugs.matchups, 'title', filters.q, {})
      if (matching.length === 0) {
        return emptyPage(page, limit)
      }
      conditions.push({ id: { in: matching } })
    }
    const result = await this.find(this.slugs.matchups, conditions.length ? { and: conditions } : {}, {
      depth: 1,
      limit,
      page,
      sort: ['title', 'createdAt'],
    })
    return {
      ...pageInfo(result),
      docs: (result.docs as Doc[]).map((matchup) => ({
        slug: String(matchup.slug),
        title: String(matchup.title),
        tools: [matchup.leftTool, matchup.rightTool].map((tool) => ({
          slug: String((tool as Doc).slug),
          name: String((tool as Doc).name),
        })),
        updatedAt: String(matchup.updatedAt),
      })),
    }
  }

  /** Ids of the records (within `where`) whose `field` matches the search `q` (see searchText.ts). */
  private async idsMatching(
    collection: string,
    field: string,
    q: string,
    where: Where,
  ): Promise<Array<number | string>> {
    // The database narrows by the plain fragments of `q` (its LIKE would read %, _ and \ as
    // patterns, so they are cut out and can only widen the match); the exact match is here.
    const fragments = q.split(/[\s%_\\]+/).filter(Boolean)
    const narrowed: Where = fragments.length
      ? { and: [where, ...fragments.map((fragment) => ({ [field]: { like: fragment } }))] }
      : where
    const { docs } = await this.find(collection, narrowed)
    return (docs as Doc[]).filter((doc) => matchesSearch(String(doc[field] ?? ''), q)).map((doc) => doc.id)
  }

  /** Slugs of every published matchup, sorted. */
  async publishedMatchupSlugs(): Promise<string[]> {
    const { docs } = await this.find(this.slugs.matchups, {}, { sort: 'slug' })
    return (docs as Doc[]).map((matchup) => String(matchup.slug))
  }
}

/** A matchup read for its page: only what the page shows, its tools and their categories populated. */
const matchupWithTools = {
  depth: 2,
  limit: 1,
  pagination: false,
  select: { intro: true, leftTool: true, rightTool: true, slug: true, title: true, updatedAt: true },
} as const

export type ListFilters = { category?: string; q?: string; tier?: string }

function pageInfo(result: { limit: number; page?: number; totalDocs: number; totalPages: number }) {
  return { page: result.page ?? 1, limit: result.limit, totalDocs: result.totalDocs, totalPages: result.totalPages }
}

function emptyPage(page: number, limit: number) {
  return { docs: [], page, limit, totalDocs: 0, totalPages: 0 }
}
