import type { Payload } from 'payload'

import { expect } from '@jest/globals'
import { createLocalReq } from 'payload'

import type { ScoreKind } from '../../src/domain/scores.ts'
import type { Score } from '../../src/scores/score.ts'

import { pluginOptionsOf } from '../../src/pluginOptions.ts'
import { countToolScore } from '../../src/scores/recomputeToolScore.ts'
import { slugs } from './fixtures.ts'

/** The tool's stored score, without the time it was computed. */
export async function storedScore(
  payload: Payload,
  toolId: number | string,
  kind: ScoreKind = 'panel',
): Promise<Score> {
  const tool = (await payload.findByID({ collection: slugs.tools, depth: 0, id: toolId })) as unknown as Record<
    string,
    Score
  >
  const { percent, ship, skip, total } = tool[kind === 'panel' ? 'panelScore' : 'communityScore']
  return { percent, ship, skip, total }
}

/** Asserts that each tool's stored score equals a fresh recount of its source of truth. */
export async function expectScoresExact(payload: Payload, toolIds: Array<number | string>, kind: ScoreKind = 'panel') {
  const req = await createLocalReq({}, payload)
  for (const toolId of toolIds) {
    const fresh = await countToolScore(req, pluginOptionsOf(payload), toolId, kind)
    expect(await storedScore(payload, toolId, kind)).toEqual(fresh)
  }
}
