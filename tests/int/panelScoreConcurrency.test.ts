import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { createLocalReq } from 'payload'

import type { Fixtures, Id } from '../helpers/fixtures.ts'
import type { RestClient } from '../helpers/rest.ts'

import { pluginOptionsOf } from '../../src/pluginOptions.ts'
import { recomputeToolScore } from '../../src/scores/recomputeToolScore.ts'
import { reviewerData } from '../helpers/createData.ts'
import { accounts, createFixtures, password, quote, slugs } from '../helpers/fixtures.ts'
import { testDatabaseUri } from '../helpers/database.ts'
import { startSecondInstance, startTestPayload } from '../helpers/payload.ts'
import { restClient, tokenFor } from '../helpers/rest.ts'
import { expectScoresExact, storedScore } from '../helpers/scores.ts'

const databaseUri = testDatabaseUri('panel-score-concurrency')
let payload: Payload
let secondInstance: Payload
let fixtures: Fixtures
let rest: RestClient
let editorToken: string

beforeAll(async () => {
  payload = await startTestPayload('panel-score-concurrency', { databaseUri })
  secondInstance = await startSecondInstance(databaseUri)
  fixtures = await createFixtures(payload)
  rest = restClient(payload)
  editorToken = await tokenFor(payload, accounts.editor.email, password)
})

afterAll(async () => {
  await secondInstance?.destroy()
  await payload?.destroy()
})

/** `count` personas with one approved, unpublished verdict each on `tool`; every third one a skip. */
async function draftVerdicts(prefix: string, tool: Id, count: number): Promise<Id[]> {
  const ids: Id[] = []
  for (let index = 0; index < count; index += 1) {
    const persona = await payload.create({
      collection: slugs.reviewers,
      data: reviewerData({ lens: 'load', name: `${prefix} ${index}` }),
    })
    const verdict = await payload.create({
      collection: slugs.verdicts,
      data: {
        decision: index % 3 === 0 ? 'skip' : 'ship',
        quote: quote(`Verdict ${index}`),
        workflowStage: 'approved',
        reviewer: (persona as unknown as { id: Id }).id,
        tool,
      },
    })
    ids.push((verdict as unknown as { id: Id }).id)
  }
  return ids
}

/** Publishes or unpublishes through the workflow endpoint, as the admin's buttons do. */
const setStatus = (id: Id, status: 'draft' | 'published') =>
  rest.request('POST', `/${slugs.verdicts}/${id}/workflow`, {
    body: { action: status === 'published' ? 'publish' : 'unpublish' },
    token: editorToken,
  })

describe('panel score under concurrent writes', () => {
  it('stays exact when 100 verdicts of one tool are published at once, with unpublishes interleaved', async () => {
    const { alpha } = fixtures.toolIds
    const ids = await draftVerdicts('Load persona', alpha, 100)
    const alreadyLive = ids.slice(0, 20)
    for (const id of alreadyLive) {
      expect((await setStatus(id, 'published')).status).toBe(200)
    }

    const toPublish = ids.slice(20)
    const toUnpublish = alreadyLive.slice(0, 10)
    const writes = [
      ...toPublish.map((id) => setStatus(id, 'published')),
      ...toUnpublish.map((id) => setStatus(id, 'draft')),
    ]
    const statuses = (await Promise.all(writes)).map((response) => response.status)
    expect(statuses.every((status) => status === 200)).toBe(true)

    await expectScoresExact(payload, [alpha])
    // 90 published: ids 10..99, of which every third index (12, 15, …, 99) is a skip.
    const skips = ids.slice(10).filter((_, offset) => (offset + 10) % 3 === 0).length
    expect(await storedScore(payload, alpha)).toEqual({
      percent: Math.round((100 * (90 - skips)) / 90),
      ship: 90 - skips,
      skip: skips,
      total: 90,
    })
  })

  it("stays exact when two Payload instances on one database publish the same tool's verdicts at once", async () => {
    const { beta } = fixtures.toolIds
    const ids = await draftVerdicts('Shared persona', beta, 40)
    const editor = await payload.findByID({ collection: slugs.users, id: fixtures.userIds.editor })
    const publishOn = (instance: Payload, id: Id) =>
      instance.update({
        collection: slugs.verdicts,
        data: { _status: 'published' },
        id,
        overrideAccess: false,
        user: editor,
      })
    await Promise.all(ids.map((id, index) => publishOn(index % 2 === 0 ? payload : secondInstance, id)))

    await expectScoresExact(payload, [beta])
    expect(await storedScore(secondInstance, beta)).toEqual(await storedScore(payload, beta))
    expect((await storedScore(payload, beta)).total).toBe(40)
  })

  it('corrects a recount that read an older snapshot and wrote after a newer one', async () => {
    const { gamma } = fixtures.toolIds
    const [first, second] = await draftVerdicts('Race persona', gamma, 2)
    await setStatus(first, 'published')
    // Pretend the stored figure is behind, so the slow recount below has something to write.
    await payload.db.updateOne({
      collection: slugs.tools,
      data: { panelScore: { percent: null, ship: 0, skip: 0, total: 0 } },
      id: gamma,
    })

    // A slow recount: it counts (seeing `first` only), then stalls just before writing.
    const slowReq = await createLocalReq({}, payload)
    let reachedStall!: () => void
    const atStall = new Promise<void>((resolve) => (reachedStall = resolve))
    let releaseStall!: () => void
    let stalled = false
    const stall = new Promise<void>((resolve) => (releaseStall = resolve))
    // The recount writes the tool's figures through the adapter: its first write stalls.
    const update = payload.db.updateOne.bind(payload.db)
    const spy = jest.spyOn(payload.db, 'updateOne').mockImplementation((async (
      options: Parameters<Payload['db']['updateOne']>[0],
    ) => {
      if (options.req === slowReq && !stalled) {
        stalled = true
        reachedStall()
        await stall
      }
      return update(options)
    }) as Payload['db']['updateOne'])
    const slowRecount = recomputeToolScore(slowReq, pluginOptionsOf(payload), gamma, 'panel', { action: 'reconcile' })
    await atStall

    // Meanwhile a second verdict is published and recounted in full.
    await setStatus(second, 'published')
    expect((await storedScore(payload, gamma)).total).toBe(2)

    // The slow recount now writes its stale figure, then must notice and correct it.
    releaseStall()
    await slowRecount
    spy.mockRestore()
    await expectScoresExact(payload, [gamma])
    expect((await storedScore(payload, gamma)).total).toBe(2)
  })
})
