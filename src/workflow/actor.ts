import type { PayloadRequest } from 'payload'

import type { WorkflowActor, WorkflowRole } from '../lib/workflowRules'
import type { SanitizedVerdictsOptions } from '../options'
import type { WorkflowTarget } from './targets'

import { idOf, sameId } from '../lib/relations'

type Id = number | string
export type WorkflowUser = { email?: string; id: Id; role: null | WorkflowRole }

/** The signed-in editorial user, or null for anonymous callers and system writes. */
export function workflowUserOf(req: PayloadRequest, options: SanitizedVerdictsOptions): null | WorkflowUser {
  const user = req.user as null | undefined | { collection?: string; email?: string; id: Id; role?: WorkflowRole }
  if (!user || user.collection !== options.collectionSlugs.users) {
    return null
  }
  return { email: user.email, id: user.id, role: user.role ?? null }
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
  let approvesForDocument = user.role === 'reviewer'
  if (target.personaField) {
    const personaId = idOf(doc[target.personaField])
    const persona =
      personaId === null
        ? null
        : ((await req.payload.findByID({
            id: personaId,
            collection: options.collectionSlugs.reviewers as never,
            depth: 0,
            disableErrors: true,
            overrideAccess: false,
            req,
          })) as null | { approvers?: unknown[] })
    approvesForDocument = (persona?.approvers ?? []).some((approver) => sameId(approver, user.id))
  }
  return {
    approvesForDocument,
    role: user.role,
    touchedDocument: sameId(doc.createdBy, user.id) || sameId(doc.lastEditedBy, user.id),
  }
}
