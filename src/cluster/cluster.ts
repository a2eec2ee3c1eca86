import type { Payload } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'

import { storedPagesSettled } from '../public/pageStore.ts'
import { startInvalidationBus } from './invalidationBus.ts'
import { closeCommandConnection, commandConnection, pingRedis } from './redis.ts'

const startedSlot = Symbol.for('verdicts-cms.cluster-started')
type WithStarted = Payload & { [startedSlot]?: true }

type PgClient = { activeQuery?: unknown; end?: () => Promise<void>; release?: (error?: Error) => void }
type PgPool = { _clients?: PgClient[]; _idle?: Array<{ client: PgClient }>; end: () => Promise<void>; ending?: boolean }

const poolOf = (payload: Payload) => (payload.db as unknown as { pool?: PgPool }).pool

/** Clients of the pool that are checked out (in use, or kept without being given back). */
function checkedOut(pool: PgPool): PgClient[] {
  const idle = new Set((pool._idle ?? []).map((item) => item.client))
  return (pool._clients ?? []).filter((client) => !idle.has(client))
}

/**
 * Ends the PostgreSQL adapter's connection pool. Payload 3.90's `db.destroy` leaves it open,
 * with the client its `connect` checks out (to watch for resets) and never gives back, so a
 * script, worker or jest worker that destroyed its Payload instance could not exit ("A
 * worker process has failed to exit gracefully"). `end()` closes the idle clients at once
 * and waits for the checked-out ones. Only the client Payload kept (`kept`, noted when the
 * plugin started, right after connecting) is given back here, and only while no query runs
 * on it: a client another query holds is given back by that query, and giving it back
 * twice throws. (Only on the way out: a hot reload destroys the adapter, not Payload, and
 * reuses the pool.)
 */
async function endPostgresPool(payload: Payload, kept: PgClient[]): Promise<void> {
  const adapter = payload.db as unknown as { pool?: PgPool }
  const { pool } = adapter
  if (payload.db.name !== 'postgres' || !pool || pool.ending) {
    return
  }
  adapter.pool = undefined
  const ended = pool.end()
  const stillOut = new Set(checkedOut(pool))
  for (const client of kept) {
    if (stillOut.has(client) && !client.activeQuery) {
      client.release?.()
    }
  }
  // A client another holder never gives back (a transaction a failed write left open) would
  // keep `end()` waiting for ever: shutting down must not hang on it. Its connection is
  // closed (the server rolls its transaction back), so its socket holds nothing up either.
  if (!(await within(ended, shutdownWaitMs))) {
    const abandoned = checkedOut(pool)
    payload.logger.error(
      `shutting down: ${abandoned.length} PostgreSQL connection(s) still in use after ${shutdownWaitMs / 1000} s; closing them`,
    )
    await within(Promise.allSettled(abandoned.map((client) => client.end?.())), shutdownWaitMs)
  }
}

/** How long shutting down waits for each thing it closes. */
const shutdownWaitMs = 5000

/** Whether `promise` settled within `ms` (it goes on running either way). */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms)
    timer.unref()
  })
  try {
    return await Promise.race([promise.then(() => true), timeout])
  } finally {
    clearTimeout(timer)
  }
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
  const pool = payload.db.name === 'postgres' ? poolOf(payload) : undefined
  const keptByPayload = pool ? checkedOut(pool) : []
  let bus: Awaited<ReturnType<typeof startInvalidationBus>> = null
  payload.destroy = async () => {
    // A page being stored after its answer finishes first, on a connection still open.
    await within(storedPagesSettled(payload), shutdownWaitMs)
    await bus?.close()
    if (redisUrl) {
      await closeCommandConnection(redisUrl)
    }
    await destroy()
    await endPostgresPool(payload, keptByPayload)
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
