import type { Payload } from 'payload'

import { afterAll, describe, expect, it } from '@jest/globals'

import type { InvalidationBus } from '../../src/cluster/invalidationBus.ts'

import { startInvalidationBus } from '../../src/cluster/invalidationBus.ts'
import { sanitizeOptions, verdictsPluginMarker } from '../../src/options.ts'
import { pageCacheOf } from '../../src/public/pageCache.ts'
import { eventually, killRedisClients, testRedisUrl, uniqueRedisPrefix } from '../helpers/redis.ts'

/** Two processes' worth of page cache and bus, in one: the bus only needs options, a logger and the cache. */
const prefix = uniqueRedisPrefix()
const processes: Array<{ bus: InvalidationBus; payload: Payload }> = []

async function startProcess(): Promise<{ bus: InvalidationBus; payload: Payload }> {
  const options = sanitizeOptions({ cluster: { redisKeyPrefix: prefix, redisUrl: testRedisUrl } })
  const errors: string[] = []
  const payload = {
    config: { custom: { [verdictsPluginMarker]: options } },
    logger: { error: (m: string) => errors.push(m) },
  }
  const bus = (await startInvalidationBus(payload as unknown as Payload, options.cluster)) as InvalidationBus
  const started = { bus, payload: payload as unknown as Payload }
  processes.push(started)
  return started
}

const page = (tags: string[]) => async () => ({ tags, value: { tags } })

afterAll(async () => {
  await Promise.all(processes.map(({ bus }) => bus.close()))
})

describe('page invalidations across processes (Redis pub/sub)', () => {
  it('drops exactly the pages another process names, and keeps the rest', async () => {
    const a = await startProcess()
    const b = await startProcess()
    const cacheB = pageCacheOf(b.payload)
    await cacheB.getOrBuild('matchup:x', page(['matchup:x']))
    await cacheB.getOrBuild('matchup:y', page(['matchup:y']))
    expect(cacheB.size).toBe(2)

    a.bus.publish(['matchup:x'])
    await eventually(() => cacheB.get('matchup:x') === undefined)
    expect(cacheB.get('matchup:y')).toBeDefined()
    // The publisher's own cache is dropped by its commit, not again by its own message.
    const cacheA = pageCacheOf(a.payload)
    await cacheA.getOrBuild('matchup:y', page(['matchup:y']))
    b.bus.publish(['matchup:x'])
    await eventually(() => cacheB.get('matchup:y') !== undefined)
    expect(cacheA.get('matchup:y')).toBeDefined()
  })

  it('keeps nothing while its subscription is cut, and starts empty once back', async () => {
    const a = processes[0] ?? (await startProcess())
    const b = processes[1] ?? (await startProcess())
    const cacheB = pageCacheOf(b.payload)
    await cacheB.getOrBuild('matchup:z', page(['matchup:z']))
    expect(cacheB.get('matchup:z')).toBeDefined()

    expect(await killRedisClients(b.bus.connectionName)).toBe(1)
    // Cut off, it may miss invalidations: nothing it had is served.
    await eventually(() => cacheB.get('matchup:z') === undefined)
    // Back, subscribed again: it caches again, and hears the others.
    await eventually(async () => {
      await cacheB.getOrBuild('matchup:z', page(['matchup:z']))
      return cacheB.get('matchup:z') !== undefined
    })
    a.bus.publish(['matchup:z'])
    await eventually(() => cacheB.get('matchup:z') === undefined)
  })
})
