import type { PayloadRequest } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'

import { idOf } from '../catalog/relations.ts'
import { matchupsListTag, matchupTag, toolListTags, toolsInCategoryListTag, toolTag } from '../domain/cacheTags.ts'
import type { Id } from '../domain/ids.ts'

type Doc = Record<string, unknown> & { id: Id }

/**
 * The pages a change affects, as cache tags: a verdict change affects its tool and every
 * matchup that tool is in; a tool change the same; a matchup change the matchup and both
 * tools (whose pages list their matchups); a persona or category change every tool it
 * touches.
 */
export async function affectedTags(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  collection: string,
  docs: Array<Doc | null | undefined>,
): Promise<string[]> {
  const slugs = options.collectionSlugs
  const find = async (target: string, where: Record<string, unknown>) =>
    (
      await req.payload.find({
        collection: target as never,
        depth: 0,
        limit: 0,
        overrideAccess: true,
        pagination: false,
        req,
        where: where as never,
      })
    ).docs as Doc[]
  const present = docs.filter((doc): doc is Doc => Boolean(doc))
  const tags = new Set<string>()
  const toolIds = new Set<string>()

  if (collection === slugs.verdicts) {
    present.forEach((doc) => toolIds.add(String(idOf(doc.tool))))
  } else if (collection === slugs.tools) {
    present.forEach((doc) => {
      toolIds.add(String(doc.id))
      tags.add(toolTag(String(doc.slug)))
    })
  } else if (collection === slugs.matchups) {
    present.forEach((doc) => {
      tags.add(matchupTag(String(doc.slug)))
      toolIds.add(String(idOf(doc.leftTool)))
      toolIds.add(String(idOf(doc.rightTool)))
    })
  } else if (collection === slugs.categories) {
    const ids = present.map((doc) => doc.id)
    ;(await find(slugs.tools, { category: { in: ids } })).forEach((tool) => toolIds.add(String(tool.id)))
  } else if (collection === slugs.reviewers) {
    const ids = present.map((doc) => doc.id)
    ;(await find(slugs.verdicts, { reviewer: { in: ids } })).forEach((verdict) =>
      toolIds.add(String(idOf(verdict.tool))),
    )
  }
  toolIds.delete('null')

  if (toolIds.size > 0) {
    const ids = [...toolIds]
    const [tools, matchups] = await Promise.all([
      find(slugs.tools, { id: { in: ids } }),
      collection === slugs.matchups
        ? Promise.resolve([] as Doc[])
        : find(slugs.matchups, { or: [{ leftTool: { in: ids } }, { rightTool: { in: ids } }] }),
    ])
    tools.forEach((tool) => tags.add(toolTag(String(tool.slug))))
    matchups.forEach((matchup) => tags.add(matchupTag(String(matchup.slug))))
  }
  return [...tags].sort()
}

/**
 * The lists a change can reorder, grow or shrink (their entries' own changes are named by
 * page tags): a tool whose public flag, name, category or tier moved leaves or enters the
 * lists of its old and new category and tier (and reorders the matchups lists, which show
 * tool names and filter by category and tier); a recount that moved only scores names no
 * list. A matchup change that the public sees reshapes every matchups list; a category
 * change the lists filtered by it. Verdicts and personas change no list's membership.
 */
export function affectedListTags(
  options: SanitizedVerdictsOptions,
  collection: string,
  doc: Doc,
  previous: Doc | undefined,
): string[] {
  const slugs = options.collectionSlugs
  const tags = new Set<string>()
  if (collection === slugs.tools) {
    const shown = (tool: Doc | undefined) =>
      tool &&
      JSON.stringify([
        tool.public,
        tool.name,
        tool.slug,
        idOf(tool.category),
        (tool.pricing as { tier?: unknown } | undefined)?.tier,
      ])
    if (shown(doc) !== shown(previous)) {
      for (const tool of [doc, previous]) {
        if (tool) {
          toolListTags(tool as Parameters<typeof toolListTags>[0]).forEach((tag) => tags.add(tag))
        }
      }
      tags.add(matchupsListTag)
    }
  } else if (collection === slugs.matchups) {
    tags.add(matchupsListTag)
  } else if (collection === slugs.categories) {
    tags.add(toolsInCategoryListTag(doc.id))
    tags.add(matchupsListTag)
  }
  return [...tags].sort()
}
