import type { Endpoint, PayloadRequest } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'

import { issueVoterToken, readCookie, verifyVoterToken, voterKeyFor } from './voterToken.ts'
import { castVote, findPublicTool, readOwnVote, withdrawVote } from './operations.ts'
import { createVoteIntegrity } from './voteIntegrity.ts'
import { errorResponse, readJsonBody } from '../http/endpointHelpers.ts'
import { isDecision } from '../domain/decisions.ts'

export const votePath = '/public/tools/:slug/vote'
const oneYearInSeconds = 365 * 24 * 60 * 60

type Voter = { setCookie?: string; voterKey: string }

/**
 * `POST /api/public/tools/:slug/vote` with `{ "decision": "ship" | "skip" }` casts or
 * changes the caller's vote; `DELETE` withdraws it; `GET` reads it (null when none). Anonymous; the voter is the signed
 * cookie the first vote issues.
 */
export function createVoteEndpoints(options: SanitizedVerdictsOptions): Endpoint[] {
  const { minimumVotes, voterCookieName } = options.community
  const integrity = createVoteIntegrity(options)

  function voterOf(req: PayloadRequest, issueIfMissing: boolean): null | Voter {
    const secret = req.payload.secret
    const voterId = verifyVoterToken(secret, readCookie(req.headers.get('cookie'), voterCookieName))
    if (voterId) {
      return { voterKey: voterKeyFor(secret, voterId) }
    }
    if (!issueIfMissing) {
      return null
    }
    const issued = issueVoterToken(secret)
    const secure = req.url?.startsWith('https:') ? '; Secure' : ''
    return {
      setCookie: `${voterCookieName}=${issued.token}; Path=/api/public; Max-Age=${oneYearInSeconds}; HttpOnly; SameSite=Lax${secure}`,
      voterKey: voterKeyFor(secret, issued.voterId),
    }
  }

  /** Origin, media type and rate limit, then the public tool named in the path: the checks both methods share. */
  async function preflight(req: PayloadRequest) {
    const refused = await integrity.admit(req, { hasBody: req.method === 'POST' })
    if (refused) {
      return { response: errorResponse(refused.status, refused.message, { headers: refused.headers }) }
    }
    const slug = String(req.routeParams?.slug ?? '')
    const tool = await findPublicTool(req, options, slug)
    if (!tool) {
      return { response: errorResponse(404, `No published tool "${slug}".`) }
    }
    return { tool }
  }

  async function communityOf(req: PayloadRequest, toolId: number | string) {
    const tool = (await req.payload.findByID({
      id: toolId,
      collection: options.collectionSlugs.tools,
      depth: 0,
      overrideAccess: false,
      req,
    })) as { communityScore?: Record<string, unknown> }
    const { computedAt: _computedAt, ...score } = tool.communityScore ?? {}
    return { ...score, minimumVotes }
  }

  const cast: Endpoint = {
    handler: async (req) => {
      // Origin, media type and rate limit first: a malformed vote counts against the limit
      // and a cross-site one is refused as such, whatever its body.
      const checked = await preflight(req)
      if (!checked.tool) {
        return checked.response
      }
      const body = await readJsonBody(req)
      const decision = (body as { decision?: unknown } | undefined)?.decision
      if (!isDecision(decision)) {
        return errorResponse(400, 'decision must be "ship" or "skip".', { field: 'decision' })
      }
      const voter = voterOf(req, true)!
      if (voter.setCookie) {
        const refused = await integrity.admitNewVoter(req)
        if (refused) {
          return errorResponse(refused.status, refused.message, { headers: refused.headers })
        }
      }
      const outcome = await castVote(req, options, { decision, toolId: checked.tool.id, voterKey: voter.voterKey })
      const headers = new Headers({ 'Cache-Control': 'no-store' })
      if (voter.setCookie) {
        headers.append('Set-Cookie', voter.setCookie)
      }
      return Response.json(
        { community: await communityOf(req, checked.tool.id), decision, outcome, tool: checked.tool.slug },
        { headers, status: outcome === 'created' ? 201 : 200 },
      )
    },
    method: 'post',
    path: votePath,
  }

  const withdraw: Endpoint = {
    handler: async (req) => {
      const checked = await preflight(req)
      if (!checked.tool) {
        return checked.response
      }
      const voter = voterOf(req, false)
      const withdrawn = voter
        ? await withdrawVote(req, options, { toolId: checked.tool.id, voterKey: voter.voterKey })
        : false
      return Response.json(
        { community: await communityOf(req, checked.tool.id), tool: checked.tool.slug, withdrawn },
        { headers: { 'Cache-Control': 'no-store' } },
      )
    },
    method: 'delete',
    path: votePath,
  }

  // Per reader, so never cached; no rate limit, as it reads only the caller's own vote.
  const read: Endpoint = {
    handler: async (req) => {
      const slug = String(req.routeParams?.slug ?? '')
      const tool = await findPublicTool(req, options, slug)
      if (!tool) {
        return errorResponse(404, `No published tool "${slug}".`)
      }
      const voter = voterOf(req, false)
      const decision = voter ? await readOwnVote(req, options, { toolId: tool.id, voterKey: voter.voterKey }) : null
      return Response.json(
        { community: await communityOf(req, tool.id), decision, tool: tool.slug },
        { headers: { 'Cache-Control': 'no-store' } },
      )
    },
    method: 'get',
    path: votePath,
  }

  return [cast, withdraw, read]
}
