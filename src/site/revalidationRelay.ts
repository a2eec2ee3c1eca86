import { Redis } from 'ioredis'
import { randomUUID } from 'node:crypto'
import { Webhook } from 'standardwebhooks'

import { matchupIndexTag, revalidationPath, siteWideTag } from './revalidation.ts'
import { siteSettings } from './settings.ts'

/** As src/cluster/redis.ts: a closed connection does not hold the process up for 2 s. */
const disconnectTimeout = 100

/**
 * The site's cached API reads (Next's data cache) kept in step across processes.
 *
 * A webhook reaches one process, which expires the tags it names. With `REDIS_URL` that
 * process also publishes the tags, and every other process expires them too by calling
 * Next's own `revalidateTag` — which only works inside a request, so each process relays
 * the tags to its own `/api/revalidate` over loopback, signed with the site's webhook
 * secret and marked as relayed (not published again). Chosen over a shared Redis cache
 * handler: the cache stays Next's own (on disk and in memory per process), and expiring
 * it everywhere needs no code that depends on Next's cache internals.
 *
 * A process that was cut off from Redis may have missed some: on reconnecting it expires
 * every cached read (`siteWideTag`).
 */
type Message = { from: string; tags: string[] }

const relaySlot = Symbol.for('verdicts-site.revalidation-relay')
type RelayState = { publisher: Redis; self: string }
type WithRelay = typeof globalThis & { [relaySlot]?: RelayState }

function relaySettings(env = process.env): null | { channel: string; url: string } {
  const url = env.REDIS_URL?.trim()
  return url ? { channel: `${env.REDIS_KEY_PREFIX ?? 'verdicts:'}site-revalidations`, url } : null
}

function relayState(url: string): RelayState {
  const holder = globalThis as WithRelay
  if (!holder[relaySlot]) {
    // Queues while Redis is away, so an expiry during an outage still goes out afterwards.
    const publisher = new Redis(url, { disconnectTimeout, maxRetriesPerRequest: null })
    publisher.on('error', () => {})
    holder[relaySlot] = { publisher, self: randomUUID() }
  }
  return holder[relaySlot]
}

/** Tells the other processes to expire `tags` too (nothing without `REDIS_URL`). */
export function publishSiteTags(tags: string[]): void {
  const settings = relaySettings()
  if (!settings) {
    return
  }
  const { publisher, self } = relayState(settings.url)
  publisher.publish(settings.channel, JSON.stringify({ from: self, tags } satisfies Message)).catch(() => {})
}

/** The body of a relayed expiry: a webhook event of its own type, never published again. */
export const relayedEventType = 'site.relayed'

async function relayToSelf(ownUrl: string, tags: string[]): Promise<void> {
  const { webhookSecret } = siteSettings()
  const id = `relay_${randomUUID()}`
  const body = JSON.stringify({ data: { tags }, type: relayedEventType })
  const signature = new Webhook(webhookSecret).sign(id, new Date(), body)
  const timestamp = String(Math.floor(Date.now() / 1000))
  const response = await fetch(`${ownUrl}${revalidationPath}`, {
    body,
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-signature': signature,
      'webhook-timestamp': timestamp,
    },
    method: 'POST',
  })
  await response.body?.cancel()
  if (!response.ok) {
    throw new Error(`relaying ${tags.join(', ')} to this process answered ${response.status}`)
  }
}

/**
 * Listens for other processes' expiries and applies them here (the production server
 * calls this with the URL it listens on, e.g. `http://127.0.0.1:3000`). Returns a
 * function that stops listening.
 */
export function startSiteRelay(ownUrl: string, log: (message: string) => void): null | (() => void) {
  const settings = relaySettings()
  if (!settings) {
    return null
  }
  const { self } = relayState(settings.url)
  // Named, so an operator (or a test) can find it in CLIENT LIST.
  const subscriber = new Redis(settings.url, {
    connectionName: `${settings.channel}:${self}`,
    disconnectTimeout,
    maxRetriesPerRequest: null,
  })
  let lastError = ''
  subscriber.on('error', (error: Error) => {
    if (error.message !== lastError) {
      lastError = error.message
      log(`Redis (${settings.channel}): ${error.message}`)
    }
  })
  const relay = (tags: string[]) => relayToSelf(ownUrl, tags).catch((error: Error) => log(error.message))
  let readyBefore = false
  subscriber.on('ready', () => {
    void subscriber.subscribe(settings.channel).then(() => {
      lastError = ''
      if (readyBefore) {
        void relay([siteWideTag, matchupIndexTag])
      }
      readyBefore = true
    })
  })
  subscriber.on('message', (_channel: string, raw: string) => {
    try {
      const message = JSON.parse(raw) as Message
      if (message.from !== self && Array.isArray(message.tags)) {
        void relay(message.tags)
      }
    } catch {
      log(`Redis (${settings.channel}): ignored a malformed message`)
    }
  })
  return () => subscriber.disconnect()
}
