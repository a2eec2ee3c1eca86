import type { PayloadRequest } from 'payload'

import type { UserRole } from '../access/roles.ts'
import type { WorkflowActor } from './rules.ts'
import type { SanitizedVerdictsOptions } from '../options.ts'
import type { WorkflowTarget } from './targets.ts'

import { idOf, sameId } from '../catalog/relations.ts'
import { findRelated } from '../catalog/lookups.ts'
import type { Id } from '../domain/ids.ts'

export type WorkflowUser = { email?: string; id: Id; role: null | UserRole }

/** The signed-in editorial user, or null for anonymous callers and system writes. */
export function workflowUserOf(req: PayloadRequest, options: SanitizedVerdictsOptions): null | WorkflowUser {
  const user = req.user as null | undefined | { collection?: string; email?: string; id: Id; role?: UserRole }
  if (!user || user.collection !== options.collectionSlugs.users) {
    return null
  }
  return { email: user.email, id: user.id, role: user.role ?? null }
}

/** The accounts listed as approvers on a verdict's persona (public data). */
export async function personaApproverIds(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  target: WorkflowTarget,
  doc: Record<string, unknown>,
): Promise<Id[]> {
  const persona = target.personaField
    ? ((await findRelated(req, options.collectionSlugs.reviewers, doc[target.personaField])) as null | {
        approvers?: unknown[]
      })
    : null
  return (persona?.approvers ?? []).map(idOf).filter((id): id is Id => id !== null)
}

/** What the workflow rules need to know about the caller with respect to one document. */
export async function actorFor(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  target: WorkflowTarget,
  doc: Record<string, unknown>,
): Promise<WorkflowActor> {
  const user = workflowUserOf(req, options)
  if (!user) {
    return { approvesForDocument: false, role: null, touchedDocument: false }
  }
  const approvesForDocument = target.personaField
    ? (await personaApproverIds(req, options, target, doc)).some((approver) => sameId(approver, user.id))
    : user.role === 'reviewer'
  return {
    approvesForDocument,
    mayJudgeOwnWork: options.workflow.allowSelfApproval,
    role: user.role,
    touchedDocument: sameId(doc.createdBy, user.id) || sameId(doc.lastEditedBy, user.id),
  }
}
