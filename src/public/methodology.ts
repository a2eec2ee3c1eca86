import type { Payload } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'

import { computeScore } from '../scores/score.ts'
import { anonymousRequest } from './pages.ts'

export type PublicScoreExample = { percent: null | number; ship: number; total: number }
export type PublicMethodology = {
  community: { examples: PublicScoreExample[]; minimumVotes: number }
  panel: { examples: PublicScoreExample[] }
  personas: Array<{ lens: string; name: string; slug: string }>
  reReviewEveryDays: number
}

/** Worked examples, counted by the very function that counts every stored figure. */
function examples(pairs: Array<[number, number]>, minimumTotal: number): PublicScoreExample[] {
  return pairs.map(([ship, total]) => {
    const { percent } = computeScore(ship, total - ship, minimumTotal)
    return { ship, total, percent }
  })
}

/**
 * How the numbers are made, from the configuration and code that make them: the panel in
 * its order, the community vote minimum, the re-review interval, and worked examples of
 * the rounding computed by `computeScore` itself. A consumer's methodology page that
 * prints this can never drift from the rules applied.
 */
export async function publicMethodology(
  payload: Payload,
  options: SanitizedVerdictsOptions,
): Promise<PublicMethodology> {
  const { docs } = await payload.find({
    collection: options.collectionSlugs.reviewers,
    depth: 0,
    limit: 0,
    overrideAccess: false,
    pagination: false,
    req: await anonymousRequest(payload),
    select: { lens: true, name: true, slug: true },
    sort: ['position', 'createdAt'],
  })
  const { minimumVotes } = options.community
  return {
    personas: (docs as Array<Record<string, unknown>>).map((persona) => ({
      slug: String(persona.slug),
      name: String(persona.name),
      lens: String(persona.lens ?? ''),
    })),
    panel: {
      examples: examples(
        [
          [3, 4],
          [1, 8],
          [5, 8],
          [0, 0],
        ],
        1,
      ),
    },
    community: {
      minimumVotes,
      examples: examples(
        [
          [Math.max(0, minimumVotes - 2), minimumVotes - 1],
          [Math.ceil(minimumVotes * 0.7), minimumVotes],
        ],
        minimumVotes,
      ),
    },
    reReviewEveryDays: options.freshness.reviewEveryDays,
  }
}
