import { socketAddressHeader, socketProofHeader } from 'verdicts-cms'

import { siteSettings } from './settings.ts'

/**
 * Votes from the site's pages go through the site's own route (a plain form post works
 * without JavaScript), which relays them to the public vote endpoint as the reader's
 * browser would have sent them: JSON, the reader's voter cookie, the reader's Origin and
 * Sec-Fetch-Site (so the API's cross-site check judges the reader's request, not ours) and
 * the reader's address. The API's voter cookie is scoped to `/api/public`; the site keeps
 * it, as issued, in a cookie of its own for its pages.
 */
export const siteVoterCookie = 'verdicts-site-voter'
const oneYearInSeconds = 365 * 24 * 60 * 60

export type VoteChoice = 'ship' | 'skip' | 'withdraw'
export const isVoteChoice = (value: unknown): value is VoteChoice =>
  value === 'ship' || value === 'skip' || value === 'withdraw'

export type Community = { minimumVotes: number; percent: null | number; ship: number; skip: number; total: number }

/** What a reader is told after a vote; the page prints the sentence for each. */
export type VoteOutcome = 'cast' | 'cross-site' | 'error' | 'not-found' | 'rate-limited' | 'unanswered' | 'withdrawn'

/**
 * How long the site waits for the vote endpoint. A reader's form post must come back with a
 * message, never hang: past this the reader is told the vote's fate is unknown.
 */
export const voteRelayTimeoutMs = 10_000

export type RelayedVote = {
  community: Community | null
  decision: 'ship' | 'skip' | null
  outcome: VoteOutcome
  retryAfterSeconds: null | number
  /** The site's voter cookie to set, when the API issued a new voter. */
  setCookie: null | string
  status: number
}

/** The API's voter cookie (`name=value`) the site holds for this reader, if any. */
export function voterPairOf(cookieHeader: null | string): null | string {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === siteVoterCookie && rest.length > 0) {
      try {
        const pair = decodeURIComponent(rest.join('='))
        return /^[A-Za-z0-9_-]+=[A-Za-z0-9_.-]+$/.test(pair) ? pair : null
      } catch {
        return null
      }
    }
  }
  return null
}

/**
 * The reader's proven address (stamped by this app's server.ts) goes on only to an API in
 * this same app, reached on this machine: the proof is a secret of this process, and the
 * API keeps such a pair only from a loopback peer (src/http/clientAddress.ts). A site on
 * another host has no proven address to hand on; there the API sees the site's address.
 */
function addressHeaders(request: Request, apiUrl: string): Record<string, string> {
  const api = new URL(apiUrl)
  const sameApp = ['localhost', '127.0.0.1', '[::1]'].includes(api.hostname) || api.host === new URL(request.url).host
  const address = request.headers.get(socketAddressHeader)
  const proof = request.headers.get(socketProofHeader)
  if (!sameApp || !address || !proof) {
    return {}
  }
  const forwardedFor = request.headers.get('x-forwarded-for')
  return {
    [socketAddressHeader]: address,
    [socketProofHeader]: proof,
    ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
  }
}

function outcomeOf(status: number): VoteOutcome {
  if (status === 429) {
    return 'rate-limited'
  }
  if (status === 403 || status === 415) {
    return 'cross-site'
  }
  return status === 404 ? 'not-found' : 'error'
}

const unanswered: RelayedVote = {
  community: null,
  decision: null,
  outcome: 'unanswered',
  retryAfterSeconds: null,
  setCookie: null,
  status: 504,
}

/** Casts, changes or withdraws the reader's vote on a tool through the public API. */
export async function relayVote(
  request: Request,
  tool: string,
  choice: VoteChoice,
  { timeoutMs = voteRelayTimeoutMs } = {},
): Promise<RelayedVote> {
  const { apiUrl } = siteSettings()
  const pair = voterPairOf(request.headers.get('cookie'))
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...addressHeaders(request, apiUrl) }
  for (const name of ['origin', 'sec-fetch-site']) {
    const value = request.headers.get(name)
    if (value) {
      headers[name] = value
    }
  }
  if (pair) {
    headers.cookie = pair
  }
  let response: Response
  let body: { community?: Community }
  try {
    response = await fetch(`${apiUrl}/api/public/tools/${encodeURIComponent(tool)}/vote`, {
      body: choice === 'withdraw' ? undefined : JSON.stringify({ decision: choice }),
      cache: 'no-store',
      headers,
      method: choice === 'withdraw' ? 'DELETE' : 'POST',
      signal: AbortSignal.timeout(timeoutMs),
    })
    body = (await response.json().catch(() => ({}))) as typeof body
  } catch (error) {
    // Timed out or unreachable: the API may or may not have counted it.
    // eslint-disable-next-line no-console -- the site consumes the API only and has no logger of its own; an operator must see an API that stops answering
    console.warn(`[site] the vote on ${tool} was not answered by ${apiUrl}: ${(error as Error).message}`)
    return { ...unanswered }
  }
  const retryAfter = Number(response.headers.get('retry-after'))
  const issued = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0].trim())
    .find((cookie) => /^[A-Za-z0-9_-]+=[A-Za-z0-9_.-]+$/.test(cookie))
  const secure = request.url.startsWith('https:') ? '; Secure' : ''
  return {
    community: body.community ?? null,
    decision: response.ok && choice !== 'withdraw' ? choice : null,
    outcome: response.ok ? (choice === 'withdraw' ? 'withdrawn' : 'cast') : outcomeOf(response.status),
    retryAfterSeconds: response.status === 429 && retryAfter > 0 ? retryAfter : null,
    setCookie: issued
      ? `${siteVoterCookie}=${encodeURIComponent(issued)}; Path=/; Max-Age=${oneYearInSeconds}; HttpOnly; SameSite=Lax${secure}`
      : null,
    status: response.status,
  }
}

export type OwnVote = { community: Community; decision: 'ship' | 'skip' | null }

/** The reader's own vote and the fresh community figure of a tool; null without a voter cookie or on error. */
export async function fetchOwnVote(tool: string, cookieHeader: null | string): Promise<null | OwnVote> {
  const pair = voterPairOf(cookieHeader)
  if (!pair) {
    return null
  }
  const response = await fetch(`${siteSettings().apiUrl}/api/public/tools/${encodeURIComponent(tool)}/vote`, {
    cache: 'no-store',
    headers: { cookie: pair },
  })
  return response.ok ? ((await response.json()) as OwnVote) : null
}

/** The sentence a reader reads after voting. */
export function voteMessage(outcome: VoteOutcome, decision: null | string, retryAfterSeconds: null | number): string {
  switch (outcome) {
    case 'cast':
      return `Your vote is in: ${decision === 'skip' ? 'skip' : 'ship'}. You can change or withdraw it.`
    case 'withdrawn':
      return 'Your vote is withdrawn.'
    case 'rate-limited':
      return `Too many votes from your connection just now; try again in ${retryAfterSeconds ?? 60} seconds.`
    case 'cross-site':
      return 'Votes count only when cast on this site’s own pages; this one was not recorded.'
    case 'not-found':
      return 'This tool takes no votes right now.'
    case 'unanswered':
      return 'The vote service did not answer in time; reload the page to see whether your vote counted.'
    default:
      return 'Your vote could not be recorded; please try again in a moment.'
  }
}
