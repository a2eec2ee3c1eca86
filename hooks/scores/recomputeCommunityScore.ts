import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { SanitizedVerdictsOptions } from '../../src/options.ts'

import { idOf } from '../../src/catalog/relations.ts'
import { recomputeToolScore } from '../../src/scores/recomputeToolScore.ts'

/** Recounts a tool's community score after a vote is cast, changed or withdrawn. */
export function recomputeCommunityScore(
  options: SanitizedVerdictsOptions,
): CollectionAfterChangeHook & CollectionAfterDeleteHook {
  return (async ({ doc, previousDoc, req }: Parameters<CollectionAfterChangeHook>[0]) => {
    const vote = doc as { decision?: string; tool?: unknown }
    const previous = previousDoc as { decision?: string } | undefined
    if (previous && previous.decision === vote.decision) {
      return doc
    }
    const toolId = idOf(vote.tool)
    if (toolId !== null) {
      await recomputeToolScore(req, options, toolId, 'community', { action: 'vote' })
    }
    return doc
  }) as CollectionAfterChangeHook & CollectionAfterDeleteHook
}
