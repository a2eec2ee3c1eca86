import type { Payload } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'

import { signNewsletterToken } from './tokens.ts'

export const subscribePath = '/public/newsletter/subscribe'
export const confirmPath = '/public/newsletter/confirm'
export const unsubscribePath = '/public/newsletter/unsubscribe'
export const providerEventsPath = '/public/newsletter/provider-events'

/** The origin newsletter links point at: the option, else the config's serverURL. */
export function newsletterOrigin(payload: Payload, options: SanitizedVerdictsOptions): string {
  return (options.newsletter.publicUrl ?? (payload.config.serverURL || 'http://localhost:3000')).replace(/\/+$/, '')
}

function apiUrl(payload: Payload, options: SanitizedVerdictsOptions, path: string, token: string): string {
  return `${newsletterOrigin(payload, options)}${payload.config.routes.api}${path}?token=${encodeURIComponent(token)}`
}

export function confirmationUrl(
  payload: Payload,
  options: SanitizedVerdictsOptions,
  args: { confirmation: string; now: Date; subscriber: number | string },
): string {
  const expiresAt = Math.floor(args.now.getTime() / 1000) + options.newsletter.confirmationExpiryHours * 3600
  const token = signNewsletterToken(payload.secret, {
    confirmation: args.confirmation,
    expiresAt,
    purpose: 'confirm',
    subscriber: args.subscriber,
  })
  return apiUrl(payload, options, confirmPath, token)
}

export function unsubscribeUrl(
  payload: Payload,
  options: SanitizedVerdictsOptions,
  subscriber: number | string,
): string {
  return apiUrl(
    payload,
    options,
    unsubscribePath,
    signNewsletterToken(payload.secret, { purpose: 'unsubscribe', subscriber }),
  )
}
