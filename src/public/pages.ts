import type { Payload, PayloadRequest, Where } from 'payload'

import { createLocalReq } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'
import type { PageDoc, PublicMatchupPage, PublicPageInfo, PublicToolPage, PublicToolSummary } from './pageJson.ts'

import { matchesSearch } from './searchText.ts'
import {
  matchupsListTag,
  toolsInCategoryListTag,
  toolsInTierListTag,
  toolsListTag,
  toolTag,
} from '../domain/cacheTags.ts'
import { listCacheKey } from './listCacheKey.ts'
import { pageCacheOf } from './pageCache.ts'
import type { Id } from '../domain/ids.ts'
import {
  emptyListPage,
  matchupListEntryJson,
  matchupPageJson,
  pageInfoJson,
  toolPageJson,
  toolSummaryJson,
} from './pageJson.ts'

export type {
  PublicCategory,
  PublicMatchupPage,
  PublicPricing,
  PublicReviewer,
  PublicRichText,
  PublicScore,
  PublicScorecardEntry,
  PublicTool,
  PublicToolPage,
  PublicToolSummary,
} from './pageJson.ts'

type Doc = PageDoc

/**
 * Every public read runs as an anonymous caller, whoever asked: the answer (and so the
 * cached copy) is the same for everyone, and drafts are out of reach of the query itself.
 */
export async function anonymousRequest(payload: Payload): Promise<PayloadRequest> {
  return createLocalReq({}, payload)
}

/**
 * The public pages' database reads: each method reads what one page or list shows and hands
 * the documents to the pure mappers in pageJson.ts, which decide the public JSON.
 */
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

  /** The request every read runs as: anonymous, or the previewing user. */
  private readRequest(): Promise<PayloadRequest> {
    this.request ??= this.preview ? Promise.resolve(this.preview.req) : anonymousRequest(this.payload)
    return this.request
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
      req: await this.readRequest(),
      select: extra.select as never,
      sort: extra.sort,
      where,
    })
  }

  /** A tool as lists show it (kept for callers of the class; the mapping is `toolSummaryJson`). */
  summary(tool: Doc): PublicToolSummary {
    return toolSummaryJson(tool, this.options.pricingTiers)
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
    return matchupPageJson({
      countPanelFromVerdicts: Boolean(this.preview),
      left,
      matchup,
      personas: personas.docs as Doc[],
      right,
      tiers: this.options.pricingTiers,
      verdicts: verdicts.docs as Doc[],
    })
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
    return toolPageJson({
      matchups: matchups.docs as Doc[],
      tiers: this.options.pricingTiers,
      tool,
      verdicts: verdicts.docs as Doc[],
    })
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
      return { tags: [toolsListTag], value: emptyListPage(page, limit) }
    }
    const membership = filter.categoryIds.length
      ? filter.categoryIds.map(toolsInCategoryListTag)
      : [filters.tier ? toolsInTierListTag(filters.tier) : toolsListTag]
    const conditions = [{ public: { equals: true } }, ...filter.conditions]
    if (filters.q) {
      const matching = await this.idsMatching(this.slugs.tools, 'name', filters.q, { public: { equals: true } })
      if (matching.length === 0) {
        return { tags: membership, value: emptyListPage(page, limit) }
      }
      conditions.push({ id: { in: matching } })
    }
    // `createdAt` ascending as the tie-break (Payload's default is descending) lets the index
    // (public, name, createdAt) deliver the page in order, without sorting every public tool.
    const result = await this.listPage(
      'tools',
      filters,
      membership,
      this.slugs.tools,
      { and: conditions },
      ['name', 'createdAt'],
      page,
      limit,
    )
    const docs = result.docs.map((tool) => this.summary(tool))
    return {
      tags: [...membership, ...docs.map((tool) => toolTag(tool.slug))],
      value: { ...result.info, docs },
    }
  }

  /**
   * One page of a list without counting every match on each read: the ids of the first
   * `page × limit` matches in list order (an index range), then that page's rows. The total
   * is counted once per filter and kept in the page cache under the list's membership tags,
   * so it is counted again only after a change that can alter it (a tool entering or leaving
   * a list, a matchup published or withdrawn), not after every verdict or vote.
   */
  private async listPage(
    kind: string,
    filters: ListFilters & { tool?: string },
    membership: string[],
    collection: string,
    where: Where,
    sort: string[],
    page: number,
    limit: number,
  ): Promise<{ docs: Doc[]; info: PublicPageInfo }> {
    const totalKey = `total:${listCacheKey(kind, { ...filters, limit: 0, page: 0 })}`
    const [leading, totalEntry] = await Promise.all([
      this.find(collection, where, { limit: page * limit, pagination: false, select: { id: true }, sort }),
      pageCacheOf(this.payload).getOrBuild(totalKey, async () => ({
        tags: membership,
        value: (
          await this.payload.count({
            collection: collection as never,
            overrideAccess: false,
            req: await this.readRequest(),
            where,
          })
        ).totalDocs,
      })),
    ])
    const ids = (leading.docs as Doc[]).slice((page - 1) * limit).map((doc) => doc.id)
    const rows = ids.length
      ? ((await this.find(collection, { id: { in: ids } }, { depth: 1, pagination: false })).docs as Doc[])
      : []
    const byId = new Map(rows.map((row) => [String(row.id), row]))
    return {
      docs: ids.flatMap((id) => byId.get(String(id)) ?? []),
      info: pageInfoJson(page, limit, Number(totalEntry?.body ?? 0)),
    }
  }

  async listMatchups(filters: ListFilters & { tool?: string }, page: number, limit: number) {
    const conditions: Where[] = []
    const toolFilter = await this.toolFilter(filters)
    if (toolFilter === null) {
      return emptyListPage(page, limit)
    }
    const toolWheres: Where[] = [...toolFilter.conditions]
    if (filters.tool) {
      toolWheres.push({ slug: { equals: filters.tool } })
    }
    if (toolWheres.length > 0) {
      const tools = await this.find(this.slugs.tools, { and: toolWheres })
      const ids = (tools.docs as Doc[]).map((tool) => tool.id)
      if (ids.length === 0) {
        return emptyListPage(page, limit)
      }
      conditions.push({ or: [{ leftTool: { in: ids } }, { rightTool: { in: ids } }] })
    }
    if (filters.q) {
      const matching = await this.idsMatching(this.slugs.matchups, 'title', filters.q, {})
      if (matching.length === 0) {
        return emptyListPage(page, limit)
      }
      conditions.push({ id: { in: matching } })
    }
    const result = await this.listPage(
      'matchups',
      filters,
      [matchupsListTag],
      this.slugs.matchups,
      conditions.length ? { and: conditions } : {},
      ['title', 'createdAt'],
      page,
      limit,
    )
    return { ...result.info, docs: result.docs.map(matchupListEntryJson) }
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
