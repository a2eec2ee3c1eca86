import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import type { SanitizedVerdictsOptions } from '../../src/options.ts'
import type { TransitionContext, WorkflowNote, WorkflowTarget } from '../../src/workflow/targets.ts'

import { idOf, sameId } from '../../src/catalog/relations.ts'
import { personaApproverIds, workflowUserOf } from '../../src/workflow/actor.ts'
import type { Id } from '../../src/domain/ids.ts'
import { contextKeys } from '../../src/domain/contextKeys.ts'

async function emailsOf(req: PayloadRequest, options: SanitizedVerdictsOptions, ids: Id[]): Promise<string[]> {
  if (ids.length === 0) {
    return []
  }
  const { docs } = await req.payload.find({
    collection: options.collectionSlugs.users,
    depth: 0,
    limit: ids.length,
    overrideAccess: true,
    pagination: false,
    req,
    where: { id: { in: ids } },
  })
  return (docs as Array<{ email?: string }>).flatMap((user) => (user.email ? [user.email] : []))
}

/** Who is asked to review: the persona's approvers, or for a matchup every reviewer. */
async function reviewerIds(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  target: WorkflowTarget,
  doc: Record<string, unknown>,
): Promise<Id[]> {
  if (target.personaField) {
    return personaApproverIds(req, options, target, doc)
  }
  const { docs } = await req.payload.find({
    collection: options.collectionSlugs.users,
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    where: { role: { equals: 'reviewer' } },
  })
  return (docs as Array<{ id: Id }>).map((user) => user.id)
}

/**
 * Mails the persona's reviewers when something enters review, and the author (creator and
 * last editor) when changes are requested. Mail failures are logged, never fatal: the
 * transition itself already happened.
 */
export function notifyWorkflowParticipants(
  options: SanitizedVerdictsOptions,
  target: WorkflowTarget,
): CollectionAfterChangeHook {
  return async ({ doc, previousDoc, req }) => {
    const to = doc.workflowStage as string
    if (to === previousDoc?.workflowStage || (to !== 'in_review' && to !== 'changes_requested')) {
      return doc
    }
    const actor = workflowUserOf(req, options)
    const transition = req.context[contextKeys.workflowTransition] as TransitionContext | undefined
    const note = req.context[contextKeys.workflowNote] as undefined | WorkflowNote
    const adminUrl = `${req.payload.config.serverURL || ''}${req.payload.config.routes.admin}/collections/${target.slug}/${doc.id}`
    const title = String(doc.title ?? `${target.kind} ${doc.id}`)
    try {
      const recipientIds =
        to === 'in_review'
          ? await reviewerIds(req, options, target, doc)
          : [idOf(doc.createdBy), idOf(doc.lastEditedBy)].filter((id): id is Id => id !== null)
      const unique = recipientIds.filter((id, index) => recipientIds.findIndex((other) => sameId(other, id)) === index)
      const recipients = await emailsOf(
        req,
        options,
        unique.filter((id) => !actor || !sameId(id, actor.id)),
      )
      if (recipients.length === 0) {
        return doc
      }
      const who = actor?.email ?? 'The workflow'
      const message =
        to === 'in_review'
          ? {
              subject: `Review requested: ${title}`,
              text: `${who} asks for your review of the ${target.kind} "${title}".\n\n${note ? `${note.comment}\n\n` : ''}Open it: ${adminUrl}`,
            }
          : {
              subject: `Changes requested: ${title}`,
              text: `${who} requested changes to the ${target.kind} "${title}":\n\n${transition?.comment ?? ''}\n\nOpen it: ${adminUrl}`,
            }
      await req.payload.sendEmail({ ...message, to: recipients })
    } catch (error) {
      req.payload.logger.error({ err: error, msg: `Could not send workflow mail for ${target.kind} ${String(doc.id)}` })
    }
    return doc
  }
}
