import type { PayloadRequest } from 'payload'

import { randomUUID } from 'node:crypto'

import type { SanitizedVerdictsOptions } from '../options.ts'

import { actAsNewsletterSystem } from './access.ts'
import { confirmationUrl } from './links.ts'
import { confirmationMail } from './mail.ts'
import { verifyNewsletterToken } from './tokens.ts'
import type { SubscriberStatus } from '../domain/newsletter.ts'

type Id = number | string
export type Subscriber = {
  confirmationId?: null | string
  confirmationSentAt?: null | string
  consent?: { confirmation?: null | string; confirmedAt?: null | string; page?: null | string }
  email: string
  id: Id
  sourcePage?: null | string
  status: SubscriberStatus
}

/** A reader who asks again within this time gets no second confirmation mail. */
const resendAfterMs = 10 * 60 * 1000

function slug(options: SanitizedVerdictsOptions) {
  return options.collectionSlugs.subscribers
}

/** The one subscriber with this email or id, or null. */
async function findSubscriber(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  by: { email: string } | { id: Id },
): Promise<null | Subscriber> {
  const { docs } = await req.payload.find({
    collection: slug(options),
    depth: 0,
    limit: 1,
    overrideAccess: false,
    pagination: false,
    req,
    where: 'email' in by ? { email: { equals: by.email } } : { id: { equals: by.id } },
  })
  return (docs[0] as Subscriber | undefined) ?? null
}

async function updateSubscriber(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  id: Id,
  data: Record<string, unknown>,
) {
  return (await req.payload.update({
    id,
    collection: slug(options),
    data: data,
    depth: 0,
    overrideAccess: false,
    req,
  })) as unknown as Subscriber
}

/**
 * Sends the double opt-in mail. Not awaited by the caller: the answer to the reader must
 * not take longer for a new address than for a known one. Failures are logged.
 */
function mailConfirmation(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  subscriber: Subscriber,
  now: Date,
): Promise<void> {
  const url = confirmationUrl(req.payload, options, {
    confirmation: subscriber.confirmationId!,
    now,
    subscriber: subscriber.id,
  })
  const mail = confirmationMail({ confirmUrl: url, expiresInHours: options.newsletter.confirmationExpiryHours })
  return req.payload.sendEmail({ ...mail, to: subscriber.email }).then(
    () => undefined,
    (error: unknown) => {
      req.payload.logger.error({
        err: error,
        msg: `Could not send the newsletter confirmation to subscriber ${String(subscriber.id)}`,
      })
    },
  )
}

/**
 * A reader asks to subscribe. Whatever the address's state, the caller learns nothing
 * (the endpoint always answers "pending"): a new or unsubscribed address becomes pending
 * and gets a confirmation mail; a pending one gets the mail again (at most every 10
 * minutes); confirmed, bounced and complained addresses are left alone.
 * Returns the confirmation mail in flight, if any, so tests and the CLI can wait for it.
 */
export async function requestSubscription(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  args: { email: string; now?: Date; sourcePage: null | string },
): Promise<{ mail: Promise<void> | null }> {
  actAsNewsletterSystem(req)
  const now = args.now ?? new Date()
  const existing = await findSubscriber(req, options, { email: args.email })
  let subscriber: Subscriber
  if (!existing) {
    try {
      subscriber = (await req.payload.create({
        collection: slug(options),
        data: {
          confirmationId: randomUUID(),
          confirmationSentAt: now.toISOString(),
          email: args.email,
          requestedAt: now.toISOString(),
          sourcePage: args.sourcePage,
          status: 'pending',
        },
        depth: 0,
        overrideAccess: false,
        req,
      })) as unknown as Subscriber
    } catch (error) {
      // Another request created the same address a moment ago: that one mails.
      if (await findSubscriber(req, options, { email: args.email })) {
        return { mail: null }
      }
      throw error
    }
  } else if (existing.status === 'unsubscribed') {
    subscriber = await updateSubscriber(req, options, existing.id, {
      confirmationId: randomUUID(),
      confirmationSentAt: now.toISOString(),
      requestedAt: now.toISOString(),
      sourcePage: args.sourcePage,
      status: 'pending',
    })
  } else if (existing.status === 'pending') {
    const lastSent = existing.confirmationSentAt ? new Date(existing.confirmationSentAt).getTime() : 0
    if (now.getTime() - lastSent < resendAfterMs) {
      return { mail: null }
    }
    subscriber = await updateSubscriber(req, options, existing.id, {
      confirmationId: existing.confirmationId ?? randomUUID(),
      confirmationSentAt: now.toISOString(),
    })
  } else {
    return { mail: null }
  }
  return { mail: mailConfirmation(req, options, subscriber, now) }
}

export type ConfirmOutcome = 'already-confirmed' | 'confirmed' | 'expired' | 'invalid'

/**
 * The reader opened the confirmation link. Confirms a pending subscription whose
 * outstanding confirmation the link names, and records the consent; opening it again
 * says so and changes nothing. A forged, expired or superseded link changes nothing.
 */
export async function confirmSubscription(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  token: unknown,
  now = new Date(),
): Promise<ConfirmOutcome> {
  actAsNewsletterSystem(req)
  const check = verifyNewsletterToken(req.payload.secret, token, 'confirm', Math.floor(now.getTime() / 1000))
  if (!check.ok) {
    return check.reason
  }
  const subscriber = await findSubscriber(req, options, { id: check.claims.subscriber })
  if (!subscriber) {
    return 'invalid'
  }
  if (subscriber.status === 'confirmed' && subscriber.consent?.confirmation === check.claims.confirmation) {
    return 'already-confirmed'
  }
  if (subscriber.status !== 'pending' || subscriber.confirmationId !== check.claims.confirmation) {
    return 'invalid'
  }
  await updateSubscriber(req, options, subscriber.id, {
    confirmationId: null,
    consent: {
      confirmation: check.claims.confirmation,
      confirmedAt: now.toISOString(),
      page: subscriber.sourcePage ?? null,
    },
    status: 'confirmed',
  })
  return 'confirmed'
}

/** The subscriber a signed unsubscribe link names, or null for a forged or unknown one. */
export async function subscriberOfUnsubscribeLink(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  token: unknown,
): Promise<null | Subscriber> {
  actAsNewsletterSystem(req)
  const check = verifyNewsletterToken(req.payload.secret, token, 'unsubscribe')
  return check.ok ? findSubscriber(req, options, { id: check.claims.subscriber }) : null
}

/** Unsubscribes at once (idempotent). Bounced and complained addresses stay suppressed. */
export async function unsubscribe(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  subscriber: Subscriber,
  now = new Date(),
): Promise<void> {
  actAsNewsletterSystem(req)
  if (subscriber.status === 'confirmed' || subscriber.status === 'pending') {
    await updateSubscriber(req, options, subscriber.id, {
      confirmationId: null,
      status: 'unsubscribed',
      unsubscribedAt: now.toISOString(),
    })
  }
}

/**
 * A mail provider reported a bounce or a spam complaint: the address is never mailed
 * again. A complaint outranks a bounce. Returns false for an unknown address.
 */
export async function suppressSubscriber(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  args: { email: string; kind: 'bounced' | 'complained'; now?: Date; reason?: null | string },
): Promise<boolean> {
  actAsNewsletterSystem(req)
  const subscriber = await findSubscriber(req, options, { email: args.email })
  if (!subscriber) {
    return false
  }
  if (subscriber.status === 'complained' || subscriber.status === args.kind) {
    return true
  }
  await updateSubscriber(req, options, subscriber.id, {
    confirmationId: null,
    status: args.kind,
    suppressedAt: (args.now ?? new Date()).toISOString(),
    suppressionReason: args.reason?.slice(0, 500) ?? null,
  })
  return true
}

/** Subscribers per status, for `newsletter subscribers`. */
export async function countSubscribersByStatus(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  statuses: readonly SubscriberStatus[],
): Promise<Record<SubscriberStatus, number>> {
  actAsNewsletterSystem(req)
  const counts = {} as Record<SubscriberStatus, number>
  for (const status of statuses) {
    const { totalDocs } = await req.payload.count({
      collection: slug(options),
      overrideAccess: false,
      req,
      where: { status: { equals: status } },
    })
    counts[status] = totalDocs
  }
  return counts
}
