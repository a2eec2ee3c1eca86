import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import type { Id } from '../domain/ids.ts'
import type { SanitizedVerdictsOptions } from '../options.ts'
import type { ParsedPage } from './parsePage.ts'

import { slugify } from '../catalog/slugify.ts'

type Doc = Record<string, unknown> & { id: Id }

/** The records a page is compared with: what already exists of its categories, tools, verdicts and matchup. */
export type StoredState = {
  categories: Doc[]
  /** The matchup of the page's two tools, in either order (newest version, drafts included). */
  matchup?: Doc
  tools: Doc[]
  /** Every verdict of the page's tools (newest versions, drafts included), any persona's. */
  verdicts: Doc[]
}

/** Reads, in four queries, everything `planPage` compares a page with. */
export async function loadStoredState(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  page: ParsedPage,
): Promise<StoredState> {
  const slugs = options.collectionSlugs
  const find = async (collection: CollectionSlug, where: Where, draft = false) =>
    (
      await req.payload.find({
        collection: collection,
        depth: 0,
        draft,
        limit: 0,
        overrideAccess: true,
        pagination: false,
        req,
        where: where,
      })
    ).docs as unknown as Doc[]

  const categories = await find(slugs.categories, {
    slug: { in: page.tools.map((tool) => slugify(tool.category.value)) },
  })
  const tools = await find(slugs.tools, { slug: { in: page.tools.map((tool) => slugify(tool.name.value)) } })
  const toolIdOf = (index: number) => tools.find((tool) => tool.slug === slugify(page.tools[index].name.value))?.id
  const verdicts = tools.length ? await find(slugs.verdicts, { tool: { in: tools.map((tool) => tool.id) } }, true) : []
  const [left, right] = [toolIdOf(0), toolIdOf(1)]
  const matchup =
    left !== undefined && right !== undefined
      ? (
          await find(
            slugs.matchups,
            {
              or: [
                { and: [{ leftTool: { equals: left } }, { rightTool: { equals: right } }] },
                { and: [{ leftTool: { equals: right } }, { rightTool: { equals: left } }] },
              ],
            },
            true,
          )
        )[0]
      : undefined
  return { categories, matchup, tools, verdicts }
}
