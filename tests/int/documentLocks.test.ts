import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Fixtures, Id } from '../helpers/fixtures.ts'

import { lockedDocumentsSlug } from '../../src/access/documentLocks.ts'
import { createFixtures, quote, slugs } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { verdictData } from '../helpers/createData.ts'

/**
 * "Document locked … Take over" only for people who could edit the document (issue 17):
 * Payload's document view reads locks with the user's access, so these rules decide it.
 */
let payload: Payload
let fixtures: Fixtures
let verdictId: Id

const asUser = async (name: keyof Fixtures['userIds']) =>
  ({
    ...(await payload.findByID({ collection: slugs.users, id: fixtures.userIds[name] })),
    collection: slugs.users,
  }) as never

beforeAll(async () => {
  payload = await startTestPayload('document-locks')
  fixtures = await createFixtures(payload)
  const verdict = await payload.create({
    collection: slugs.verdicts,
    data: verdictData({
      decision: 'ship',
      quote: quote('Holds up.'),
      reviewer: fixtures.personaIds.skeptic,
      tool: fixtures.toolIds.alpha,
    }),
  })
  verdictId = (verdict as { id: Id }).id
  // The editor is editing the verdict.
  await payload.create({
    collection: lockedDocumentsSlug,
    data: {
      document: { relationTo: slugs.verdicts, value: verdictId },
      user: { relationTo: slugs.users, value: fixtures.userIds.editor },
    },
    overrideAccess: false,
    user: await asUser('editor'),
  })
})

afterAll(async () => {
  await payload?.destroy()
})

const locksSeenBy = async (name: keyof Fixtures['userIds']) =>
  (
    await payload.find({
      collection: lockedDocumentsSlug,
      overrideAccess: false,
      user: await asUser(name),
      where: { 'document.relationTo': { equals: slugs.verdicts }, 'document.value': { equals: verdictId } },
    })
  ).totalDocs

describe('document locks', () => {
  it('shows the editor’s lock to the admin (who could take over), not to a reviewer (who cannot edit verdicts)', async () => {
    expect(await locksSeenBy('admin')).toBe(1)
    expect(await locksSeenBy('editor')).toBe(1)
    expect(await locksSeenBy('reviewer')).toBe(0)
  })

  it('refuses a reviewer a lock on a verdict they cannot edit', async () => {
    await expect(
      payload.create({
        collection: lockedDocumentsSlug,
        data: {
          document: { relationTo: slugs.verdicts, value: verdictId },
          user: { relationTo: slugs.users, value: fixtures.userIds.reviewer },
        },
        overrideAccess: false,
        user: await asUser('reviewer'),
      }),
    ).rejects.toThrow(/not allowed/i)
  })
})
