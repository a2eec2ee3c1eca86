import type { Access, PayloadRequest } from 'payload'

import { hasRole } from '../access/roles.ts'

/**
 * Set on `req.context` by the newsletter's own operations (subscribe, confirm,
 * unsubscribe, bounce reports, sending), which check the reader's signed link or the
 * provider's signature first. No client can set `req.context`, so only those operations
 * write subscribers and deliveries; through every API they are read-only.
 */
export const newsletterSystemContextField = 'verdictsNewsletterSystem'

export function actAsNewsletterSystem(req: PayloadRequest): PayloadRequest {
  req.context[newsletterSystemContextField] = true
  return req
}

const isNewsletterSystem = (req: Pick<PayloadRequest, 'context'>) =>
  Boolean(req.context?.[newsletterSystemContextField])

/** Subscriber addresses: admins and editors read them; reviewers and the public never do. */
export const readsSubscribers: Access = ({ req }) => hasRole(req, 'admin', 'editor') || isNewsletterSystem(req)

export const newsletterSystemOnly: Access = ({ req }) => isNewsletterSystem(req)

/** Admins may erase a subscriber (a reader asking to be forgotten). */
export const adminOrNewsletterSystem: Access = ({ req }) => hasRole(req, 'admin') || isNewsletterSystem(req)
