import type { CollectionBeforeChangeHook } from 'payload'

import type { SanitizedVerdictsOptions } from '../../src/options.ts'
import type { TransitionContext } from '../../src/workflow/targets.ts'

import { workflowUserOf } from '../../src/workflow/actor.ts'
import { contextKeys } from '../../src/domain/contextKeys.ts'

/**
 * An approval is a review: it sets `reviewedAt` (to the approval's own time) and clears
 * the stale and tool-changed flags, with or without changes to the verdict. A verdict a
 * system write creates already approved or published (the importer, the seed) counts as
 * reviewed when it was written, unless the write says when.
 */
export function refreshReviewDate(options: SanitizedVerdictsOptions): CollectionBeforeChangeHook {
  return ({ data, operation, req }) => {
    const transition = req.context[contextKeys.workflowTransition] as TransitionContext | undefined
    const user = workflowUserOf(req, options)
    if (transition?.action === 'approve' && user) {
      return {
        ...data,
        reviewedAt: data.approvedAt ?? new Date().toISOString(),
        stale: false,
        toolChangedSinceReview: false,
        toolChanges: null,
      }
    }
    const reviewedStage = data.workflowStage === 'approved' || data.workflowStage === 'published'
    if (!user && operation === 'create' && !data.reviewedAt && reviewedStage) {
      return { ...data, reviewedAt: new Date().toISOString() }
    }
    return data
  }
}
