import type { CollectionBeforeDeleteHook, CollectionSlug, Where } from 'payload'

import type { SanitizedVerdictsOptions } from '../../src/options.ts'
import { Refusal } from '../../src/http/refusal.ts'

/**
 * A tool that verdicts or matchups point at cannot be deleted: the pages built on it
 * would lose their subject. The editor is told what to remove first.
 */
export function refuseDeletingToolInUse(options: SanitizedVerdictsOptions): CollectionBeforeDeleteHook {
  const { matchups, verdicts } = options.collectionSlugs
  return async ({ id, req }) => {
    const count = async (collection: CollectionSlug, where: Where) =>
      (await req.payload.count({ collection: collection, overrideAccess: true, req, where: where })).totalDocs
    const [verdictCount, matchupCount] = await Promise.all([
      count(verdicts, { tool: { equals: id } }),
      count(matchups, { or: [{ leftTool: { equals: id } }, { rightTool: { equals: id } }] }),
    ])
    if (verdictCount + matchupCount > 0) {
      throw new Refusal(
        `This tool is used by ${verdictCount} verdict(s) and ${matchupCount} matchup(s); delete or move those first.`,
        409,
      )
    }
  }
}
