import type { PayloadRequest } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'
import type { WorkflowEventAction, WorkflowStage } from '../workflow/rules.ts'
import type { Id } from '../domain/ids.ts'

import { documentId } from '../catalog/relations.ts'
import { personaApproverIds } from '../workflow/actor.ts'
import { workflowTargets } from '../workflow/targets.ts'

type VerdictDoc = Record<string, unknown> & { id: Id; title?: unknown; workflowStage?: unknown }

/**
 * Asks a verdict's persona for re-review: one entry in the verdict's workflow history
 * (the cause, in words) and one mail to the persona's approvers. Mail failures are logged,
 * never fatal: the flag and the history entry are what count.
 */
export async function askForReReview(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  verdict: VerdictDoc,
  cause: { action: Extract<WorkflowEventAction, 'stale' | 'tool_changed'>; comment: string; subject: string },
): Promise<void> {
  const target = workflowTargets(options).verdicts
  const stage = (verdict.workflowStage ?? 'published') as WorkflowStage
  const title = String(verdict.title ?? `verdict ${verdict.id}`)
  await req.payload.create({
    collection: options.collectionSlugs.workflowEvents,
    data: {
      action: cause.action,
      comment: cause.comment,
      document: { relationTo: target.slug, value: documentId(verdict.id) },
      from: stage,
      title,
      to: stage,
    },
    depth: 0,
    overrideAccess: true,
    req,
  })
  try {
    const ids = await personaApproverIds(req, options, target, verdict)
    if (ids.length === 0) {
      return
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
    const to = (docs as Array<{ email?: string }>).flatMap((user) => (user.email ? [user.email] : []))
    if (to.length === 0) {
      return
    }
    const adminUrl = `${req.payload.config.serverURL || ''}${req.payload.config.routes.admin}/collections/${target.slug}/${verdict.id}`
    await req.payload.sendEmail({
      subject: `${cause.subject}: ${title}`,
      text: `${cause.comment}\n\nThe published verdict stays live. Re-approve it (with or without changes) to clear this.\n\nOpen it: ${adminUrl}`,
      to,
    })
  } catch (error) {
    req.payload.logger.error({ err: error, msg: `Could not send re-review mail for verdict ${String(verdict.id)}` })
  }
}
