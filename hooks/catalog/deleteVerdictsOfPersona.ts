import type { CollectionBeforeDeleteHook } from 'payload'

import type { SanitizedVerdictsOptions } from '../../src/options.ts'
import { contextKeys } from '../../src/domain/contextKeys.ts'

/**
 * A persona's verdicts cannot be shown without the persona, so deleting a persona deletes
 * its verdicts first; their own hooks then recount every affected tool.
 */
export function deleteVerdictsOfPersona(options: SanitizedVerdictsOptions): CollectionBeforeDeleteHook {
  return async ({ id, req }) => {
    const previousFlag = req.context[contextKeys.personaDeleted]
    req.context[contextKeys.personaDeleted] = true
    try {
      await req.payload.delete({
        collection: options.collectionSlugs.verdicts,
        overrideAccess: true,
        req,
        where: { reviewer: { equals: id } },
      })
    } finally {
      req.context[contextKeys.personaDeleted] = previousFlag
    }
  }
}
