import type { FieldHook } from 'payload'

import type { SanitizedVerdictsOptions } from '../../src/options.ts'

/**
 * Fills an issue's read-only `sentCount` / `failedCount` from its delivery records, the
 * source of truth, so the admin shows live progress while a send runs without the send
 * rewriting the issue after every message.
 */
export function countIssueDeliveries(options: SanitizedVerdictsOptions, status: 'failed' | 'sent'): FieldHook {
  return async ({ data, req }) => {
    const id = (data as undefined | { id?: number | string })?.id
    if (id === undefined || id === null) {
      return 0
    }
    const { totalDocs } = await req.payload.count({
      collection: options.collectionSlugs.newsletterDeliveries,
      overrideAccess: true,
      req,
      where: { and: [{ issue: { equals: id } }, { status: { equals: status } }] },
    })
    return totalDocs
  }
}
