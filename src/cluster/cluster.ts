import type { Payload } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'

import { startInvalidationBus } from './invalidationBus.ts'
import { closeCommandConnection, commandConnection, pingRedis } from './redis.ts'

const startedSlot = Symbol.for('verdicts-cms.cluster-started')
type WithStarted = Payload & { [startedSlot]?: true }

/**
 * What a process needs to run beside others (README, Deploying): the page-cache
 * invalidation bus when Redis is configured. `payload.destroy()` closes its connections,
 * so a script or test that ends its Payload instance leaves nothing open.
 */
export async function startCluster(payload: Payload, cluster: SanitizedVerdictsOptions['cluster']): Promise<void> {
  const holder = payload as WithStarted
  if (holder[startedSlot]) {
    return
  }
  holder[startedSlot] = true
  const { redisUrl } = cluster
  if (!redisUrl) {
    return
  }
  // The limiters count in Redis from the first request on (until it answers, each process
  // counts on its own); a Redis that is down does not stop the process from starting.
  const [bus] = await Promise.all([
    startInvalidationBus(payload, cluster),
    pingRedis(commandConnection(redisUrl), 5000).catch((error: Error) =>
      payload.logger.error(`Redis is not answering (${error.message}); limits count per process until it does`),
    ),
  ])
  const destroy = payload.destroy.bind(payload)
  payload.destroy = async () => {
    await bus?.close()
    await closeCommandConnection(redisUrl)
    await destroy()
  }
}
