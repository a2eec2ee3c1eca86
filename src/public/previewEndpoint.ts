import type { Endpoint } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'

import { isEditorialUser } from '../access/roles.ts'
import { PublicPages } from './pages.ts'
import { documentIdParam, errorResponse } from '../http/endpointHelpers.ts'

/**
 * `GET /api/<matchups>/:id/preview`: the matchup's comparison page in the public API's
 * shape, built from the newest versions (drafts included) as the signed-in editorial user
 * sees them. Live preview in the admin renders it; it is never cached.
 */
export function createMatchupPreviewEndpoint(options: SanitizedVerdictsOptions): Endpoint {
  return {
    handler: async (req) => {
      if (!req.user) {
        return errorResponse(401, 'sign in to the admin to preview a comparison page')
      }
      if (!isEditorialUser(req)) {
        return errorResponse(403, 'only the editorial team can preview unpublished pages')
      }
      const id = documentIdParam(req)
      const page = id === null ? null : await new PublicPages(req.payload, options, { req }).matchupPreview(id)
      if (!page) {
        return errorResponse(404, `no matchup with id "${String(req.routeParams?.id ?? '')}"`, { field: 'id' })
      }
      return Response.json({ ...page, preview: true }, { headers: { 'Cache-Control': 'private, no-store' } })
    },
    method: 'get',
    path: '/:id/preview',
  }
}
