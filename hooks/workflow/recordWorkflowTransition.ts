import type { CollectionAfterChangeHook } from 'payload'

import type { SanitizedVerdictsOptions } from '../../src/options.ts'
import type { TransitionContext, WorkflowNote, WorkflowTarget } from '../../src/workflow/targets.ts'

import { workflowUserOf } from '../../src/workflow/actor.ts'
import { documentBeforeSave, liveVersionIsPublished } from '../../src/workflow/liveVersion.ts'
import { contextKeys } from '../../src/domain/contextKeys.ts'
import type { WorkflowEventAction, WorkflowStage } from '../../src/workflow/rules.ts'

/**
 * Appends a workflow event whenever a verdict's or matchup's stage changes, whether by a
 * workflow button or as a consequence of an edit (an approval dismissed, a new draft).
 */
export function recordWorkflowTransition(
  options: SanitizedVerdictsOptions,
  target: WorkflowTarget,
): CollectionAfterChangeHook {
  return async ({ doc, operation, previousDoc, req }) => {
    const previous = documentBeforeSave(req, target.slug, previousDoc)
    const from = operation === 'create' ? null : ((previous?.workflowStage as undefined | WorkflowStage) ?? null)
    const to = doc.workflowStage as WorkflowStage
    if (from === to) {
      return doc
    }
    const transition = req.context[contextKeys.workflowTransition] as TransitionContext | undefined
    const note = req.context[contextKeys.workflowNote] as undefined | WorkflowNote
    let action: WorkflowEventAction =
      transition?.action ??
      note?.action ??
      (operation === 'create' ? 'create' : to === 'published' ? 'publish' : 'edit')
    if (!transition && !note && from === 'published' && doc._status === 'draft') {
      // A save over a published document is either a new draft (the published version
      // stays live) or an unpublish: the stored document tells them apart.
      action = (await liveVersionIsPublished(req, target.slug, doc.id)) ? 'edit' : 'unpublish'
    }
    // An append-only audit row the plugin writes itself (the collection has no hooks and
    // nobody may write it through the API): inserted through the adapter, in this save's
    // transaction, without the read-back a Local API create adds.
    const now = new Date().toISOString()
    await req.payload.db.create({
      collection: options.collectionSlugs.workflowEvents,
      data: {
        action,
        comment: transition?.comment ?? note?.comment,
        createdAt: now,
        document: { relationTo: target.slug, value: doc.id },
        from,
        title: doc.title,
        to,
        updatedAt: now,
        user: workflowUserOf(req, options)?.id,
      },
      req,
      returning: false,
    })
    return doc
  }
}
