import type { CollectionAfterChangeHook, Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { APIError } from 'payload'

import type { Fixtures, Id } from '../helpers/fixtures.ts'
import type { RestClient } from '../helpers/rest.ts'

import { rollsBackWrites } from '../helpers/database.ts'
import { accounts, createFixtures, password, quote, slugs } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient, tokenFor, workflowAction } from '../helpers/rest.ts'

/**
 * Finding 3: a refused write leaves nothing behind, on every database that has
 * transactions (the embedded SQLite included). A hook that fails after the document was
 * written must roll the document back.
 */
const failAfterWriteMarker = 'FAIL-AFTER-WRITE'

/** Stands for any hook that fails after the row is written (a recount, a history entry). */
const failAfterWrite: CollectionAfterChangeHook = ({ doc }) => {
  if (JSON.stringify(doc.quote ?? '').includes(failAfterWriteMarker)) {
    throw new APIError('refused after the write, as a failing hook would', 422)
  }
  return doc
}

let payload: Payload
let fixtures: Fixtures
let rest: RestClient
let editor: string
let reviewer: string

beforeAll(async () => {
  payload = await startTestPayload('security-atomicity', {
    plugin: {
      overrideCollections: {
        verdicts: ({ defaultCollection }) => ({
          ...defaultCollection,
          hooks: {
            ...defaultCollection.hooks,
            afterChange: [...(defaultCollection.hooks?.afterChange ?? []), failAfterWrite],
          },
        }),
      },
    },
  })
  fixtures = await createFixtures(payload)
  rest = restClient(payload)
  editor = await tokenFor(payload, accounts.editor.email, password)
  reviewer = await tokenFor(payload, accounts.reviewer.email, password)
})

afterAll(async () => {
  await payload?.destroy()
})

async function verdictInReview(): Promise<Id> {
  const verdict = await payload.create({
    collection: slugs.verdicts,
    data: {
      createdBy: fixtures.userIds.editor,
      decision: 'ship',
      quote: quote('Atomicity check.'),
      reviewer: fixtures.personaIds.skeptic,
      tool: fixtures.toolIds.alpha,
      workflowStage: 'in_review',
    },
  })
  return (verdict as unknown as { id: Id }).id
}

async function historyOf(id: Id): Promise<number> {
  const { totalDocs } = await payload.count({
    collection: slugs.workflowEvents,
    where: { and: [{ 'document.relationTo': { equals: slugs.verdicts } }, { 'document.value': { equals: id } }] },
  })
  return totalDocs
}

describe('refused writes leave nothing behind', () => {
  it('refuses an over-long change request before writing: 400 naming the comment, stage and history unchanged', async () => {
    const id = await verdictInReview()
    const before = await historyOf(id)
    const response = await workflowAction(rest, slugs.verdicts, id, 'request_changes', reviewer, 'x'.repeat(40_001))
    expect(response.status).toBe(400)
    expect(response.body.errors?.[0]).toMatchObject({ field: 'comment' })
    const stored = (await payload.findByID({
      collection: slugs.verdicts,
      draft: true,
      id,
    })) as unknown as Record<string, unknown>
    expect(stored.workflowStage).toBe('in_review')
    expect(await historyOf(id)).toBe(before)
  })

  it('rolls back a created verdict when a hook fails after the write', async () => {
    if (!(await rollsBackWrites(payload))) {
      // FerretDB v1 / a standalone MongoDB: no transactions (README, Databases).
      return
    }
    const response = await rest.request('POST', `/${slugs.verdicts}`, {
      body: {
        decision: 'ship',
        quote: quote(`${failAfterWriteMarker} please`),
        reviewer: fixtures.personaIds.other,
        tool: fixtures.toolIds.gamma,
      },
      token: editor,
    })
    expect(response.status).toBe(422)
    const { totalDocs } = await payload.count({
      collection: slugs.verdicts,
      where: {
        and: [{ tool: { equals: fixtures.toolIds.gamma } }, { reviewer: { equals: fixtures.personaIds.other } }],
      },
    })
    expect(totalDocs).toBe(0)
  })

  it('has transactions on SQLite too', async () => {
    if (payload.db.name === 'sqlite') {
      expect(await rollsBackWrites(payload)).toBe(true)
      const id = await payload.db.beginTransaction()
      expect(id).toBeTruthy()
      await payload.db.rollbackTransaction(id!)
    }
  })

  it('keeps concurrent writes of one process working with transactions on', async () => {
    const names = Array.from({ length: 25 }, (_, index) => `Concurrent tool ${index}`)
    const created = await Promise.all(
      names.map((name) =>
        rest.request('POST', `/${slugs.tools}`, { body: { name, pricing: { tier: 'free' } }, token: editor }),
      ),
    )
    expect(created.map((response) => response.status)).toEqual(names.map(() => 201))
  })
})
