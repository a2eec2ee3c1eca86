import { revalidateTag } from 'next/cache'

import {
  MalformedWebhookEventError,
  matchupIndexTag,
  methodologyTag,
  tagsOfRelayedEvent,
  tagsOfWebhookEvent,
} from '../../../../site/revalidation.ts'
import { publishSiteTags, relayedEventType } from '../../../../site/revalidationRelay.ts'
import { siteSettings } from '../../../../site/settings.ts'
import { verifyWebhook, WebhookVerificationError } from 'verdicts-cms'

/**
 * Receives the CMS's signed webhooks and expires the cached API reads of every page they
 * name, so the next visit renders fresh content. A consumer site on another host does the
 * same with its own copy of this handler. With REDIS_URL the tags also go to every other
 * process of the app (src/site/revalidationRelay.ts), which relays them back here.
 */
export async function POST(request: Request): Promise<Response> {
  const body = await request.text()
  try {
    verifyWebhook(siteSettings().webhookSecret, request.headers, body)
  } catch (error) {
    if (error instanceof WebhookVerificationError) {
      return Response.json({ errors: [{ message: error.message }] }, { status: 401 })
    }
    throw error
  }
  let tags: string[]
  let relayed = false
  try {
    const event = JSON.parse(body) as { type?: unknown }
    relayed = event?.type === relayedEventType
    tags = relayed ? tagsOfRelayedEvent(event) : tagsOfWebhookEvent(event)
  } catch (error) {
    if (error instanceof MalformedWebhookEventError || error instanceof SyntaxError) {
      return Response.json({ errors: [{ field: 'data.tags', message: error.message }] }, { status: 400 })
    }
    throw error
  }
  // The methodology lists the panel: a persona's edit arrives naming its tools' pages.
  const expired = relayed ? tags : [...tags, matchupIndexTag, methodologyTag]
  // Expire at once: the next visitor gets the new figures, not one more stale render.
  expired.forEach((tag) => revalidateTag(tag, { expire: 0 }))
  if (!relayed) {
    publishSiteTags(expired)
  }
  return Response.json({ revalidated: expired })
}
