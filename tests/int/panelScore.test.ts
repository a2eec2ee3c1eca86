import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Fixtures, Id } from '../helpers/fixtures.ts'

import { reconcileScores } from '../../src/scores/reconcile.ts'
import { reviewerData, verdictData } from '../helpers/createData.ts'
import { createFixtures, quote, slugs } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { expectScoresExact, storedScore } from '../helpers/scores.ts'

let payload: Payload
let fixtures: Fixtures
let personas: Id[]

beforeAll(async () => {
  payload = await startTestPayload('panel-score')
  fixtures = await createFixtures(payload)
  personas = [fixtures.personaIds.skeptic, fixtures.personaIds.other]
  for (const name of ['The Buyer', 'The Builder']) {
    const persona = await payload.create({ collection: slugs.reviewers, data: reviewerData({ lens: name, name }) })
    personas.push((persona as unknown as { id: Id }).id)
  }
})

afterAll(async () => {
  await payload?.destroy()
})

const allTools = () => Object.values(fixtures.toolIds)

async function draftVerdict(persona: Id, tool: Id, decision: 'ship' | 'skip'): Promise<Id> {
  const verdict = await payload.create({
    collection: slugs.verdicts,
    data: verdictData({ decision, quote: quote(`${decision} it`), reviewer: persona, tool }),
  })
  return (verdict as unknown as { id: Id }).id
}

const publish = (id: Id, data: Record<string, unknown> = {}) =>
  payload.update({ collection: slugs.verdicts, data: { ...data, _status: 'published' }, id })
const unpublish = (id: Id) => payload.update({ collection: slugs.verdicts, data: { _status: 'draft' }, id })
const saveDraft = (id: Id, data: Record<string, unknown>) =>
  payload.update({ collection: slugs.verdicts, data: data, draft: true, id })

const historyCount = async (tool: Id) =>
  (await payload.count({ collection: slugs.scoreHistory, where: { tool: { equals: tool } } })).totalDocs

describe('panel ship % follows the published verdicts', () => {
  const ids: Id[] = []

  it('counts nothing for drafts', async () => {
    const { alpha } = fixtures.toolIds
    ids.push(await draftVerdict(personas[0], alpha, 'ship'))
    ids.push(await draftVerdict(personas[1], alpha, 'ship'))
    ids.push(await draftVerdict(personas[2], alpha, 'ship'))
    ids.push(await draftVerdict(personas[3], alpha, 'skip'))
    expect(await storedScore(payload, alpha)).toEqual({ percent: null, ship: 0, skip: 0, total: 0 })
    expect(await historyCount(alpha)).toBe(0)
  })

  it('counts each publish: 3 ship and 1 skip is 75%', async () => {
    for (const id of ids) {
      await publish(id)
    }
    expect(await storedScore(payload, fixtures.toolIds.alpha)).toEqual({ percent: 75, ship: 3, skip: 1, total: 4 })
  })

  it('drops an unpublished verdict', async () => {
    await unpublish(ids[3])
    expect(await storedScore(payload, fixtures.toolIds.alpha)).toEqual({ percent: 100, ship: 3, skip: 0, total: 3 })
    await publish(ids[3])
    await expectScoresExact(payload, allTools())
  })

  it('ignores a draft saved over a published verdict until it is published', async () => {
    const historyBefore = await historyCount(fixtures.toolIds.alpha)
    await saveDraft(ids[0], { decision: 'skip' })
    expect(await storedScore(payload, fixtures.toolIds.alpha)).toEqual({ percent: 75, ship: 3, skip: 1, total: 4 })
    expect(await historyCount(fixtures.toolIds.alpha)).toBe(historyBefore)
    await publish(ids[0], { decision: 'skip' })
    expect(await storedScore(payload, fixtures.toolIds.alpha)).toEqual({ percent: 50, ship: 2, skip: 2, total: 4 })
  })

  it('follows a published edit that flips the decision back', async () => {
    await publish(ids[0], { decision: 'ship' })
    expect(await storedScore(payload, fixtures.toolIds.alpha)).toMatchObject({ percent: 75, ship: 3 })
  })

  it('moves a verdict between tools, leaving both exact', async () => {
    await publish(ids[1], { tool: fixtures.toolIds.beta })
    expect(await storedScore(payload, fixtures.toolIds.alpha)).toMatchObject({ percent: 67, total: 3 })
    expect(await storedScore(payload, fixtures.toolIds.beta)).toMatchObject({ percent: 100, total: 1 })
    await expectScoresExact(payload, allTools())
  })

  it('moves a verdict through a draft, recounting the tool it left once published', async () => {
    await saveDraft(ids[1], { tool: fixtures.toolIds.gamma })
    expect(await storedScore(payload, fixtures.toolIds.beta)).toMatchObject({ total: 1 })
    await publish(ids[1], { tool: fixtures.toolIds.gamma })
    expect(await storedScore(payload, fixtures.toolIds.beta)).toEqual({ percent: null, ship: 0, skip: 0, total: 0 })
    expect(await storedScore(payload, fixtures.toolIds.gamma)).toMatchObject({ percent: 100, total: 1 })
    await expectScoresExact(payload, allTools())
  })

  it('drops a deleted published verdict', async () => {
    await payload.delete({ collection: slugs.verdicts, id: ids[3] })
    expect(await storedScore(payload, fixtures.toolIds.alpha)).toEqual({ percent: 100, ship: 2, skip: 0, total: 2 })
  })

  it('drops the verdicts of a deleted persona', async () => {
    await payload.delete({ collection: slugs.reviewers, id: personas[2] })
    expect(await storedScore(payload, fixtures.toolIds.alpha)).toEqual({ percent: 100, ship: 1, skip: 0, total: 1 })
    const remaining = await payload.count({ collection: slugs.verdicts, where: { reviewer: { equals: personas[2] } } })
    expect(remaining.totalDocs).toBe(0)
    await expectScoresExact(payload, allTools())
  })
})

describe('score history', () => {
  it("explains every change of a tool's panel score, oldest first", async () => {
    const { docs } = await payload.find({
      collection: slugs.scoreHistory,
      limit: 100,
      sort: 'createdAt',
      where: { and: [{ tool: { equals: fixtures.toolIds.alpha } }, { kind: { equals: 'panel' } }] },
    })
    const steps = (
      docs as unknown as Array<{ action: string; from: { percent: null | number }; to: { percent: null | number } }>
    ).map((entry) => `${entry.action}: ${entry.from.percent ?? '—'} → ${entry.to.percent ?? '—'}`)
    expect(steps).toEqual([
      'publish: — → 100',
      'publish: 100 → 100',
      'publish: 100 → 100',
      'publish: 100 → 75',
      'unpublish: 75 → 100',
      'publish: 100 → 75',
      'publish: 75 → 50', // a draft that flipped the decision went live
      'edit: 50 → 75',
      'move: 75 → 67',
      'delete: 67 → 100',
      'persona-deleted: 100 → 100',
    ])
  })

  it('names the verdict and the cause in a readable summary', async () => {
    const { docs } = await payload.find({
      collection: slugs.scoreHistory,
      limit: 1,
      sort: 'createdAt',
      where: { tool: { equals: fixtures.toolIds.alpha } },
    })
    expect((docs[0] as unknown as { summary: string }).summary).toBe(
      'Alpha Coder panel: — (0/0) → 100% (1/1) on publish of "The Skeptic on Alpha Coder"',
    )
  })

  it('cannot be written, edited or deleted through the API', async () => {
    const { docs } = await payload.find({ collection: slugs.scoreHistory, limit: 1 })
    const id = (docs[0] as unknown as { id: Id }).id
    const admin = await payload.findByID({ collection: slugs.users, id: fixtures.userIds.admin })
    await expect(
      payload.update({
        collection: slugs.scoreHistory,
        data: { summary: 'rewritten' },
        id,
        overrideAccess: false,
        user: admin,
      }),
    ).rejects.toThrow(/not allowed/i)
    await expect(
      payload.delete({ collection: slugs.scoreHistory, id, overrideAccess: false, user: admin }),
    ).rejects.toThrow(/not allowed/i)
    await expect(
      payload.create({
        collection: slugs.scoreHistory,
        data: { action: 'vote', kind: 'panel', tool: fixtures.toolIds.alpha },
        overrideAccess: false,
        user: admin,
      }),
    ).rejects.toThrow(/not allowed/i)
  })
})

describe('reconcile', () => {
  it('finds a stored figure that drifted, and fixes it', async () => {
    const { alpha } = fixtures.toolIds
    await payload.db.updateOne({
      collection: slugs.tools,
      data: { panelScore: { percent: 10, ship: 9, skip: 81, total: 90 } },
      id: alpha,
    })
    const check = await reconcileScores(payload, { fix: false })
    expect(check.drift).toEqual([
      expect.objectContaining({
        actual: { percent: 100, ship: 1, skip: 0, total: 1 },
        kind: 'panel',
        tool: 'alpha-coder',
      }),
    ])
    expect(await storedScore(payload, alpha)).toMatchObject({ total: 90 })

    const fixed = await reconcileScores(payload, { fix: true })
    expect(fixed.drift).toHaveLength(1)
    await expectScoresExact(payload, allTools())
    expect((await reconcileScores(payload, { fix: false })).drift).toEqual([])
  })
})
