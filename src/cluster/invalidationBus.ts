import type { Payload } from 'payload'

import { Redis } from 'ioredis'
import { randomUUID } from 'node:crypto'

import type { SanitizedVerdictsOptions } from '../options.ts'

import { pageCacheOf } from '../public/pageCache.ts'
import { disconnectTimeout } from './redis.ts'

/**
 * Page-cache invalidations shared by every process of a deployment over Redis pub/sub.
 *
 * The process that commits a change drops its own pages at once (src/public/invalidation.ts)
 * and publishes the tags; every other process drops exactly the pages those tags name.
 * Pub/sub delivers only to connected listeners, so a process that loses its subscription
 * stops keeping pages until it is subscribed again, and then starts from an empty cache:
 * it never serves a page whose invalidation it may have missed.
 */
export type InvalidationBus = {
  close: () => Promise<void>
  /** Names this process's subscriber connection (CLIENT LIST). */
  connectionName: string
  /** Tells the other processes to drop the pages `tags` name (after this process's commit). */
  publish: (tags: string[]) => void
}

type Message = { from: string; tags: string[] }

const busSlot = Symbol.for('verdicts-cms.invalidation-bus')
type WithBus = Payload & { [busSlot]?: InvalidationBus }

export function invalidationChannel(keyPrefix: string): string {
  return `${keyPrefix}page-invalidations`
}

/** Starts the bus of this Payload instance when `cluster.redisUrl` is set; once per instance. */
export async function startInvalidationBus(
  payload: Payload,
  { redisKeyPrefix, redisUrl }: SanitizedVerdictsOptions['cluster'],
): Promise<InvalidationBus | null> {
  const holder = payload as WithBus
  if (!redisUrl) {
    return null
  }
  if (holder[busSlot]) {
    return holder[busSlot]
  }
  const channel = invalidationChannel(redisKeyPrefix)
  const self = randomUUID()
  const cache = pageCacheOf(payload)
  // Nothing is cached until the subscription is in place.
  cache.suspend()
  // Two connections: one in subscriber mode cannot publish. The publisher queues while
  // disconnected (ioredis's offline queue), so a change committed during an outage still
  // reaches the others once it reconnects.
  const publisher = new Redis(redisUrl, { disconnectTimeout, maxRetriesPerRequest: null })
  // Named, so an operator (or a test) can find this process's subscription in CLIENT LIST.
  const subscriber = new Redis(redisUrl, {
    autoResubscribe: false,
    disconnectTimeout,
    connectionName: `${redisKeyPrefix}bus:${self}`.replace(/\s/g, '_'),
    maxRetriesPerRequest: null,
  })
  let lastError = ''
  const logError = (error: Error) => {
    if (error.message !== lastError) {
      lastError = error.message
      payload.logger.error(`Redis (${channel}): ${error.message}`)
    }
  }
  publisher.on('error', logError)
  subscriber.on('error', logError)
  subscriber.on('message', (_channel: string, raw: string) => {
    try {
      const message = JSON.parse(raw) as Message
      if (message.from !== self && Array.isArray(message.tags)) {
        cache.invalidate(message.tags)
      }
    } catch {
      payload.logger.error(`Redis (${channel}): ignored a malformed message`)
    }
  })
  subscriber.on('close', () => cache.suspend())
  let subscribed: Promise<void> = Promise.resolve()
  subscriber.on('ready', () => {
    subscribed = subscriber.subscribe(channel).then(
      () => {
        lastError = ''
        cache.resume()
      },
      (error: Error) => logError(error),
    )
  })
  await new Promise<void>((resolve) => {
    // Starts without waiting forever: the cache stays suspended until Redis answers.
    const timer = setTimeout(resolve, 5000)
    subscriber.once('ready', () => {
      clearTimeout(timer)
      void subscribed.then(resolve)
    })
  })
  const bus: InvalidationBus = {
    connectionName: subscriber.options.connectionName ?? '',
    async close() {
      delete holder[busSlot]
      subscriber.disconnect()
      // Sends what is already written; what waits for a connection that never came is dropped.
      if (publisher.status === 'ready') {
        await publisher.quit()
      } else {
        publisher.disconnect()
      }
    },
    publish(tags) {
      publisher.publish(channel, JSON.stringify({ from: self, tags } satisfies Message)).catch(logError)
    },
  }
  holder[busSlot] = bus
  return bus
}

/** The running bus of this Payload instance, if any. */
export function invalidationBusOf(payload: Payload): InvalidationBus | undefined {
  return (payload as WithBus)[busSlot]
}
