import type { PayloadRequest } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'

import { clientAddress } from '../http/clientAddress.ts'
import { isSameSiteOrAllowed } from '../http/origins.ts'
import { createClientLimiter, limiterRedis } from '../http/rateLimiter.ts'
import { mediaTypeOf } from '../http/requestBody.ts'

/**
 * What keeps one client from outvoting a crowd (README, Security):
 * - every vote request counts against its client address (`community.rateLimit`), the
 *   address coming from the connection, or from `trustProxy` proxies, never from what the
 *   client claims;
 * - a request without a valid voter cookie mints a new voter, and each address may mint
 *   only `community.newVoters.max` per window, so dropping the cookie does not buy votes;
 * - votes are `application/json` from our own pages (or `security.allowedOrigins`): a
 *   cross-site form or `text/plain` post, which browsers send without asking, is refused.
 */
export type VoteRefusal = { headers?: Record<string, string>; message: string; status: number }

export function createVoteIntegrity(options: SanitizedVerdictsOptions) {
  const { newVoters, rateLimit } = options.community
  const { allowedOrigins, trustProxy } = options.security
  const redis = limiterRedis(options.cluster)
  const requests = createClientLimiter({ ...rateLimit, name: 'votes', redis })
  const issued = createClientLimiter({ ...newVoters, name: 'new-voters', redis })

  const tooMany = (message: string, retryAfterSeconds: number): VoteRefusal => ({
    headers: { 'Retry-After': String(retryAfterSeconds) },
    message: `${message}; try again in ${retryAfterSeconds} s.`,
    status: 429,
  })

  return {
    /** The checks every vote request passes before anything is read or written. */
    async admit(req: PayloadRequest, { hasBody }: { hasBody: boolean }): Promise<null | VoteRefusal> {
      const origins = [
        ...allowedOrigins,
        ...(req.payload.config.serverURL ? [new URL(req.payload.config.serverURL).origin] : []),
      ]
      if (!isSameSiteOrAllowed(req.headers, req.url, origins)) {
        return { message: 'votes are accepted from the publication’s own pages only.', status: 403 }
      }
      if (hasBody && mediaTypeOf(req.headers.get('content-type')) !== 'application/json') {
        return { message: 'Content-Type must be application/json.', status: 415 }
      }
      const limited = await requests.hit(clientAddress(req.headers, trustProxy))
      return limited.allowed ? null : tooMany('Too many votes', limited.retryAfterSeconds)
    },
    /** Counts one new voter identity for the caller's address; refused past the limit. */
    async admitNewVoter(req: PayloadRequest): Promise<null | VoteRefusal> {
      const limited = await issued.hit(clientAddress(req.headers, trustProxy))
      return limited.allowed ? null : tooMany('Too many new voters from this address', limited.retryAfterSeconds)
    },
  }
}
