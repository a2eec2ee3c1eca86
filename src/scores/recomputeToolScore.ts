import type { PayloadRequest, Where } from 'payload'

import type { ScoreAction, ScoreKind } from '../domain/scores.ts'
import type { Score } from './score.ts'
import type { SanitizedVerdictsOptions } from '../options.ts'

import { computeScore, formatPercent, sameScore } from './score.ts'
import { countToolVisibility } from '../catalog/toolVisibility.ts'
import { dropPagesOfRecountedTool } from '../public/invalidation.ts'
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

type ToolRow = Record<string, unknown> & { id: Id }

/**
 * Writes a tool's derived figures (scores, public flag) and names the pages they change.
 * Straight through the adapter: one UPDATE of the row, where a Local API update of the tool
 * would add its document-lock check, its slug check and a read of the row, none of which a
 * computed figure needs (tools have no versions, and their hooks only name pages, which
 * `dropPagesOfRecountedTool` does). Returns the row as stored now.
 */
async function writeToolFigures(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  tool: ToolRow,
  figures: Record<string, unknown>,
): Promise<ToolRow> {
  const written = { ...tool, ...figures, updatedAt: new Date().toISOString() }
  await req.payload.db.updateOne({
    id: tool.id,
    collection: options.collectionSlugs.tools,
    // A copy: the adapter may rewrite what it is given (dates, ids) in place.
    data: { ...figures, updatedAt: written.updatedAt },
    req,
    returning: false,
  })
  await dropPagesOfRecountedTool(req, options, written, tool)
  return written
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
    // A tool has at most one verdict per persona: one query reads every decision.
    const { docs } = await req.payload.find({
      collection: collection,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      req,
      select: { decision: true } as never,
      where: { and: [...base, { _status: { equals: 'published' } }] },
    })
    const ship = docs.filter((verdict) => (verdict as { decision?: string }).decision === 'ship').length
    return computeScore(ship, docs.length - ship, 1)
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
  // Read once; after each write the stored figure is the one this recount wrote (a row it
  // holds until commit), so later rounds only recount. A concurrent writer that stored an
  // older figure after ours recounts after its own write and corrects it.
  let tool = (await req.payload.findByID({
    id: toolId,
    collection: collectionSlugs.tools,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    req,
  })) as null | ToolRow
  for (let round = 1; round <= maxRounds; round += 1) {
    if (!tool) {
      return null
    }
    const fresh = await countToolScore(req, options, toolId, kind)
    const stored = tool[field] as Partial<Score> | undefined
    // The panel recount also keeps the tool's `public` flag (what lists filter on): a
    // published verdict makes it public; with none, a published matchup still may.
    const isPublic =
      kind === 'panel' ? fresh.total > 0 || (await countToolVisibility(req, options, toolId, 0)) : undefined
    const visibilityChanged = isPublic !== undefined && Boolean(tool.public) !== isPublic
    if (sameScore(stored, fresh) && !visibilityChanged) {
      return fresh
    }
    const previous = tool
    tool = await writeToolFigures(req, options, tool, {
      ...(sameScore(stored, fresh) ? {} : { [field]: { ...fresh, computedAt: new Date().toISOString() } }),
      ...(visibilityChanged ? { public: isPublic } : {}),
    })
    if (sameScore(stored, fresh)) {
      return fresh
    }
    const from = {
      percent: stored?.percent ?? null,
      ship: stored?.ship ?? 0,
      skip: stored?.skip ?? 0,
      total: stored?.total ?? 0,
    }
    // An append-only log row the plugin writes itself (the collection has no hooks): one
    // INSERT through the adapter, without the read-back a Local API create adds.
    const now = new Date().toISOString()
    await req.payload.db.create({
      collection: collectionSlugs.scoreHistory,
      data: {
        action: cause.action,
        createdAt: now,
        from,
        kind,
        summary: `${String(previous.name)} ${kind}: ${formatPercent(from.percent)} (${from.ship}/${from.total}) → ${formatPercent(fresh.percent)} (${fresh.ship}/${fresh.total}) on ${cause.action}${cause.label ? ` of "${cause.label}"` : ''}`,
        to: fresh,
        tool: toolId,
        updatedAt: now,
        user: cause.userId ?? undefined,
        verdict: cause.verdictId ?? undefined,
      },
      req,
      returning: false,
    })
  }
  req.payload.logger.warn(
    `Score of tool ${String(toolId)} (${kind}) was still moving after ${maxRounds} recounts; run "npm run verdicts -- reconcile".`,
  )
  return null
}
