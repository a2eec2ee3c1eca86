import type { CollectionBeforeDeleteHook } from 'payload'

import type { SanitizedVerdictsOptions } from '../../src/options.ts'

/**
 * A tool that nothing uses any more may be deleted, and its score history goes with it:
 * each entry requires its tool, so the database refused the delete (a 500, found by the
 * fuzz suite). Runs after `refuseDeletingToolInUse`, inside the delete's transaction.
 * The history is append-only for every caller; this cleanup is the plugin's own.
 */
export function deleteScoreHistoryOfTool(options: SanitizedVerdictsOptions): CollectionBeforeDeleteHook {
  return async ({ id, req }) => {
    await req.payload.delete({
      collection: options.collectionSlugs.scoreHistory,
      overrideAccess: true,
      req,
      where: { tool: { equals: id } },
    })
  }
}
