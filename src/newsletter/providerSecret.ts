import type { Payload } from 'payload'

import { createHmac } from 'node:crypto'

import type { SanitizedVerdictsOptions } from '../options.ts'

/**
 * The Standard Webhooks secret bounce and complaint reports are signed with: the option,
 * else one derived from the Payload secret (so a deployment needs no other variable;
 * `npm run verdicts -- newsletter secret` prints it for the provider's settings).
 */
export function providerWebhookSecret(payload: Payload, options: SanitizedVerdictsOptions): string {
  return (
    options.newsletter.providerWebhookSecret ??
    `whsec_${createHmac('sha256', payload.secret).update('verdicts-newsletter-provider-events').digest('base64')}`
  )
}
