import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import type { Id } from '../../src/domain/ids.ts'
import type { RestClient } from '../helpers/rest.ts'

import { seedDemoContent } from '../../src/demo/seedDemoContent.ts'
import { slugs } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient } from '../helpers/rest.ts'

let payload: Payload
let ollama: Id
let rest: RestClient
let transactional: boolean

beforeAll(async () => {
  payload = await startTestPayload('page-invalidation')
  await seedDemoContent(payload)
  const found = await payload.find({ collection: slugs.tools, where: { slug: { equals: 'ollama' } } })
  ollama = (found.docs[0] as unknown as { id: Id }).id
  rest = restClient(payload)
  // Whether this database runs writes in transactions at all (SQLite may run without).
  const transactionID = await payload.db.beginTransaction()
  transactional = Boolean(transactionID)
  if (transactionID) {
    await payload.db.rollbackTransaction(transactionID)
  }
})

afterAll(async () => {
  await payload?.destroy()
})

const taglineOnPage = async () => (await rest.request<{ tagline: string }>('GET', '/public/tools/ollama')).body.tagline

describe('a cached page and a change inside a transaction', () => {
  it('is rebuilt from the committed change, not from what a reader saw before the commit', async () => {
    await payload.update({ collection: slugs.tools, data: { tagline: 'First line' }, id: ollama })
    expect(await taglineOnPage()).toBe('First line')

    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    try {
      await payload.update({ collection: slugs.tools, data: { tagline: 'Second line' }, id: ollama, req })
      // A reader meanwhile: with a transaction open it still sees (and may cache) the first line.
      expect(await taglineOnPage()).toBe(transactional ? 'First line' : 'Second line')
      await commitTransaction(req)
    } catch (error) {
      await killTransaction(req)
      throw error
    }
    expect(await taglineOnPage()).toBe('Second line')
  })

  it('a rolled-back change leaves the cached page as it was', async () => {
    expect(await taglineOnPage()).toBe('Second line')
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    await payload.update({ collection: slugs.tools, data: { tagline: 'Never committed' }, id: ollama, req })
    await killTransaction(req)
    expect(await taglineOnPage()).toBe(transactional ? 'Second line' : 'Never committed')
  })
})
