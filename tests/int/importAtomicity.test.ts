import type { CollectionBeforeChangeHook, CollectionSlug, Payload, Where } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { formatImportReport } from '../../src/importer/formatReport.ts'
import { importPages } from '../../src/importer/importPages.ts'
import { rollsBackWrites } from '../helpers/database.ts'
import { slugs } from '../helpers/fixtures.ts'
import { fixturePage } from '../helpers/importPages.ts'
import { startTestPayload } from '../helpers/payload.ts'

/** A matchup store that fails for one page: the last write of that page. */
const failForOnePage: CollectionBeforeChangeHook = ({ data }) => {
  if ((data.source as undefined | { file?: string })?.file === 'fails-late.txt') {
    throw new Error('the matchup store is unavailable')
  }
  return data
}

let payload: Payload

beforeAll(async () => {
  payload = await startTestPayload('import-atomicity', {
    plugin: {
      overrideCollections: {
        matchups: ({ defaultCollection }) => ({
          ...defaultCollection,
          hooks: {
            ...defaultCollection.hooks,
            beforeChange: [...(defaultCollection.hooks?.beforeChange ?? []), failForOnePage],
          },
        }),
      },
    },
  })
})

afterAll(async () => {
  await payload?.destroy()
})

const count = async (collection: CollectionSlug, where?: Where) =>
  (await payload.count({ collection: collection, where: where })).totalDocs

describe('a page that fails while it is being written', () => {
  it('leaves nothing behind, and the next page still imports', async () => {
    const failing = { ...fixturePage('different-panels.txt'), path: 'fails-late.txt' }
    const report = await importPages(payload, [failing, fixturePage('unknown-voice.txt')], { publish: true })
    expect(report.pages.map((page) => page.outcome)).toEqual(['failed', 'imported'])
    if (!(await rollsBackWrites(payload))) {
      // Limitation: without transactions (FerretDB v1, a standalone MongoDB) what the page
      // wrote before the failure stays, and the report says so (README, Databases).
      expect(report.pages[0]).toMatchObject({
        atomic: false,
        error: { line: null, message: 'the matchup store is unavailable' },
      })
      expect(formatImportReport(report)).toContain(
        'this database has no transactions: records written before the failure remain',
      )
      return
    }
    expect(report.pages[0]).toMatchObject({
      atomic: true,
      error: { line: null, message: 'the matchup store is unavailable' },
    })

    // Its tools, category, verdicts, their score history and workflow events were all rolled back.
    expect(await count(slugs.tools, { slug: { in: ['alpha-coder', 'beta-chat'] } })).toBe(0)
    expect(await count(slugs.categories, { slug: { equals: 'chat-assistants' } })).toBe(0)
    expect(await count(slugs.verdicts, { 'source.file': { equals: 'fails-late.txt' } })).toBe(0)
    expect(await count(slugs.workflowEvents, { comment: { like: 'fails-late.txt' } })).toBe(0)
    // The other page is whole.
    expect(await count(slugs.tools)).toBe(2)
    expect(await count(slugs.verdicts)).toBe(6)
    expect(await count(slugs.matchups)).toBe(1)
    expect(await count(slugs.scoreHistory)).toBe(6)
  })
})
