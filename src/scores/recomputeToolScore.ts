import type { PayloadRequest, Where } from 'payload'

import type { ScoreAction, ScoreKind } from '../domain/scores.ts'
import type { Score } from './score.ts'
import type { SanitizedVerdictsOptions } from '../options.ts'

import { computeScore, formatPercent, sameScore } from './score.ts'
import type { Decision } from '../domain/decisions.ts'
import type { Id } from '../domain/ids.ts'


export type ScoreCause = {
  action: ScoreAction
  /** Names what changed in the history entry, e.g. "The Skeptic on Ollama". */
  label?: string
  /** The signed-in user whose write moved the score, if any. */
  userId?: Id | null
  verdictId?: Id | null
}

const scoreField: Record<ScoreKind, 'communityScore' | 'panelScore'> = {
  community: 'communityScore',
  panel: 'panelScore',
}

/** A recount never needs more rounds than this unless writers keep racing it. */
const maxRounds = 25

/** Counts a tool's score from its source of truth: published verdicts, or votes. */
export async function countToolScore(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  toolId: Id,
  kind: ScoreKind,
): Promise<Score> {
  const { collectionSlugs } = options
  const collection = kind === 'panel' ? collectionSlugs.verdicts : collectionSlugs.votes
  const base: Where[] = [{ tool: { equals: toolId } }]
  if (kind === 'panel') {
    base.push({ _status: { equals: 'published' } })
  }
  const countDecision = async (decision: Decision) =>
    (
      await req.payload.count({
        collection: collection,
        overrideAccess: true,
        req,
        where: { and: [...base, { decision: { equals: decision } }] },
      })
    ).totalDocs
  const [ship, skip] = await Promise.all([countDecision('ship'), countDecision('skip')])
  return computeScore(ship, skip, kind === 'community' ? options.community.minimumVotes : 1)
}

/**
 * Makes a tool's stored score equal a fresh recount. Never increments: it recounts the
 * source of truth, writes if the stored figure differs, and recounts again, until the two
 * agree. A concurrent writer that stored a figure from an older snapshot is therefore
 * corrected by whichever of them writes last, because every writer re-reads after writing.
 * Each change is appended to the score history with its cause.
 */
export async function recomputeToolScore(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  toolId: Id,
  kind: ScoreKind,
  cause: ScoreCause,
): Promise<Score | null> {
  const { collectionSlugs } = options
  const field = scoreField[kind]
  for (let round = 1; round <= maxRounds; round += 1) {
    const [fresh, tool] = await Promise.all([
      countToolScore(req, options, toolId, kind),
      req.payload.findByID({
        id: toolId,
        collection: collectionSlugs.tools,
        depth: 0,
        disableErrors: true,
        overrideAccess: true,
        req,
      }) as Promise<null | Record<string, unknown>>,
    ])
    if (!tool) {
      return null
    }
    const stored = tool[field] as Partial<Score> | undefined
    if (sameScore(stored, fresh)) {
      return fresh
    }
    await req.payload.update({
      id: toolId,
      collection: collectionSlugs.tools,
      data: { [field]: { ...fresh, computedAt: new Date().toISOString() } } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const from = { percent: stored?.percent ?? null, ship: stored?.ship ?? 0, skip: stored?.skip ?? 0, total: stored?.total ?? 0 }
    await req.payload.create({
      collection: collectionSlugs.scoreHistory,
      data: {
        action: cause.action,
        from,
        kind,
        summary: `${String(tool.name)} ${kind}: ${formatPercent(from.percent)} (${from.ship}/${from.total}) → ${formatPercent(fresh.percent)} (${fresh.ship}/${fresh.total}) on ${cause.action}${cause.label ? ` of "${cause.label}"` : ''}`,
        to: fresh,
        tool: toolId,
        user: cause.userId ?? undefined,
        verdict: cause.verdictId ?? undefined,
      } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
  }
  req.payload.logger.warn(
    `Score of tool ${String(toolId)} (${kind}) was still moving after ${maxRounds} recounts; run "npm run verdicts -- reconcile".`,
  )
  return null
}
