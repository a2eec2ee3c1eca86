import type { PayloadRequest } from 'payload'

import { NotFound } from 'payload'

import type { DigestItem } from './digest.ts'
import type { SanitizedVerdictsOptions } from '../options.ts'

import { actAsNewsletterSystem } from './access.ts'
import { unsubscribeUrl } from './links.ts'
import { digestTemplate, personalize } from './mail.ts'
import { contextKeys } from '../domain/contextKeys.ts'
import { Refusal } from '../http/refusal.ts'

type Id = number | string
type Issue = {
  _status?: string
  id: Id
  intro?: null | string
  items?: DigestItem[]
  sendStartedAt?: null | string
  title: string
  workflowStage?: string
}

export type SendProgress = { failed: number; processed: number; sent: number; skipped: number; total: number }
export type SendSummary = SendProgress & {
  /** Deliveries a killed send left mid-flight: possibly delivered, so never retried. */
  interrupted: number
}

const batchSize = 200

/** Runs `work` over `items` with at most `concurrency` in flight. */
async function eachLimited<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next]
      next += 1
      await work(item)
    }
  })
  await Promise.all(workers)
}

async function loadIssue(req: PayloadRequest, options: SanitizedVerdictsOptions, id: Id): Promise<Issue> {
  const issue = (await req.payload.findByID({
    id,
    collection: options.collectionSlugs.newsletterIssues,
    depth: 0,
    disableErrors: true,
    draft: true,
    overrideAccess: true,
    req,
  })) as Issue | null
  if (!issue) {
    throw new NotFound(req.t)
  }
  return issue
}

async function updateIssue(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  id: Id,
  data: Record<string, unknown>,
): Promise<void> {
  await req.payload.update({
    id,
    collection: options.collectionSlugs.newsletterIssues,
    data: data,
    depth: 0,
    draft: true,
    overrideAccess: true,
    req,
  })
}

/**
 * Records the system's approval of an issue (the CLI's `--approve`): a trusted write, so
 * the workflow history shows an approval without a user.
 */
export async function approveIssueAsSystem(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  id: Id,
): Promise<void> {
  req.context[contextKeys.workflowTransition] = {
    action: 'approve',
    comment: 'approved from the command line (newsletter send --approve)',
    to: 'approved',
  }
  try {
    await updateIssue(req, options, id, { workflowStage: 'approved' })
  } finally {
    delete req.context[contextKeys.workflowTransition]
  }
}

/**
 * Sends an approved issue to every confirmed subscriber, a page of subscribers at a time
 * (memory stays flat in the number of subscribers). For each (issue, subscriber) a
 * delivery record with a unique key is created *before* the message goes to the mail
 * server: a repeated or resumed send skips every subscriber who has one, so nobody gets
 * the issue twice, even after the process was killed mid-send. A record left "sending"
 * by a killed run may or may not have been delivered; it is counted as interrupted and
 * not retried. Failed deliveries (the server refused) are retried by the next send.
 */
export async function sendIssue(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  id: Id,
  args: { approve?: boolean; onProgress?: (progress: SendProgress) => void } = {},
): Promise<SendSummary> {
  actAsNewsletterSystem(req)
  const { newsletterDeliveries, subscribers } = options.collectionSlugs
  let issue = await loadIssue(req, options, id)
  if (issue.workflowStage !== 'approved' && issue.workflowStage !== 'published') {
    if (!args.approve) {
      throw new Refusal(
        `newsletter issue ${String(id)} is not approved (stage: ${issue.workflowStage ?? 'draft'}); approve it in the workflow first`,
        409,
      )
    }
    await approveIssueAsSystem(req, options, id)
    issue = await loadIssue(req, options, id)
  }
  const template = digestTemplate({ intro: issue.intro ?? null, items: issue.items ?? [], title: issue.title })
  const confirmed = { status: { equals: 'confirmed' } }
  const total = (await req.payload.count({ collection: subscribers, overrideAccess: false, req, where: confirmed }))
    .totalDocs
  await updateIssue(req, options, id, {
    deliveryStatus: 'sending',
    recipients: total,
    sendStartedAt: issue.sendStartedAt ?? new Date().toISOString(),
  })

  const progress: SendSummary = { failed: 0, interrupted: 0, processed: 0, sent: 0, skipped: 0, total }
  let after: Id | null = null
  for (;;) {
    const page = await req.payload.find({
      collection: subscribers,
      depth: 0,
      limit: batchSize,
      overrideAccess: false,
      pagination: false,
      req,
      select: { email: true },
      sort: 'id',
      where: after === null ? confirmed : { and: [confirmed, { id: { greater_than: after } }] },
    })
    const batch = page.docs as Array<{ email: string; id: Id }>
    if (batch.length === 0) {
      break
    }
    after = batch[batch.length - 1].id
    const existing = await req.payload.find({
      collection: newsletterDeliveries,
      depth: 0,
      limit: batch.length,
      overrideAccess: false,
      pagination: false,
      req,
      select: { status: true, subscriber: true },
      where: { and: [{ issue: { equals: id } }, { subscriber: { in: batch.map((subscriber) => subscriber.id) } }] },
    })
    const previous = new Map(
      (existing.docs as Array<{ id: Id; status: string; subscriber: Id }>).map((delivery) => [
        String(delivery.subscriber),
        delivery,
      ]),
    )
    // The per-message writes go straight to the database adapter: the delivery collection
    // has no hooks, its access is "the system only", and Payload's full operation (access,
    // validation, afterRead, a re-read after every write) held the bench at 31 messages/s
    // (48 with adapter writes, before the SMTP socket fix in smtpEmailAdapter.ts).
    // "sent" marks are written in groups; a kill between the hand-off and the mark leaves
    // the record at "sending", which the next send counts as interrupted and never resends.
    const db = req.payload.db
    const keyOf = (subscriberId: Id) => `${String(id)}:${String(subscriberId)}`
    let sentKeys: string[] = []
    const flushSent = async () => {
      if (sentKeys.length === 0) {
        return
      }
      const keys = sentKeys
      sentKeys = []
      await db.updateMany({
        collection: newsletterDeliveries,
        data: { sentAt: new Date().toISOString(), status: 'sent' },
        returning: false,
        where: { key: { in: keys } },
      })
    }
    await eachLimited(batch, options.newsletter.sendConcurrency, async (subscriber) => {
      const earlier = previous.get(String(subscriber.id))
      const key = keyOf(subscriber.id)
      if (earlier && earlier.status !== 'failed') {
        progress.skipped += 1
        progress.interrupted += earlier.status === 'sending' ? 1 : 0
        return
      }
      try {
        // The claim: written before the message leaves, unique per (issue, subscriber).
        if (earlier) {
          await db.updateOne({
            id: earlier.id,
            collection: newsletterDeliveries,
            data: { error: null, status: 'sending' },
            returning: false,
          })
        } else {
          const now = new Date().toISOString()
          await db.create({
            collection: newsletterDeliveries,
            data: { createdAt: now, issue: id, key, status: 'sending', subscriber: subscriber.id, updatedAt: now },
            returning: false,
          })
        }
      } catch {
        // Another send claimed this subscriber first (the unique key refused ours).
        progress.skipped += 1
        return
      }
      try {
        await req.payload.sendEmail({
          ...personalize(template, unsubscribeUrl(req.payload, options, subscriber.id)),
          to: subscriber.email,
        })
      } catch (caught) {
        const error = caught instanceof Error ? caught.message : String(caught)
        await db.updateMany({
          collection: newsletterDeliveries,
          data: { error: error.slice(0, 500), status: 'failed' },
          returning: false,
          where: { key: { equals: key } },
        })
        progress.failed += 1
        return
      }
      progress.sent += 1
      sentKeys.push(key)
      if (sentKeys.length >= 25) {
        await flushSent()
      }
    })
    await flushSent()
    progress.processed += batch.length
    args.onProgress?.({ ...progress })
  }
  await updateIssue(req, options, id, { deliveryStatus: 'sent', sentAt: new Date().toISOString() })
  return progress
}
