import type { TaskConfig } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'

import { composeIssue } from './compose.ts'
import { composeIsDue } from './schedule.ts'

export const composeNewsletterTaskSlug = 'verdictsComposeNewsletter'
export const newsletterQueue = 'verdicts-newsletter'

/**
 * Composes the week's draft issue on the configured day and hour (UTC). The queue wakes
 * the task every hour (cron has no time zone, and the server's zone must not move the
 * newsletter); the task composes only when the latest slot has passed and no issue was
 * created since it, so a server that was down at the slot catches up when it returns.
 */
export function createComposeNewsletterTask(options: SanitizedVerdictsOptions): TaskConfig {
  return {
    slug: composeNewsletterTaskSlug,
    handler: async ({ req }) => {
      const now = new Date()
      const { docs } = await req.payload.find({
        collection: options.collectionSlugs.newsletterIssues,
        depth: 0,
        limit: 1,
        overrideAccess: true,
        req,
        sort: '-createdAt',
      })
      const last = docs[0] as undefined | { createdAt?: string }
      if (!composeIsDue(now, options.newsletter.schedule, last?.createdAt ? new Date(last.createdAt) : null)) {
        return { output: { composed: null } }
      }
      const issue = await composeIssue(req, options, { now })
      req.payload.logger.info(`Composed newsletter issue ${String(issue.id)} with ${issue.items} item(s).`)
      return { output: { composed: issue.id } }
    },
    label: 'Compose the weekly newsletter',
    outputSchema: [{ name: 'composed', type: 'json' }],
    retries: 2,
    schedule: [{ cron: '0 0 * * * *', queue: newsletterQueue }],
  }
}
