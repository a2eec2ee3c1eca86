import type { CollectionBeforeDeleteHook } from 'payload'

import type { SanitizedVerdictsOptions } from '../../src/options.ts'
import { Refusal } from '../../src/http/refusal.ts'

/**
 * A category that tools use cannot be deleted (as with tools in use): those tools would
 * lose their category on every public page. The editor is told how many to move first.
 */
export function refuseDeletingCategoryInUse(options: SanitizedVerdictsOptions): CollectionBeforeDeleteHook {
  return async ({ id, req }) => {
    const { totalDocs } = await req.payload.count({
      collection: options.collectionSlugs.tools,
      overrideAccess: true,
      req,
      where: { category: { equals: id } },
    })
    if (totalDocs > 0) {
      throw new Refusal(`This category is used by ${totalDocs} tool(s); move them to another category first.`, 409)
    }
  }
}
