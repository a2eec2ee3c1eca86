import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import type { Id } from '../../src/domain/ids.ts'

import { countStatements, isSqlAdapter } from '../../bench/statements.ts'
import { seedDemoContent } from '../../src/demo/seedDemoContent.ts'
import { pageCacheOf } from '../../src/public/pageCache.ts'
import { openPageStore, pageStoreOf, storedPagesSettled } from '../../src/public/pageStore.ts'
import { rollsBackWrites, testDatabaseUri } from '../helpers/database.ts'
import { slugs } from '../helpers/fixtures.ts'
import { startSecondInstance, startTestPayload } from '../helpers/payload.ts'

/**
 * Two Payload instances on one database stand for two servers without Redis between them.
 * "Fresh" is a server whose memory does not hold the page (started since, or the page was
 * let go): it reads the page stored in the database (src/public/pageStore.ts), or builds it.
 */
let a: Payload
let b: Payload
const tool = 'code-llama-4-70b-400b'
let toolId: Id
let matchupSlugs: string[]

beforeAll(async () => {
  const databaseUri = testDatabaseUri('stored-pages')
  a = await startTestPayload('stored-pages', { databaseUri })
  await seedDemoContent(a)
  b = await startSecondInstance(databaseUri)
  const found = await a.find({ collection: slugs.tools, where: { slug: { equals: tool } } })
  toolId = (found.docs[0] as unknown as { id: Id }).id
  const matchups = await a.find({ collection: slugs.matchups, limit: 0, sort: 'slug' })
  matchupSlugs = (matchups.docs as unknown as Array<{ slug: string }>)
    .map((matchup) => matchup.slug)
    .filter((slug) => slug.includes(tool))
})

afterAll(async () => {
  await b?.destroy()
  await a?.destroy()
})

type Answer = { etag: null | string; status: number; text: string }

/** A public page as the server `instance` answers it, its memory emptied first. */
async function freshRead(instance: Payload, kind: 'matchups' | 'tools', slug: string): Promise<Answer> {
  pageCacheOf(instance).clear()
  const endpoint = instance.config.endpoints.find((candidate) => candidate.path === `/public/${kind}/:slug`)!
  const response = await endpoint.handler({
    headers: new Headers(),
    payload: instance,
    routeParams: { slug },
    url: `http://localhost/api/public/${kind}/${slug}`,
  } as never)
  return { etag: response.headers.get('etag'), status: response.status, text: await response.text() }
}

const taglineOf = (answer: Answer, slug = tool) => {
  const page = JSON.parse(answer.text) as { tagline?: string; tools?: Array<{ slug: string; tagline: string }> }
  return page.tools ? page.tools.find((entry) => entry.slug === slug)?.tagline : page.tagline
}

const setTagline = (tagline: string, req?: Awaited<ReturnType<typeof createLocalReq>>) =>
  a.update({ collection: slugs.tools, data: { tagline }, id: toolId, req })

describe('public pages stored in the database', () => {
  it('serves a page another server built exactly as built, and reads one row for it on SQL databases', async () => {
    const built = await freshRead(a, 'matchups', matchupSlugs[0])
    expect(built.status).toBe(200)
    await storedPagesSettled(a)
    const served = await freshRead(b, 'matchups', matchupSlugs[0])
    expect(served).toEqual(built)
    if (isSqlAdapter(b) && (await pageStoreOf(b))) {
      const { queries } = await countStatements(b, () => freshRead(b, 'matchups', matchupSlugs[0]))
      expect(queries).toHaveLength(1)
      expect(queries[0]).toMatch(/from "public_pages"/)
    }
  })

  it('shows a change made on another server at once, to a server that does not hold the page in memory', async () => {
    await freshRead(b, 'tools', tool)
    await freshRead(b, 'matchups', matchupSlugs[0])
    await storedPagesSettled(b)
    await setTagline('Edited on server A')
    expect(taglineOf(await freshRead(b, 'tools', tool))).toBe('Edited on server A')
    expect(taglineOf(await freshRead(b, 'matchups', matchupSlugs[0]))).toBe('Edited on server A')
  })

  it('never keeps a page read while another server had the change open but not committed', async () => {
    const transactional = await rollsBackWrites(a)
    await setTagline('Before the change')
    // Stored before the change: the tool page and one comparison; another comparison never read.
    await freshRead(b, 'tools', tool)
    await freshRead(b, 'matchups', matchupSlugs[0])
    await storedPagesSettled(b)

    const req = await createLocalReq({}, a)
    await initTransaction(req)
    try {
      await setTagline('Committed later', req)
      // Server B reads meanwhile: it sees what is committed, and may try to store it.
      for (const [kind, slug] of [
        ['tools', tool],
        ['matchups', matchupSlugs[0]],
        ['matchups', matchupSlugs[1]],
      ] as const) {
        expect(taglineOf(await freshRead(b, kind, slug))).toBe(transactional ? 'Before the change' : 'Committed later')
      }
      await commitTransaction(req)
    } catch (error) {
      await killTransaction(req)
      throw error
    }
    await storedPagesSettled(b)
    for (const instance of [a, b]) {
      expect(taglineOf(await freshRead(instance, 'tools', tool))).toBe('Committed later')
      expect(taglineOf(await freshRead(instance, 'matchups', matchupSlugs[0]))).toBe('Committed later')
      expect(taglineOf(await freshRead(instance, 'matchups', matchupSlugs[1]))).toBe('Committed later')
    }
  })

  it('stores no page for an unknown or unpublished slug', async () => {
    expect((await freshRead(b, 'matchups', 'no-such-matchup')).status).toBe(404)
    await storedPagesSettled(b)
    expect((await freshRead(a, 'matchups', 'no-such-matchup')).status).toBe(404)
  })
})

describe("the store's rules, on every database (also where pages are not stored: FerretDB v1)", () => {
  it('keeps a body only under the version read before it was built', async () => {
    const store = (await openPageStore(a))!
    expect(await store.read('tool:never-stored')).toBeNull()

    // No row yet: the first save stores; a second one (a row appeared meanwhile) does nothing.
    await store.save('tool:rules-a', null, '{"first":true}', ['tool:rules-a'])
    await store.save('tool:rules-a', null, '{"second":true}', ['tool:rules-a'])
    const first = await store.read('tool:rules-a')
    expect(first).toEqual({ body: '{"first":true}', tags: ['tool:rules-a'], version: expect.any(String) })

    // A change: new version, no body. A page built from before it is not kept; one built after is.
    await store.bump(['tool:rules-a', 'matchup:rules-b'])
    const stale = await store.read('tool:rules-a')
    expect(stale).toEqual({ body: null, tags: ['tool:rules-a'], version: expect.any(String) })
    expect(stale!.version).not.toBe(first!.version)
    await store.save('tool:rules-a', first, '{"built before":true}', ['tool:rules-a'])
    expect((await store.read('tool:rules-a'))!.body).toBeNull()
    await store.save('tool:rules-a', stale, '{"built after":true}', ['tool:rules-a', 'matchup:x'])
    expect(await store.read('tool:rules-a')).toEqual({
      body: '{"built after":true}',
      tags: ['tool:rules-a', 'matchup:x'],
      version: stale!.version,
    })

    // A change to a page nobody had stored leaves a row without a body, so a reader that saw
    // no row (before the change) cannot store what it built.
    expect((await store.read('matchup:rules-b'))!.body).toBeNull()
    await store.save('matchup:rules-b', null, '{"built before":true}', ['matchup:rules-b'])
    expect((await store.read('matchup:rules-b'))!.body).toBeNull()
  })
})
