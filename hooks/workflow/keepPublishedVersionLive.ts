import type { CollectionBeforeOperationHook, Where } from 'payload'

import type { SanitizedVerdictsOptions } from '../../src/options.ts'
import type { WorkflowTarget } from '../../src/workflow/targets.ts'

import { contextKeys } from '../../src/domain/contextKeys.ts'
import { Refusal } from '../../src/http/refusal.ts'
import { workflowUserOf } from '../../src/workflow/actor.ts'

/**
 * A save that is neither a draft nor a publish writes over the live document. When the
 * document's latest version is a draft (an edit in progress), that save carries the draft's
 * unpublished status and would take the published version down, outside the workflow, with
 * no recount and no history: the published version must stay live until an approved edit
 * replaces it, and unpublishing is the workflow's own action. Such a save by a signed-in user
 * is refused with a 409 saying what to do instead. (Over a published latest version the same
 * save is a publish, which enforceWorkflowRules checks against the approval.) One or two reads,
 * only for such saves: the admin saves drafts or publishes. Found by the API fuzz test.
 */
export function keepPublishedVersionLive(
  options: SanitizedVerdictsOptions,
  target: WorkflowTarget,
): CollectionBeforeOperationHook {
  return async ({ args, operation, req }) => {
    const { data, draft, id, where } = args as {
      data?: { _status?: unknown }
      draft?: boolean
      id?: number | string
      where?: Where
    }
    if (operation !== 'update' || draft || data?._status === 'published') {
      return args
    }
    if (!workflowUserOf(req, options) || req.context[contextKeys.workflowTransition]) {
      return args
    }
    const saved = id !== undefined ? { id: { equals: id } } : where
    if (!saved) {
      return args
    }
    // Only a published live document can be taken down; most such saves stop at this read.
    const live = await req.payload.find({
      collection: target.slug,
      depth: 0,
      overrideAccess: true,
      pagination: false,
      req,
      select: { _status: true },
      where: { and: [saved, { _status: { equals: 'published' } }] },
    })
    if (live.docs.length === 0) {
      return args
    }
    // …and only where its latest version is a draft does the save carry an unpublished status.
    const latest = await req.payload.find({
      collection: target.slug,
      depth: 0,
      draft: true,
      overrideAccess: true,
      pagination: false,
      req,
      select: { _status: true },
      where: { id: { in: live.docs.map((doc) => doc.id) } },
    })
    if (latest.docs.some((doc) => doc._status !== 'published')) {
      throw new Refusal(
        `this ${target.kind} is published: save changes as a draft (draft=true), which goes live when approved and published; unpublishing is the workflow's "unpublish" action`,
        409,
      )
    }
    return args
  }
}
