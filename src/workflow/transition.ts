import type { PayloadRequest } from 'payload'

import { NotFound } from 'payload'

import { Refusal } from '../http/refusal.ts'

import type { WorkflowAction, WorkflowStage } from './rules.ts'
import type { SanitizedVerdictsOptions } from '../options.ts'
import type { TransitionContext, WorkflowTarget } from './targets.ts'

import { availableActions, checkTransition, stageActedOn } from './rules.ts'
import { actorFor } from './actor.ts'
import { publishedUnderDraft } from './liveVersion.ts'
import type { Id } from '../domain/ids.ts'
import { contextKeys } from '../domain/contextKeys.ts'

export type WorkflowDoc = Record<string, unknown> & { _status?: string; id: Id; workflowStage?: WorkflowStage }

/** The newest version of a document (drafts included) as the caller may see it, or null. */
export async function findLatestVersion(
  req: PayloadRequest,
  target: WorkflowTarget,
  id: Id,
): Promise<null | WorkflowDoc> {
  return (await req.payload.findByID({
    id,
    collection: target.slug,
    depth: 0,
    disableErrors: true,
    draft: true,
    overrideAccess: false,
    req,
  })) as null | WorkflowDoc
}

/** The latest version of a document as the caller may see it, or a 404. */
async function latestVersion(req: PayloadRequest, target: WorkflowTarget, id: Id): Promise<WorkflowDoc> {
  const doc = await findLatestVersion(req, target, id)
  if (!doc) {
    throw new NotFound(req.t)
  }
  return doc
}

/**
 * Moves a verdict or matchup through the workflow on behalf of the caller: checks the
 * rules for this user and document, then saves with the caller's own access. The stage
 * change, the audit entry and the mail follow from the save's hooks.
 */
export async function transitionWorkflow(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  target: WorkflowTarget,
  args: { action: WorkflowAction; comment?: string; id: Id },
): Promise<WorkflowDoc> {
  const doc = await latestVersion(req, target, args.id)
  // An editor may take a published document down while an edit of it is in progress; the
  // edit stays, as a draft.
  const live = args.action === 'unpublish' ? await publishedUnderDraft(req, target.slug, doc) : null
  const actor = await actorFor(req, options, target, doc)
  const stage = stageActedOn(args.action, doc.workflowStage ?? 'draft', live !== null)
  const check = checkTransition(args.action, stage, actor, { comment: args.comment, kind: target.kind })
  if (!check.ok) {
    throw new Refusal(check.message, check.status)
  }
  const changesLiveVersion = args.action === 'publish' || args.action === 'unpublish'
  const transition: TransitionContext = {
    action: args.action,
    comment: args.comment?.trim() || undefined,
    liveBefore: live ? { collection: target.slug, doc: live } : undefined,
    to: check.to,
  }
  req.context[contextKeys.workflowTransition] = transition
  try {
    return (await req.payload.update({
      id: args.id,
      collection: target.slug as never,
      data: (changesLiveVersion ? { _status: args.action === 'publish' ? 'published' : 'draft' } : {}) as never,
      depth: 0,
      draft: !changesLiveVersion,
      overrideAccess: false,
      req,
    })) as WorkflowDoc
  } finally {
    delete req.context[contextKeys.workflowTransition]
  }
}

export type WorkflowState = {
  actions: WorkflowAction[]
  history: unknown[]
  stage: WorkflowStage
  status: string
}

/** What the admin's workflow panel shows: the stage, the caller's buttons, the history. */
export async function workflowState(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  target: WorkflowTarget,
  id: Id,
): Promise<WorkflowState> {
  const doc = await latestVersion(req, target, id)
  const actor = await actorFor(req, options, target, doc)
  const history = await req.payload.find({
    collection: options.collectionSlugs.workflowEvents,
    depth: 1,
    limit: 50,
    overrideAccess: false,
    // Only what the panel prints: depth 1 would otherwise load the whole document (quote
    // and all) into each of the 50 events, and every field of each user.
    populate: { [options.collectionSlugs.users]: { email: true } },
    req,
    select: { action: true, comment: true, createdAt: true, from: true, to: true, user: true },
    sort: '-createdAt',
    where: { and: [{ 'document.relationTo': { equals: target.slug } }, { 'document.value': { equals: id } }] },
  })
  const stage = doc.workflowStage ?? 'draft'
  const liveUnderDraft = await publishedUnderDraft(req, target.slug, doc)
  return {
    actions: availableActions(stage, actor, liveUnderDraft !== null),
    history: history.docs.map((event) => {
      const { action, comment, createdAt, from, to, user } = event as unknown as Record<string, unknown>
      return { action, comment, createdAt, from, to, user: (user as null | { email?: string })?.email ?? null }
    }),
    stage,
    status: String(doc._status ?? 'draft'),
  }
}
