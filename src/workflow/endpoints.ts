import type { Endpoint, PayloadRequest } from 'payload'

import { APIError, NotFound } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'
import type { WorkflowTarget } from './targets.ts'

import { workflowActions, workflowStages } from './rules.ts'
import { workflowUserOf } from './actor.ts'
import { transitionWorkflow, workflowState } from './transition.ts'
import { awaitingApprovalDocs } from './dashboard.ts'
import { documentIdParam, errorResponse, readJsonBody } from '../http/endpointHelpers.ts'

/** The `:id` parsed strictly (`1e309`, `1'` name nothing); NotFound answers 404 for null. */
function idParam(req: PayloadRequest): number | string {
  const id = documentIdParam(req)
  if (id === null) {
    throw new NotFound(req.t)
  }
  return id
}

/**
 * How many documents the caller can see in each stage, and in all: the list's stage
 * filters' counts. Counted as the list counts (latest drafts, the caller's access), in one
 * request where the admin asked six.
 */
async function stageCounts(req: PayloadRequest, target: WorkflowTarget): Promise<Record<string, number>> {
  const count = async (stage: (typeof workflowStages)[number] | 'all') => {
    const { totalDocs } = await req.payload.find({
      collection: target.slug,
      depth: 0,
      draft: true,
      limit: 1,
      overrideAccess: false,
      req,
      select: { workflowStage: true },
      where: stage === 'all' ? {} : { workflowStage: { equals: stage } },
    })
    return [stage, totalDocs] as const
  }
  return Object.fromEntries(await Promise.all((['all', ...workflowStages] as const).map(count)))
}

/**
 * `POST /api/<collection>/:id/workflow` `{ action, comment? }` moves a document through
 * the workflow; `GET` the same path returns its stage, the caller's allowed actions and
 * its history; `GET /api/<collection>/awaiting-approval` lists what the caller may judge;
 * `GET /api/<collection>/stage-counts` counts each stage for the list's filters.
 */
export function createWorkflowEndpoints(options: SanitizedVerdictsOptions, target: WorkflowTarget): Endpoint[] {
  return [
    {
      handler: async (req) => {
        if (!workflowUserOf(req, options)?.role) {
          return errorResponse(403, 'only the editorial team can see what awaits approval')
        }
        const docs = await awaitingApprovalDocs(req, options, target, 100)
        return Response.json({
          docs: docs.map(({ id, title, updatedAt }) => ({ id, title, updatedAt })),
          totalDocs: docs.length,
        })
      },
      method: 'get',
      path: '/awaiting-approval',
    },
    {
      handler: async (req) => {
        if (!workflowUserOf(req, options)?.role) {
          return errorResponse(403, 'only the editorial team can see the workflow')
        }
        return Response.json(await stageCounts(req, target))
      },
      method: 'get',
      path: '/stage-counts',
    },
    {
      handler: async (req) => {
        if (!workflowUserOf(req, options)?.role) {
          return errorResponse(403, 'only the editorial team can see the workflow')
        }
        return Response.json(await workflowState(req, options, target, idParam(req)))
      },
      method: 'get',
      path: '/:id/workflow',
    },
    {
      handler: async (req) => {
        if (!workflowUserOf(req, options)?.role) {
          return errorResponse(403, 'sign in as a member of the editorial team to move documents through the workflow')
        }
        const body = (await readJsonBody(req)) as undefined | { action?: unknown; comment?: unknown }
        const action = body?.action
        if (typeof action !== 'string' || !(workflowActions as readonly string[]).includes(action)) {
          return errorResponse(400, `action must be one of: ${workflowActions.join(', ')}.`, { field: 'action' })
        }
        if (body?.comment !== undefined && body.comment !== null && typeof body.comment !== 'string') {
          return errorResponse(400, 'comment must be text.', { field: 'comment' })
        }
        // Checked before anything is written: the history entry would refuse it later anyway.
        const maxComment = req.payload.config.defaultMaxTextLength ?? 40_000
        if (typeof body?.comment === 'string' && body.comment.length > maxComment) {
          return errorResponse(400, `comment must be at most ${maxComment} characters.`, { field: 'comment' })
        }
        try {
          const doc = await transitionWorkflow(req, options, target, {
            action: action as (typeof workflowActions)[number],
            comment: (body?.comment as string | undefined) ?? undefined,
            id: idParam(req),
          })
          return Response.json({ id: doc.id, stage: doc.workflowStage, status: doc._status })
        } catch (error) {
          if (error instanceof APIError && error.status < 500) {
            return errorResponse(error.status, error.message, error.status === 400 ? { field: 'comment' } : {})
          }
          throw error
        }
      },
      method: 'post',
      path: '/:id/workflow',
    },
  ]
}
