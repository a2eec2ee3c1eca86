import { createHmac } from 'node:crypto'

import { resolveSecret } from '../demo/secret.ts'

/** How the reference site (`/compare`) finds the API and introduces itself. */
export type SiteSettings = {
  /** Where the site reads the public API (`SITE_API_URL`, else `SERVER_URL`, else this server). */
  apiUrl: string
  /** Where the subscribe form posts (`SITE_NEWSLETTER_URL`); null: this app's own subscribe endpoint. */
  newsletterUrl: null | string
  /** Whether the app subscribes its own `/api/revalidate` to the CMS's webhooks (`SITE_REVALIDATION`). */
  revalidation: boolean
  /** The site's public origin, for canonical and Open Graph URLs (`SITE_URL`, else `SERVER_URL`). */
  siteUrl: string
  /** Verifies webhook deliveries (`SITE_WEBHOOK_SECRET`, else derived from PAYLOAD_SECRET). */
  webhookSecret: string
}

const trimmed = (value: string | undefined) => value?.trim().replace(/\/+$/, '') || undefined

/**
 * Reads the site's settings from the environment. The webhook secret defaults to one
 * derived from PAYLOAD_SECRET, so the CMS (which subscribes the site) and the site (which
 * verifies) agree without another variable when they run in one app.
 */
export function siteSettings(env: NodeJS.ProcessEnv = process.env): SiteSettings {
  const ownOrigin = trimmed(env.SERVER_URL) ?? `http://localhost:${env.PORT || 3000}`
  const derivedSecret = createHmac('sha256', resolveSecret(env)).update('verdicts-site-revalidation').digest('base64')
  return {
    apiUrl: trimmed(env.SITE_API_URL) ?? ownOrigin,
    newsletterUrl: env.SITE_NEWSLETTER_URL?.trim() || null,
    revalidation: env.SITE_REVALIDATION !== 'off',
    siteUrl: trimmed(env.SITE_URL) ?? ownOrigin,
    webhookSecret: env.SITE_WEBHOOK_SECRET?.trim() || `whsec_${derivedSecret}`,
  }
}
