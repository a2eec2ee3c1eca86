import type { Endpoint, TaskConfig } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'

import { hasRole } from '../access/roles.ts'
import { documentIdParam, errorResponse } from '../http/endpointHelpers.ts'
import { newsletterQueue } from './job.ts'
import { sendIssue } from './send.ts'

export const sendNewsletterTaskSlug = 'verdictsSendNewsletter'

/**
 * Sends an approved issue from the jobs queue, so the admin can start a send without
 * holding a request open. A retry after a crash is safe: sending is idempotent per
 * (issue, subscriber).
 */
export function createSendNewsletterTask(options: SanitizedVerdictsOptions): TaskConfig {
  return {
    slug: sendNewsletterTaskSlug,
    handler: async ({ input, req }) => {
      const summary = await sendIssue(req, options, (input as { issueId: number | string }).issueId)
      return { output: { summary } }
    },
    inputSchema: [{ name: 'issueId', type: 'json', required: true }],
    label: 'Send a newsletter issue',
    outputSchema: [{ name: 'summary', type: 'json' }],
    retries: 3,
  }
}

/**
 * `POST /api/newsletter-issues/:id/send`: editors and admins queue the send of an approved
 * issue (202); the queue runs it within a minute and the issue shows the progress.
 */
export function createSendIssueEndpoint(options: SanitizedVerdictsOptions): Endpoint {
  return {
    handler: async (req) => {
      if (!hasRole(req, 'admin', 'editor')) {
        return errorResponse(403, 'only editors and admins can send a newsletter issue')
      }
      const id = documentIdParam(req)
      const issue =
        id === null
          ? null
          : ((await req.payload.findByID({
              id,
              collection: options.collectionSlugs.newsletterIssues,
              depth: 0,
              disableErrors: true,
              draft: true,
              overrideAccess: false,
              req,
            })) as null | { deliveryStatus?: string; workflowStage?: string })
      if (!issue || id === null) {
        return errorResponse(404, 'No such newsletter issue.')
      }
      if (issue.workflowStage !== 'approved' && issue.workflowStage !== 'published') {
        return errorResponse(409, 'only approved newsletter issues can be sent')
      }
      const job = (await req.payload.jobs.queue({
        input: { issueId: id },
        queue: newsletterQueue,
        req,
        task: sendNewsletterTaskSlug,
      })) as { id: number | string }
      return Response.json({ job: job.id, queued: true }, { status: 202 })
    },
    method: 'post',
    path: '/:id/send',
  }
}
