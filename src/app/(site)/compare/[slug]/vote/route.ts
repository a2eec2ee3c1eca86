import { revalidateTag } from 'next/cache'

import { matchupTag } from 'verdicts-cms'
import { communityFigure } from '../../../../../site/figures.ts'
import { isVoteChoice, relayVote, voteMessage } from '../../../../../site/voting.ts'

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

type Props = { params: Promise<{ slug: string }> }

/**
 * A vote from a comparison page: `tool` and `decision` (ship, skip or withdraw) as a form
 * post, answered with a redirect back to the page and a message (no JavaScript needed), or
 * as JSON from the page's script, answered with JSON. The public vote endpoint decides.
 */
export async function POST(request: Request, { params }: Props): Promise<Response> {
  const { slug } = await params
  const wantsJson = (request.headers.get('content-type') ?? '').startsWith('application/json')
  let fields: { decision?: unknown; tool?: unknown } = {}
  try {
    fields = wantsJson
      ? ((await request.json()) as typeof fields)
      : Object.fromEntries((await request.formData()).entries())
  } catch {
    fields = {}
  }
  const { decision, tool } = fields
  const invalid = !slugPattern.test(slug)
    ? 'slug'
    : typeof tool !== 'string' || !slugPattern.test(tool)
      ? 'tool'
      : !isVoteChoice(decision)
        ? 'decision'
        : null
  if (invalid || typeof tool !== 'string' || !isVoteChoice(decision)) {
    return Response.json(
      {
        errors: [
          { field: invalid, message: `${invalid} is missing or malformed; decision is ship, skip or withdraw.` },
        ],
      },
      { status: 400 },
    )
  }
  const relayed = await relayVote(request, tool, decision)
  if (relayed.status < 300) {
    // The page's cached copy shows the old community figure; the next visitor reads it fresh.
    revalidateTag(matchupTag(slug), { expire: 0 })
  }
  const headers = new Headers({ 'Cache-Control': 'no-store' })
  if (relayed.setCookie) {
    headers.append('Set-Cookie', relayed.setCookie)
  }
  if (wantsJson) {
    return Response.json(
      {
        community: relayed.community && communityFigure(relayed.community, relayed.community.minimumVotes),
        decision: relayed.decision,
        message: voteMessage(relayed.outcome, relayed.decision, relayed.retryAfterSeconds),
        outcome: relayed.outcome,
        tool,
      },
      { headers, status: relayed.status },
    )
  }
  const back = new URLSearchParams({ tool, vote: relayed.outcome })
  if (relayed.decision) {
    back.set('decision', relayed.decision)
  }
  if (relayed.retryAfterSeconds) {
    back.set('retry', String(relayed.retryAfterSeconds))
  }
  // Relative, so the redirect stays on whichever origin the reader used.
  headers.set('Location', `/compare/${slug}?${back}#tool-${tool}`)
  return new Response(null, { headers, status: 303 })
}
