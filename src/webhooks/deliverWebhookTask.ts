import type { TaskConfig } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'
import type { WebhookEvent } from './events.ts'

import { webhookHeaders } from './signature.ts'
import { refusedWebhookTarget } from './targetGuard.ts'
import { documentId } from '../catalog/relations.ts'

export const deliverWebhookTaskSlug = 'verdictsDeliverWebhook'
export const webhookQueue = 'verdicts-webhooks'

type DeliveryInput = { event: WebhookEvent; eventId: string; subscriptionId: number | string }

/**
 * Sends one event to one subscriber, signed, through Payload's jobs queue: a non-2xx
 * answer, a timeout or a network error fails the attempt and the queue retries it with
 * exponential backoff. Every attempt is logged as a webhook delivery.
 */
export function createDeliverWebhookTask(options: SanitizedVerdictsOptions): TaskConfig {
  const { backoffSeconds, maxAttempts, timeoutSeconds } = options.webhooks
  return {
    slug: deliverWebhookTaskSlug,
    handler: async ({ input, job, req }) => {
      const { event, eventId, subscriptionId } = input as DeliveryInput
      const subscription = (await req.payload.findByID({
        id: subscriptionId,
        collection: options.collectionSlugs.webhookSubscriptions,
        depth: 0,
        disableErrors: true,
        overrideAccess: true,
        req,
      })) as null | { active?: boolean; secret: string; url: string }
      if (!subscription || subscription.active === false) {
        return { output: { outcome: 'skipped' } }
      }
      const attempt = (job.totalTried ?? 0) + 1
      const body = JSON.stringify(event)
      const startedAt = Date.now()
      let responseStatus: null | number = null
      let error: null | string = null
      try {
        // Checked again at delivery: the name may resolve elsewhere now than when saved.
        const refused = await refusedWebhookTarget(subscription.url, options.webhooks)
        if (refused) {
          throw new Error(`refused before connecting: ${refused}`)
        }
        const response = await fetch(subscription.url, {
          body,
          headers: webhookHeaders(subscription.secret, eventId, Math.floor(startedAt / 1000), body),
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutSeconds * 1000),
        })
        responseStatus = response.status
        await response.body?.cancel()
        if (!response.ok) {
          error = `the receiver answered ${response.status}`
        }
      } catch (caught) {
        error = caught instanceof Error ? caught.message : String(caught)
      }
      const outcome = error === null ? 'delivered' : attempt >= maxAttempts ? 'gave-up' : 'failed'
      await req.payload.create({
        collection: options.collectionSlugs.webhookDeliveries,
        data: {
          attempt,
          body: event,
          durationMs: Date.now() - startedAt,
          error,
          eventId,
          eventType: event.type,
          outcome,
          responseStatus,
          subscription: documentId(subscriptionId),
          url: subscription.url,
        },
        overrideAccess: true,
        req,
      })
      if (error !== null) {
        throw new Error(`Webhook ${eventId} to ${subscription.url}, attempt ${attempt}: ${error}`)
      }
      return { output: { outcome } }
    },
    inputSchema: [
      { name: 'subscriptionId', type: 'json', required: true },
      { name: 'eventId', type: 'text', required: true },
      { name: 'event', type: 'json', required: true },
    ],
    retries: {
      attempts: maxAttempts - 1,
      backoff: { delay: backoffSeconds * 1000, type: 'exponential' },
    },
  } as TaskConfig
}
