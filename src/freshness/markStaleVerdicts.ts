import type { PayloadRequest, TaskConfig } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'
import type { Id } from '../domain/ids.ts'

import { queueWebhooks } from '../../hooks/webhooks/notifyConsumers.ts'
import { affectedTags } from '../public/affectedPages.ts'
import { dropPagesAfterCommit } from '../public/invalidation.ts'
import { askForReReview } from './notifyApprovers.ts'
import { writeReviewFlags } from './reviewFlags.ts'
import { dueCutoff, reviewEveryDaysFor } from './rules.ts'

export const markStaleVerdictsTaskSlug = 'verdictsMarkStaleVerdicts'
export const freshnessQueue = 'verdicts-freshness'

type VerdictDoc = Record<string, unknown> & { id: Id; reviewedAt?: null | string; stale?: boolean | null }

/**
 * Marks every verdict whose last review is older than its persona's interval as stale,
 * and asks the persona's approvers to re-review it: once per verdict, because a verdict
 * already marked is skipped until a new approval clears the mark. Nothing is unpublished.
 * `now` is the clock (tests pass their own).
 */
export async function markStaleVerdicts(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  { now = new Date() }: { now?: Date } = {},
): Promise<{ marked: Id[] }> {
  const slugs = options.collectionSlugs
  const personas = (
    await req.payload.find({
      collection: slugs.reviewers,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      req,
    })
  ).docs as Array<{ id: Id; reviewEveryDays?: null | number }>
  const marked: VerdictDoc[] = []
  for (const persona of personas) {
    const days = reviewEveryDaysFor(persona, options.freshness.reviewEveryDays)
    const { docs } = await req.payload.find({
      collection: slugs.verdicts as never,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      req,
      where: {
        and: [
          { reviewer: { equals: persona.id } },
          { reviewedAt: { less_than_equal: dueCutoff(now, days).toISOString() } },
        ],
      },
    })
    for (const verdict of docs as VerdictDoc[]) {
      if (verdict.stale === true) {
        continue
      }
      // A re-approval already waiting to be published is a fresh review: it stays unmarked.
      const sameReview = (version: Record<string, unknown>) =>
        new Date(String(version.reviewedAt)).getTime() === new Date(String(verdict.reviewedAt)).getTime()
      await writeReviewFlags(req, options, verdict.id, { stale: true }, { appliesToVersion: sameReview })
      const reviewed = new Date(String(verdict.reviewedAt)).toISOString().slice(0, 10)
      await askForReReview(req, options, verdict, {
        action: 'stale',
        comment: `Due for re-review: last reviewed on ${reviewed}, and this persona's verdicts are re-reviewed every ${days} days.`,
        subject: 'Due for re-review',
      })
      marked.push(verdict)
    }
  }
  if (marked.length > 0) {
    await dropPagesAfterCommit(req, await affectedTags(req, options, slugs.verdicts, marked))
  }
  // Consumer sites cache pages too: each marked verdict changes what its pages print.
  for (const verdict of marked) {
    await queueWebhooks(
      req,
      options,
      'verdict',
      'updated',
      verdict,
      await affectedTags(req, options, slugs.verdicts, [verdict]),
    )
  }
  return { marked: marked.map((verdict) => verdict.id) }
}

/**
 * The daily freshness run on Payload's jobs queue. `asOf` (an ISO date) lets a caller run
 * it for another day, as the tests do; by default it is the moment the job runs.
 */
export function createMarkStaleVerdictsTask(options: SanitizedVerdictsOptions): TaskConfig {
  return {
    slug: markStaleVerdictsTaskSlug,
    handler: async ({ input, req }) => {
      const asOf = (input as { asOf?: null | string } | undefined)?.asOf
      const { marked } = await markStaleVerdicts(req, options, { now: asOf ? new Date(asOf) : new Date() })
      return { output: { marked: marked.length } }
    },
    inputSchema: [{ name: 'asOf', type: 'date' }],
    label: 'Mark verdicts due for re-review',
    outputSchema: [{ name: 'marked', type: 'number' }],
    retries: 2,
    schedule: [{ cron: options.freshness.cron, queue: freshnessQueue }],
  }
}
