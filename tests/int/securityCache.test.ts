import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { RestClient } from '../helpers/rest.ts'

import { pageCacheOf } from '../../src/public/pageCache.ts'
import { verdictData } from '../helpers/createData.ts'
import { createFixtures, quote, slugs } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient } from '../helpers/rest.ts'

/** Finding 9: rewording a list query does not grow the page cache, and the cache is bounded. */
const cacheMaxBytes = 4096
let payload: Payload
let rest: RestClient

beforeAll(async () => {
  payload = await startTestPayload('security-cache', { plugin: { publicApi: { cacheMaxBytes } } })
  const fixtures = await createFixtures(payload)
  rest = restClient(payload)
  await payload.create({
    collection: slugs.verdicts,
    data: verdictData({
      _status: 'published',
      decision: 'ship',
      quote: quote('Cached.'),
      reviewer: fixtures.personaIds.skeptic,
      tool: fixtures.toolIds.alpha,
    }),
  })
})

afterAll(async () => {
  await payload?.destroy()
})

describe('the public list cache', () => {
  it('refuses leading zeros in paging numbers', async () => {
    for (const query of ['limit=0100', 'page=0001', 'limit=020']) {
      const response = await rest.request<{ errors: Array<{ field: string }> }>('GET', `/public/tools?${query}`)
      expect(response.status).toBe(400)
      expect(response.body.errors[0].field).toBe(query.split('=')[0])
    }
  })

  it('keeps one entry for every spelling of one query', async () => {
    const cache = pageCacheOf(payload)
    cache.clear()
    for (const query of [
      '',
      'limit=20',
      'page=1',
      'page=1&limit=20',
      'limit=20&page=1',
      'q=Alpha',
      'q=alpha',
      'q=ALPHA&page=1',
      'q=alpha&limit=20',
    ]) {
      expect((await rest.request('GET', `/public/tools?${query}`)).status).toBe(200)
    }
    // Two distinct answers, each with its filter's total (kept apart from the pages).
    expect(cache.size).toBe(4)
  })

  it('stays within cacheMaxBytes however many distinct pages are asked for', async () => {
    const cache = pageCacheOf(payload)
    for (let page = 1; page <= 200; page += 1) {
      await rest.request('GET', `/public/tools?page=${page}&limit=${(page % 100) + 1}`)
    }
    expect(cache.sizeInBytes).toBeLessThanOrEqual(cacheMaxBytes)
    expect(cache.size).toBeGreaterThan(0)
  })
})
