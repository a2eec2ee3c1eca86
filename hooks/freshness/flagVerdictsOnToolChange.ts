import type { CollectionAfterChangeHook } from 'payload'

import type { SanitizedVerdictsOptions } from '../../src/options.ts'
import type { ToolChange, WatchedToolField } from '../../src/freshness/rules.ts'
import type { Id } from '../../src/domain/ids.ts'

import { findRelated } from '../../src/catalog/lookups.ts'
import { askForReReview } from '../../src/freshness/notifyApprovers.ts'
import { writeReviewFlags } from '../../src/freshness/reviewFlags.ts'
import { describeToolChanges, toolChanges } from '../../src/freshness/rules.ts'

type VerdictDoc = Record<string, unknown> & { id: Id; toolChanges?: null | ToolChange[] }

/**
 * When a tool's pricing, tagline, description or category changes, every published
 * verdict of it was approved against the old facts: each is flagged
 * `toolChangedSinceReview` with what changed (old → new), its workflow history names the
 * change, and its persona's approvers are mailed once for this change. The pages stay live.
 */
export function flagVerdictsOnToolChange(options: SanitizedVerdictsOptions): CollectionAfterChangeHook {
  const slugs = options.collectionSlugs
  return async ({ doc, operation, previousDoc, req }) => {
    if (operation !== 'update' || !previousDoc) {
      return doc
    }
    const readable = (field: WatchedToolField, value: null | string): null | string => {
      if (value === null) {
        return null
      }
      if (field === 'pricing.tier') {
        return options.pricingTiers.find((tier) => tier.value === value)?.label ?? value
      }
      return value
    }
    const changes = toolChanges(previousDoc, doc, new Date(), readable)
    if (changes.length === 0) {
      return doc
    }
    // Category ids become names only when a category actually changed.
    for (const change of changes.filter((each) => each.field === 'category')) {
      const name = async (id: null | string) =>
        id === null ? null : String((await findRelated(req, slugs.categories, id))?.name ?? id)
      change.from = await name(change.from)
      change.to = await name(change.to)
    }
    const { docs } = await req.payload.find({
      collection: slugs.verdicts as never,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      req,
      where: { and: [{ tool: { equals: doc.id } }, { _status: { equals: 'published' } }] },
    })
    const described = describeToolChanges(changes)
    for (const verdict of docs as VerdictDoc[]) {
      await writeReviewFlags(req, options, verdict.id, {
        toolChanges: [...(verdict.toolChanges ?? []), ...changes],
        toolChangedSinceReview: true,
      })
      await askForReReview(req, options, verdict, {
        action: 'tool_changed',
        comment: `${String(doc.name)} changed since this verdict was approved. ${described}.`,
        subject: 'Tool changed since review',
      })
    }
    return doc
  }
}
