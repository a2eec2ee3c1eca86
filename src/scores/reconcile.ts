import type { Payload } from 'payload'

import { createLocalReq } from 'payload'

import type { Id } from '../domain/ids.ts'
import type { ScoreKind } from '../domain/scores.ts'
import type { Score } from './score.ts'

import { sameScore } from './score.ts'
import { pluginOptionsOf } from '../pluginOptions.ts'
import { countToolScore, recomputeToolScore } from './recomputeToolScore.ts'
import { countToolVisibility, recomputeToolVisibility } from '../catalog/toolVisibility.ts'

export type ScoreDrift = { actual: Score; kind: ScoreKind; stored: Score; tool: string }

/** A tool whose stored `public` flag (what lists filter on) differs from a fresh count. */
export type VisibilityDrift = { actual: boolean; stored: boolean; tool: string }

export type ReconcileReport = { drift: ScoreDrift[]; toolsChecked: number; visibility: VisibilityDrift[] }

const kinds: ScoreKind[] = ['panel', 'community']

/**
 * Recounts every tool's panel and community score from the source of truth and reports
 * each stored figure that differs. With `fix`, corrects them (recorded in the score
 * history as "reconcile"). It checks each tool's `public` flag the same way.
 */
export async function reconcileScores(
  payload: Payload,
  { fix, onProgress }: { fix: boolean; onProgress?: (checked: number, total: number) => void },
): Promise<ReconcileReport> {
  const options = pluginOptionsOf(payload)
  const req = await createLocalReq({}, payload)
  const drift: ScoreDrift[] = []
  const visibility: VisibilityDrift[] = []
  let toolsChecked = 0
  for (let page = 1; ; page += 1) {
    const batch = await payload.find({
      collection: options.collectionSlugs.tools,
      depth: 0,
      limit: 100,
      page,
      req,
      sort: 'slug',
    })
    for (const tool of batch.docs as unknown as Array<Record<string, unknown> & { id: Id; slug: string }>) {
      for (const kind of kinds) {
        const stored = (tool[kind === 'panel' ? 'panelScore' : 'communityScore'] ?? {}) as Partial<Score>
        const actual = await countToolScore(req, options, tool.id, kind)
        if (!sameScore(stored, actual)) {
          drift.push({
            actual,
            kind,
            stored: {
              percent: stored.percent ?? null,
              ship: stored.ship ?? 0,
              skip: stored.skip ?? 0,
              total: stored.total ?? 0,
            },
            tool: tool.slug,
          })
          if (fix) {
            await recomputeToolScore(req, options, tool.id, kind, { action: 'reconcile' })
          }
        }
      }
      const isPublic = await countToolVisibility(req, options, tool.id)
      if (Boolean(tool.public) !== isPublic) {
        visibility.push({ actual: isPublic, stored: Boolean(tool.public), tool: tool.slug })
        if (fix) {
          await recomputeToolVisibility(req, options, tool.id)
        }
      }
      toolsChecked += 1
    }
    onProgress?.(toolsChecked, batch.totalDocs)
    if (!batch.hasNextPage) {
      break
    }
  }
  return { drift, toolsChecked, visibility }
}
