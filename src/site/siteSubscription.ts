import type { Payload, RequiredDataFromCollectionSlug } from 'payload'

import { pluginOptionsOf } from 'verdicts-cms'
import { revalidationPath } from './revalidation.ts'
import { siteSettings } from './settings.ts'

/** How the app recognises the subscription it manages for its own `/compare` pages. */
export const siteSubscriptionDescription = 'Reference site (/compare): managed by the app, refreshes its cached pages'

/**
 * Subscribes the app's own `/api/revalidate` to every published change, so `/compare`
 * pages refresh without a redeploy. Runs when the Next.js server starts Payload; keeps
 * the URL and secret in step with the settings and otherwise leaves the record alone (an
 * admin may deactivate it). `SITE_REVALIDATION=off` skips it.
 */
export async function ensureSiteSubscription(payload: Payload): Promise<void> {
  const settings = siteSettings()
  if (!settings.revalidation) {
    return
  }
  const collection = pluginOptionsOf(payload).collectionSlugs.webhookSubscriptions
  const url = `${settings.apiUrl}${revalidationPath}`
  const { docs } = await payload.find({
    collection,
    depth: 0,
    limit: 1,
    where: { description: { equals: siteSubscriptionDescription } },
  })
  const existing = docs[0] as { id: number | string; secret?: string; url?: string } | undefined
  if (!existing) {
    await payload.create({
      collection,
      // `events` is left to the collection's default: every source.
      data: {
        description: siteSubscriptionDescription,
        secret: settings.webhookSecret,
        url,
      } as RequiredDataFromCollectionSlug<typeof collection>,
    })
    payload.logger.info(`Subscribed ${url} to content changes (the /compare pages).`)
  } else if (existing.url !== url || existing.secret !== settings.webhookSecret) {
    await payload.update({ collection, data: { secret: settings.webhookSecret, url }, id: existing.id })
  }
}
