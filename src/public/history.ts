import type { Payload } from 'payload'

import type { ScoreAction } from '../domain/scores.ts'
import type { SanitizedVerdictsOptions } from '../options.ts'
import type { PublicScore } from './pages.ts'

import { anonymousRequest, PublicPages } from './pages.ts'

/** One change of a tool's panel figure, as the public may read it: when, from what to what, and why. */
export type PublicScoreChange = { cause: string; date: string; from: PublicScore; to: PublicScore }
export type PublicToolHistory = { changes: PublicScoreChange[]; slug: string }

/**
 * Why a figure moved, in words a reader understands. Never who: the history's user and
 * verdict links and its editorial summary (which names the persona) stay in the CMS.
 */
export const publicCauses: Record<ScoreAction, string> = {
  delete: "a reviewer's verdict was deleted",
  edit: 'a reviewer changed their verdict',
  move: 'a verdict was moved to or from this tool',
  'persona-deleted': 'a panelist left the panel',
  publish: "a reviewer's verdict was published",
  reconcile: 'a recount corrected the figure',
  unpublish: "a reviewer's verdict was withdrawn",
  vote: 'community votes',
}

/** The newest changes a history lists; a tool's panel moves a few times a year, not hundreds. */
export const historyLimit = 100

const tally = (value: unknown): PublicScore => {
  const score = (value ?? {}) as Partial<PublicScore>
  return { ship: score.ship ?? 0, skip: score.skip ?? 0, total: score.total ?? 0, percent: score.percent ?? null }
}

/**
 * The panel-score history of a public tool, newest first, or null when the public may not
 * see the tool. Community votes move their figure with every vote and are not listed.
 */
export async function publicToolHistory(
  payload: Payload,
  options: SanitizedVerdictsOptions,
  slug: string,
): Promise<null | PublicToolHistory> {
  const req = await anonymousRequest(payload)
  const { docs } = await payload.find({
    collection: options.collectionSlugs.tools,
    depth: 0,
    limit: 1,
    overrideAccess: false,
    pagination: false,
    req,
    select: { slug: true },
    where: { slug: { equals: slug } },
  })
  const tool = docs[0] as undefined | { id: number | string }
  if (!tool || !(await new PublicPages(payload, options).isPublicTool(tool.id))) {
    return null
  }
  // Read as the public: the collection's access rules let it see panel entries, without
  // the user, the verdict or the summary (collections/ScoreHistory.ts).
  const { docs: entries } = await payload.find({
    collection: options.collectionSlugs.scoreHistory,
    depth: 0,
    limit: historyLimit,
    overrideAccess: false,
    pagination: false,
    req,
    select: { action: true, createdAt: true, from: true, to: true },
    sort: ['-createdAt', '-id'],
    where: { and: [{ tool: { equals: tool.id } }, { kind: { equals: 'panel' } }] },
  })
  return {
    slug,
    changes: (entries as Array<Record<string, unknown>>).map((entry) => ({
      date: new Date(String(entry.createdAt)).toISOString(),
      from: tally(entry.from),
      to: tally(entry.to),
      cause: publicCauses[entry.action as ScoreAction] ?? 'the figure was recounted',
    })),
  }
}
