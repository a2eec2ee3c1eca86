import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { HealthReport } from '../../src/cluster/health.ts'

import { freePort } from '../helpers/appServer.ts'
import { testDatabaseUri } from '../helpers/database.ts'
import { startSecondInstance, startTestPayload } from '../helpers/payload.ts'
import { restClient } from '../helpers/rest.ts'

/** The health check's own answer of an instance (its REST route, called as Next.js would). */
async function healthOf(instance: Payload): Promise<{ body: HealthReport; status: number }> {
  const endpoint = instance.config.endpoints.find((candidate) => candidate.path === '/health')!
  const response = await endpoint.handler({ payload: instance } as never)
  return { body: (await response.json()) as HealthReport, status: response.status }
}

describe('GET /api/health (issue 14)', () => {
  let payload: Payload
  let withoutRedis: Payload

  beforeAll(async () => {
    // REDIS_URL pointing at a port nobody listens on: Redis is down from the start.
    const closedPort = await freePort()
    const databaseUri = testDatabaseUri('health')
    payload = await startTestPayload('health', {
      databaseUri,
      plugin: { cluster: { redisUrl: `redis://127.0.0.1:${closedPort}` } },
    })
    withoutRedis = await startSecondInstance(databaseUri)
  })

  afterAll(async () => {
    await withoutRedis.destroy()
    await payload.destroy()
  })

  it('answers 503 naming Redis when Redis does not answer, without hanging', async () => {
    const started = Date.now()
    const response = await restClient(payload).request<HealthReport>('GET', '/health')
    expect(response.status).toBe(503)
    expect(response.body).toMatchObject({ database: 'ok', redis: 'down' })
    expect(response.body.errors?.map((error) => error.message)).toEqual([expect.stringMatching(/^redis: /)])
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('answers 200 with the database reachable and Redis not configured when there is none', async () => {
    expect(await healthOf(withoutRedis)).toEqual({ body: { database: 'ok', redis: 'not configured' }, status: 200 })
  })

  it('answers 503 naming the database once it is gone', async () => {
    await withoutRedis.db.destroy?.()
    const { body, status } = await healthOf(withoutRedis)
    expect(status).toBe(503)
    expect(body).toMatchObject({ database: 'down', redis: 'not configured' })
    expect(body.errors?.[0]?.message).toMatch(/^database: /)
  })
})
