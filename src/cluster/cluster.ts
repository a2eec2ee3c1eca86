import type { Payload } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'

import { startInvalidationBus } from './invalidationBus.ts'
import { closeCommandConnection, commandConnection, pingRedis } from './redis.ts'

const startedSlot = Symbol.for('verdicts-cms.cluster-started')
type WithStarted = Payload & { [startedSlot]?: true }

type PgClient = { release?: (error?: Error) => void }
type PgPool = { _clients?: PgClient[]; end: () => Promise<void>; ending?: boolean }

/**
 * Ends the PostgreSQL adapter's connection pool. Payload 3.90's `db.destroy` leaves it open,
 * with the client its `connect` checks out (to watch for resets) and never gives back, so a
 * script, worker or jest worker that destroyed its Payload instance could not exit ("A
 * worker process has failed to exit gracefully"). `end()` closes the idle clients at once
 * and waits for the checked-out ones; those are given back here, which closes them too.
 * (Only on the way out: a hot reload destroys the adapter, not Payload, and reuses the pool.)
 */
async function endPostgresPool(payload: Payload): Promise<void> {
  const adapter = payload.db as unknown as { pool?: PgPool }
  const { pool } = adapter
  if (payload.db.name !== 'postgres' || !pool || pool.ending) {
    return
  }
  adapter.pool = undefined
  const ended = pool.end()
  for (const client of [...(pool._clients ?? [])]) {
    client.release?.()
  }
  await ended
}

/**
 * What a process needs to run beside others (README, Deploying): the page-cache
 * invalidation bus when Redis is configured. `payload.destroy()` closes its connections
 * (Redis, the PostgreSQL pool), so a script or test that ends its Payload instance leaves
 * nothing open.
 */
export async function startCluster(payload: Payload, cluster: SanitizedVerdictsOptions['cluster']): Promise<void> {
  const holder = payload as WithStarted
  if (holder[startedSlot]) {
    return
  }
  holder[startedSlot] = true
  const { redisUrl } = cluster
  const destroy = payload.destroy.bind(payload)
  let bus: Awaited<ReturnType<typeof startInvalidationBus>> = null
  payload.destroy = async () => {
    await bus?.close()
    if (redisUrl) {
      await closeCommandConnection(redisUrl)
    }
    await destroy()
    await endPostgresPool(payload)
  }
  if (!redisUrl) {
    return
  }
  // The limiters count in Redis from the first request on (until it answers, each process
  // counts on its own); a Redis that is down does not stop the process from starting.
  ;[bus] = await Promise.all([
    startInvalidationBus(payload, cluster),
    pingRedis(commandConnection(redisUrl), 5000).catch((error: Error) =>
      payload.logger.error(`Redis is not answering (${error.message}); limits count per process until it does`),
    ),
  ])
}
