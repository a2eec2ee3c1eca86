import type { Payload, PayloadRequest } from 'payload'

import { createLocalReq } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'
import type { WorkflowStage } from '../workflow/rules.ts'
import type { WorkflowTarget } from '../workflow/targets.ts'
import type { ReleaseBlocker, ReleaseStatus } from './rules.ts'
import type { Id } from '../domain/ids.ts'

import { idOf } from '../catalog/relations.ts'
import { contextKeys } from '../domain/contextKeys.ts'
import { inTransaction } from '../importer/pageTransaction.ts'
import { recomputeToolScore } from '../scores/recomputeToolScore.ts'
import { actorFor, personaApproverIds } from '../workflow/actor.ts'
import { checkTransition } from '../workflow/rules.ts'
import { workflowTargets } from '../workflow/targets.ts'
import { findLatestVersion, transitionWorkflow } from '../workflow/transition.ts'
import { describeBlockers } from './rules.ts'
import { Refusal } from '../http/refusal.ts'

type Doc = Record<string, unknown> & { id: Id }
type ReleaseItem = { relationTo: string; value: unknown }
export type ReleaseDoc = Doc & {
  items?: ReleaseItem[]
  publishAt?: null | string
  scheduledBy?: unknown
  status?: ReleaseStatus
  title?: string
  unpublishAt?: null | string
  unpublishedAt?: null | string
}

export type ReleaseOutcome = {
  /** False on a database without transactions (FerretDB v1, a standalone MongoDB). */
  atomic: boolean
  blockers: ReleaseBlocker[]
  changed: Array<{ collection: string; id: Id }>
  status: ReleaseStatus
}

/** Raised inside the transaction so that it rolls back; carries the reasons out. */
class ReleaseBlocked extends Error {
  constructor(readonly blockers: ReleaseBlocker[]) {
    super('release blocked')
  }
}

function targetOf(options: SanitizedVerdictsOptions, collection: string): null | WorkflowTarget {
  const targets = workflowTargets(options)
  return collection === targets.verdicts.slug
    ? targets.verdicts
    : collection === targets.matchups.slug
      ? targets.matchups
      : null
}

/**
 * Signs the request in as the account a release acts for: the one who scheduled it (or
 * pressed "Publish now"), read again now, so that a role taken away since counts. The
 * workflow rules then judge the job exactly as they would judge that person.
 */
async function actAs(req: PayloadRequest, options: SanitizedVerdictsOptions, userId: unknown): Promise<boolean> {
  const id = idOf(userId)
  const user =
    id === null
      ? null
      : await req.payload.findByID({
          id,
          collection: options.collectionSlugs.users,
          depth: 0,
          disableErrors: true,
          overrideAccess: true,
          req,
        })
  if (!user) {
    return false
  }
  req.user = { ...(user as object), collection: options.collectionSlugs.users } as PayloadRequest['user']
  return true
}

/**
 * Every item, as it stands at this moment, checked by the workflow's own rules for the
 * acting account: what would keep it from going live (or coming down). Items already in
 * the wanted state need nothing and block nothing.
 */
async function checkItems(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  release: ReleaseDoc,
  action: 'publish' | 'unpublish',
): Promise<{ blockers: ReleaseBlocker[]; todo: Array<{ id: Id; target: WorkflowTarget }> }> {
  const blockers: ReleaseBlocker[] = []
  const todo: Array<{ id: Id; target: WorkflowTarget }> = []
  for (const item of release.items ?? []) {
    const id = idOf(item.value)
    const target = targetOf(options, item.relationTo)
    if (!target || id === null) {
      blockers.push({
        collection: item.relationTo,
        id,
        reason: 'only verdicts and matchups can be released',
        title: String(id),
      })
      continue
    }
    const doc = await findLatestVersion(req, target, id)
    if (!doc) {
      blockers.push({
        collection: target.slug,
        id,
        reason: `this ${target.kind} no longer exists`,
        title: `${target.kind} ${String(id)}`,
      })
      continue
    }
    const stage = (doc.workflowStage ?? 'draft') as WorkflowStage
    const title = `${String(doc.title ?? id)} (${target.kind})`
    if (action === 'publish' && stage === 'published') {
      continue
    }
    if (action === 'unpublish' && stage !== 'published') {
      continue
    }
    const check = checkTransition(action, stage, await actorFor(req, options, target, doc), {
      kind: target.kind,
    })
    if (!check.ok) {
      const why = action === 'publish' && stage !== 'approved' ? ` (it is ${stage.replace('_', ' ')})` : ''
      blockers.push({ collection: target.slug, id, reason: `${check.message}${why}`, title })
      continue
    }
    todo.push({ id, target })
  }
  return { blockers, todo }
}

async function writeRelease(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  id: Id,
  data: Record<string, unknown>,
) {
  req.context[contextKeys.releaseTransition] = true
  try {
    // The release's own access lets this one write through (and only while the flag is set).
    await req.payload.update({
      id,
      collection: options.collectionSlugs.releases,
      data: data,
      depth: 0,
      overrideAccess: false,
      req,
    })
  } finally {
    delete req.context[contextKeys.releaseTransition]
  }
}

async function mailBlocked(
  payload: Payload,
  options: SanitizedVerdictsOptions,
  release: ReleaseDoc,
  blockers: ReleaseBlocker[],
  req: PayloadRequest,
) {
  try {
    const ids = new Set<string>()
    const scheduler = idOf(release.scheduledBy)
    if (scheduler !== null) {
      ids.add(String(scheduler))
    }
    const targets = workflowTargets(options)
    for (const blocker of blockers) {
      if (blocker.collection === targets.verdicts.slug && blocker.id !== null) {
        const verdict = await payload.findByID({
          id: blocker.id,
          collection: targets.verdicts.slug as never,
          depth: 0,
          disableErrors: true,
          draft: true,
          req,
        })
        if (verdict) {
          ;(await personaApproverIds(req, options, targets.verdicts, verdict as Doc)).forEach((approver) =>
            ids.add(String(approver)),
          )
        }
      }
    }
    const { docs } = await payload.find({
      collection: options.collectionSlugs.users,
      depth: 0,
      limit: 0,
      pagination: false,
      req,
      where: { id: { in: [...ids] } },
    })
    const to = (docs as Array<{ email?: string }>).flatMap((user) => (user.email ? [user.email] : []))
    if (to.length === 0) {
      return
    }
    const adminUrl = `${payload.config.serverURL || ''}${payload.config.routes.admin}/collections/${options.collectionSlugs.releases}/${release.id}`
    await payload.sendEmail({
      subject: `Release blocked: ${String(release.title)}`,
      text: `Nothing in the release "${String(release.title)}" went live, because:\n\n${describeBlockers(blockers)}\n\nOnce every item is approved, publish it again: ${adminUrl}`,
      to,
    })
  } catch (error) {
    payload.logger.error({
      err: error,
      msg: `Could not send the blocked-release mail for release ${String(release.id)}`,
    })
  }
}

/**
 * Takes every item of a release live (or down) in one transaction, or none of them.
 *
 * The job has no signed-in user, so it acts as a recorded account (`actorId`; by default
 * the one who scheduled the release), re-read now; each item is checked at this moment by
 * the workflow's rules for that account and then moved by the workflow's own operation,
 * which checks again and records the transition. Any item that is not approved, any rule
 * that refuses, any failure while writing: the transaction is rolled back, the release is
 * `blocked` with each item and why, and its scheduler and the items' reviewers are mailed.
 */
export async function runRelease(
  payload: Payload,
  options: SanitizedVerdictsOptions,
  releaseId: Id,
  {
    action = 'publish',
    actorId,
    now = new Date(),
  }: { action?: 'publish' | 'unpublish'; actorId?: Id; now?: Date } = {},
): Promise<ReleaseOutcome> {
  const slug = options.collectionSlugs.releases
  let release: null | ReleaseDoc = null
  let atomicRun = true
  try {
    const { atomic, result } = await inTransaction(payload, async (req, atomic) => {
      atomicRun = atomic
      release = (await payload.findByID({
        id: releaseId,
        collection: slug,
        depth: 0,
        disableErrors: true,
        overrideAccess: true,
        req,
      })) as null | ReleaseDoc
      if (!release) {
        throw new Refusal('no such release', 404)
      }
      const runnable = action === 'publish' ? ['scheduled', 'blocked'] : ['published']
      if (!runnable.includes(String(release.status))) {
        throw new Refusal(
          `a ${String(release.status)} release cannot be ${action === 'publish' ? 'published' : 'unpublished'}`,
          409,
        )
      }
      if (!(await actAs(req, options, actorId ?? release.scheduledBy))) {
        throw new ReleaseBlocked([
          {
            collection: slug,
            id: release.id,
            reason: 'the account that scheduled it no longer exists',
            title: String(release.title),
          },
        ])
      }
      const { blockers, todo } = await checkItems(req, options, release, action)
      if (blockers.length > 0) {
        throw new ReleaseBlocked(blockers)
      }
      const comment = `${action === 'publish' ? 'Published' : 'Unpublished'} with the release "${String(release.title)}"`
      const recounts = new Map<string, Id>()
      req.context[contextKeys.deferredRecounts] = recounts
      for (const { id, target } of todo) {
        try {
          await transitionWorkflow(req, options, target, { action, comment, id })
        } catch (error) {
          throw new ReleaseBlocked([
            {
              collection: target.slug,
              id,
              reason: error instanceof Error ? error.message : String(error),
              title: `${target.kind} ${String(id)}`,
            },
          ])
        }
      }
      delete req.context[contextKeys.deferredRecounts]
      // Each tool's panel score once, in a fixed order (as the hook does), inside the same transaction.
      for (const key of [...recounts.keys()].sort()) {
        await recomputeToolScore(req, options, recounts.get(key)!, 'panel', {
          action,
          label: `release ${String(release.title)}`,
          userId: idOf(req.user?.id),
        })
      }
      await writeRelease(
        req,
        options,
        release.id,
        action === 'publish'
          ? { blockers: null, publishedAt: now.toISOString(), status: 'published' }
          : { unpublishedAt: now.toISOString() },
      )
      return todo.map(({ id, target }) => ({ collection: target.slug, id }))
    })
    return { atomic, blockers: [], changed: result, status: 'published' }
  } catch (error) {
    if (!(error instanceof ReleaseBlocked) || !release) {
      throw error
    }
    const blocked = release as ReleaseDoc
    const req = await createLocalReq({}, payload)
    if (action === 'publish') {
      await writeRelease(req, options, blocked.id, { blockers: error.blockers, status: 'blocked' })
    }
    await mailBlocked(payload, options, blocked, error.blockers, req)
    return {
      atomic: atomicRun,
      blockers: error.blockers,
      changed: [],
      status: action === 'publish' ? 'blocked' : 'published',
    }
  }
}

/**
 * What would keep a release from going live if it ran now, judged exactly as the run would
 * judge it (as its scheduler, by the workflow's rules), without writing anything.
 */
export async function releaseReadiness(
  payload: Payload,
  options: SanitizedVerdictsOptions,
  release: ReleaseDoc,
): Promise<ReleaseBlocker[]> {
  const req = await createLocalReq({}, payload)
  if (!(await actAs(req, options, release.scheduledBy))) {
    return [
      {
        collection: options.collectionSlugs.releases,
        id: release.id,
        reason: 'the account that scheduled it no longer exists',
        title: String(release.title),
      },
    ]
  }
  return (await checkItems(req, options, release, 'publish')).blockers
}
