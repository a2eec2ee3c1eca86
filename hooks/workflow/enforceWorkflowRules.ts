import type { CollectionBeforeChangeHook } from 'payload'

import { Refusal } from '../../src/http/refusal.ts'

import type { WorkflowStage } from '../../src/workflow/rules.ts'
import type { SanitizedVerdictsOptions } from '../../src/options.ts'
import type { TransitionContext, WorkflowTarget } from '../../src/workflow/targets.ts'

import { contentFingerprint } from '../../src/workflow/fingerprint.ts'
import { checkTransition, stageAfterSave } from '../../src/workflow/rules.ts'
import { actorFor, workflowUserOf } from '../../src/workflow/actor.ts'
import { contextKeys } from '../../src/domain/contextKeys.ts'

const approvalFields = ['approvedBy', 'approvedAt', 'approvedFingerprint'] as const
const ownedFields = ['workflowStage', 'createdBy', 'lastEditedBy', 'firstPublishedAt', ...approvalFields] as const

/**
 * The first publication is stamped once, by whichever write first makes the document
 * published (workflow, direct publish or a system write such as a release); every later
 * write keeps it. Feeds list comparisons by it.
 */
function withFirstPublication(next: Record<string, unknown>, previous: Record<string, unknown>) {
  const published = next.workflowStage === 'published' || next._status === 'published'
  const kept = next.firstPublishedAt ?? previous.firstPublishedAt ?? null
  return { ...next, firstPublishedAt: kept ?? (published ? new Date().toISOString() : null) }
}

/**
 * The server side of the workflow, for every API: clients cannot set the stage or the
 * approval; publishing needs an approval of exactly the content being published (else a
 * 409 naming the rule, and nothing is written); editing approved content sends it back to
 * review; any save over a published document is a new draft that needs approval again.
 * Writes without a signed-in user (seed, import, migrations) are trusted as they are.
 */
export function enforceWorkflowRules(
  options: SanitizedVerdictsOptions,
  target: WorkflowTarget,
): CollectionBeforeChangeHook {
  const rules: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
    const user = workflowUserOf(req, options)
    const previous = (originalDoc ?? {}) as Record<string, unknown>
    const merged = { ...previous, ...data }
    const fingerprint = contentFingerprint(merged, target.fingerprint)
    const contentChanged = operation === 'create' || fingerprint !== contentFingerprint(previous, target.fingerprint)
    const previousStage = (operation === 'create' ? 'draft' : (previous.workflowStage ?? 'draft')) as WorkflowStage

    if (!user) {
      // A system write: keep what it sets, derive the rest.
      const stage =
        data._status === 'published'
          ? 'published'
          : ((data.workflowStage as WorkflowStage | undefined) ?? stageAfterSave(previousStage, contentChanged))
      // Content a system write marks approved is approved as it stands.
      return stage === 'approved'
        ? { ...data, approvedFingerprint: fingerprint, workflowStage: stage }
        : { ...data, workflowStage: stage }
    }

    const next: Record<string, unknown> = { ...data }
    for (const field of ownedFields) {
      next[field] = operation === 'create' ? null : (previous[field] ?? null)
    }
    if (operation === 'create') {
      next.createdBy = user.id
    }
    if (contentChanged) {
      next.lastEditedBy = user.id
    }
    const clearApproval = () => approvalFields.forEach((field) => (next[field] = null))

    const transition = req.context[contextKeys.workflowTransition] as TransitionContext | undefined
    if (transition) {
      next.workflowStage = transition.to
      if (transition.action === 'approve') {
        next.approvedBy = user.id
        next.approvedAt = new Date().toISOString()
        next.approvedFingerprint = fingerprint
      } else if (transition.action !== 'publish') {
        clearApproval()
      }
      return next
    }

    if (data._status === 'published') {
      const actor = await actorFor(req, options, target, merged)
      const check = checkTransition('publish', previousStage, actor, { kind: target.kind })
      if (!check.ok) {
        throw new Refusal(check.message, check.status)
      }
      if (previous.approvedFingerprint !== fingerprint) {
        throw new Refusal(`this ${target.kind} changed after it was approved; it needs approval again`, 409)
      }
      next.workflowStage = 'published'
      return next
    }

    const stage = operation === 'create' ? 'draft' : stageAfterSave(previousStage, contentChanged)
    if (stage !== previousStage && (previousStage === 'approved' || previousStage === 'published')) {
      clearApproval()
    }
    next.workflowStage = stage
    return next
  }
  return async (args) =>
    withFirstPublication(
      (await rules(args)) as Record<string, unknown>,
      (args.originalDoc ?? {}) as Record<string, unknown>,
    )
}
