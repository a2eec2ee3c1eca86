import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionSlug, PayloadRequest } from 'payload'

import { randomUUID } from 'node:crypto'

import type { SanitizedVerdictsOptions } from '../../src/options.ts'
import type { WebhookAction, WebhookEvent, WebhookSource } from '../../src/webhooks/events.ts'

import { affectedListTags, affectedTags } from '../../src/public/affectedPages.ts'
import { pathsForTags } from '../../src/webhooks/events.ts'
import { deliverWebhookTaskSlug, webhookQueue } from '../../src/webhooks/deliverWebhookTask.ts'
import { documentBeforeSave, liveVersionIsPublished } from '../../src/workflow/liveVersion.ts'
import { dropPagesAfterCommit, dropPagesOfRecountedTool } from '../../src/public/invalidation.ts'

type Doc = Record<string, unknown> & { _status?: string; id: number | string }

/** Fields a recount writes: changing only these refreshes pages but is not news to send. */
const computedToolFields = new Set(['communityScore', 'panelScore', 'public', 'scoreHistory', 'updatedAt'])

function onlyComputedFieldsChanged(doc: Doc, previous: Doc | undefined): boolean {
  if (!previous) {
    return false
  }
  return Object.keys({ ...doc, ...previous }).every(
    (key) => computedToolFields.has(key) || JSON.stringify(doc[key]) === JSON.stringify(previous[key]),
  )
}

/** Queues one signed event per active subscriber of `source`; also used by jobs that change what pages show. */
export async function queueWebhooks(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  source: WebhookSource,
  action: WebhookAction,
  doc: Doc,
  tags: string[],
): Promise<void> {
  const { docs: subscriptions } = await req.payload.find({
    collection: options.collectionSlugs.webhookSubscriptions,
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    where: { and: [{ active: { equals: true } }, { events: { in: [source] } }] },
  })
  if (subscriptions.length === 0) {
    return
  }
  const event: WebhookEvent = {
    data: {
      action,
      id: doc.id,
      paths: pathsForTags(tags),
      slug: typeof doc.slug === 'string' ? doc.slug : null,
      source,
      tags,
    },
    timestamp: new Date().toISOString(),
    type: `${source}.${action}`,
  }
  for (const subscription of subscriptions as unknown as Doc[]) {
    // Queued inside the change's own transaction: the job exists only if the change commits.
    await req.payload.jobs.queue({
      input: { event, eventId: `msg_${randomUUID()}`, subscriptionId: subscription.id },
      queue: webhookQueue,
      req,
      task: deliverWebhookTaskSlug,
    })
  }
}

/**
 * Keeps consumers current: drops the cached public pages a change affects (once the change
 * is committed, see src/public/invalidation.ts), and, when
 * published content changed (not a draft save, not a recount), queues a signed webhook to
 * each subscriber naming every affected page.
 */
export function notifyConsumers(
  options: SanitizedVerdictsOptions,
  collection: CollectionSlug,
  source: WebhookSource,
): { afterChange: CollectionAfterChangeHook; afterDelete: CollectionAfterDeleteHook } {
  const hasDrafts = source === 'verdict' || source === 'matchup'

  /** What a save means for the public, or null when the public sees no difference. */
  async function publicAction(req: PayloadRequest, doc: Doc, previous: Doc | undefined): Promise<null | WebhookAction> {
    if (!hasDrafts) {
      return source === 'tool' && onlyComputedFieldsChanged(doc, previous) ? null : 'updated'
    }
    if (doc._status === 'published') {
      return previous?._status === 'published' ? 'updated' : 'published'
    }
    if (previous?._status === 'published' && !(await liveVersionIsPublished(req, collection, doc.id))) {
      return 'unpublished'
    }
    return null
  }

  return {
    afterChange: async ({ doc, operation, previousDoc, req }) => {
      const previous = operation === 'create' ? undefined : (documentBeforeSave(req, collection, previousDoc) as Doc)
      const action = await publicAction(req, doc as Doc, previous)
      const isRecount = source === 'tool' && onlyComputedFieldsChanged(doc as Doc, previous)
      if (action === null && !isRecount) {
        return doc
      }
      if (action === null) {
        // Figures only (a reconcile, a visibility fix): no news, only stale pages.
        await dropPagesOfRecountedTool(req, options, doc as Doc, previous!)
        return doc
      }
      // Lists are named apart from pages (webhooks carry page tags only).
      await dropPagesAfterCommit(req, affectedListTags(options, collection, doc as Doc, previous))
      const tags = await affectedTags(req, options, collection, [doc as Doc, previous])
      await dropPagesAfterCommit(req, tags)
      await queueWebhooks(req, options, source, action, doc as Doc, tags)
      return doc
    },
    afterDelete: async ({ doc, req }) => {
      if (hasDrafts && (doc as Doc)._status !== 'published') {
        return doc
      }
      const tags = await affectedTags(req, options, collection, [doc as Doc])
      await dropPagesAfterCommit(req, [...tags, ...affectedListTags(options, collection, doc as Doc, undefined)])
      await queueWebhooks(req, options, source, 'deleted', doc as Doc, tags)
      return doc
    },
  }
}
