import type { PayloadRequest, TaskConfig } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'
import type { WebhookEvent } from './events.ts'

import { webhookHeaders } from './signature.ts'
import { refusedWebhookTarget } from './targetGuard.ts'
import { documentId } from '../catalog/relations.ts'

export const deliverWebhookTaskSlug = 'verdictsDeliverWebhook'
export const webhookQueue = 'verdicts-webhooks'

/**
 * How the webhook queue runs (every 5 s, so deliveries go out within seconds of the change).
 * Payload's own log of a failed task is an ERROR carrying the whole job (the event, every
 * earlier attempt's stack): some 170 lines for a receiver that was slow once. The task logs
 * each failure itself, one line with the cause and what happens next, so the queue runs
 * without Payload's error log (`silent.error`); its "Running N jobs" info lines stay.
 */
export const webhookAutoRun = {
  cron: '*/5 * * * * *',
  limit: 20,
  queue: webhookQueue,
  silent: { error: true, info: false },
}

type DeliveryInput = { event: WebhookEvent; eventId: string; subscriptionId: number | string }

/**
 * Sends one event to one subscriber, signed, through Payload's jobs queue: a non-2xx
 * answer, a timeout or a network error fails the attempt and the queue retries it with
 * exponential backoff (`webhooks.backoffSeconds`, doubling, up to `webhooks.maxAttempts`).
 * Every attempt is recorded as a webhook delivery; a failed one is also one warning line in
 * the server log with its cause ("no answer within 10 s; attempt 1 of 5, next in 2 s"). A
 * fault of the task itself (the database) is an error with its stack.
 */
export function createDeliverWebhookTask(options: SanitizedVerdictsOptions): TaskConfig {
  const { backoffSeconds, maxAttempts, timeoutSeconds } = options.webhooks
  return {
    slug: deliverWebhookTaskSlug,
    handler: async ({ input, job, req }) => {
      try {
        return await deliver(input as DeliveryInput, job.totalTried ?? 0, req)
      } catch (caught) {
        if (!(caught instanceof DeliveryFailed)) {
          req.payload.logger.error({ err: caught, msg: `Webhook delivery task failed (job ${String(job.id)})` })
        }
        throw caught
      }
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

  async function deliver({ event, eventId, subscriptionId }: DeliveryInput, tried: number, req: PayloadRequest) {
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
    const attempt = tried + 1
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
      error = failureCause(caught, timeoutSeconds)
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
      const next =
        outcome === 'gave-up'
          ? `gave up after ${attempt} attempts`
          : `attempt ${attempt} of ${maxAttempts}, next in ${2 ** (attempt - 1) * backoffSeconds} s`
      const line = `Webhook ${event.type} to ${subscription.url} not delivered: ${error}; ${next}`
      // The last attempt is an error (nothing will try again), still one line.
      req.payload.logger[outcome === 'gave-up' ? 'error' : 'warn'](line)
      throw new DeliveryFailed(line)
    }
    return { output: { outcome } }
  }
}

/** A delivery attempt that failed at the receiver's end; already logged, in one line. */
class DeliveryFailed extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WebhookDeliveryFailed'
  }
}

/** Why an attempt failed, in words an operator can act on (fetch says only "fetch failed"). */
function failureCause(caught: unknown, timeoutSeconds: number): string {
  const { cause, message, name } = (caught ?? {}) as { cause?: unknown; message?: string; name?: string }
  if (name === 'TimeoutError' || name === 'AbortError') {
    return `no answer within ${timeoutSeconds} s`
  }
  const detail = (cause ?? {}) as { code?: string; message?: string }
  return detail.message || detail.code || message || String(caught)
}
