import type { Endpoint } from 'payload'

import { NotFound } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'

import { workflowUserOf } from '../workflow/actor.ts'
import { errorResponse } from '../http/endpointHelpers.ts'
import { matchupCoverage } from './coverage.ts'

/** `GET /api/matchups/:id/coverage`: the panel × tool grid of one matchup, for the editorial team only. */
export function createCoverageEndpoint(options: SanitizedVerdictsOptions): Endpoint {
  return {
    handler: async (req) => {
      if (!workflowUserOf(req, options)?.role) {
        return errorResponse(403, "only the editorial team can see a matchup's coverage")
      }
      try {
        return Response.json(await matchupCoverage(req, options, String(req.routeParams?.id ?? '')))
      } catch (error) {
        if (error instanceof NotFound) {
          return errorResponse(404, 'no such matchup')
        }
        throw error
      }
    },
    method: 'get',
    path: '/:id/coverage',
  }
}
