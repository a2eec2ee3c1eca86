import type { Endpoint, PayloadRequest } from 'payload'

import { APIError, NotFound } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'

import { hasRole } from '../access/roles.ts'
import { errorResponse } from '../http/endpointHelpers.ts'
import { workflowUserOf } from '../workflow/actor.ts'
import { cancelRelease, checkRelease, publishReleaseNow } from './operations.ts'

const idParam = (req: PayloadRequest) => String(req.routeParams?.id ?? '')

/** Turns the operations' refusals into 4xx answers that name the rule; anything else is a real failure. */
async function answer(run: () => Promise<unknown>): Promise<Response> {
  try {
    return Response.json(await run())
  } catch (error) {
    if (error instanceof NotFound) {
      return errorResponse(404, 'no such release')
    }
    if (error instanceof APIError && error.status < 500) {
      return errorResponse(error.status, error.message)
    }
    throw error
  }
}

/**
 * `GET /api/releases/:id/check` (what would block it now; the editorial team), and
 * `POST /api/releases/:id/publish` ("Publish now") and `POST /api/releases/:id/cancel`,
 * for editors and admins: reviewers judge content, they do not schedule it.
 */
export function createReleaseEndpoints(options: SanitizedVerdictsOptions): Endpoint[] {
  const editorsOnly = (req: PayloadRequest) =>
    hasRole(req, 'admin', 'editor')
      ? null
      : errorResponse(403, 'only editors and admins can publish or cancel a release')
  return [
    {
      handler: async (req) =>
        workflowUserOf(req, options)?.role
          ? answer(() => checkRelease(req, options, idParam(req)))
          : errorResponse(403, 'only the editorial team can see a release'),
      method: 'get',
      path: '/:id/check',
    },
    {
      handler: async (req) => editorsOnly(req) ?? answer(() => publishReleaseNow(req, options, idParam(req))),
      method: 'post',
      path: '/:id/publish',
    },
    {
      handler: async (req) =>
        editorsOnly(req) ??
        answer(async () => {
          await cancelRelease(req, options, idParam(req))
          return { id: idParam(req), status: 'cancelled' }
        }),
      method: 'post',
      path: '/:id/cancel',
    },
  ]
}
