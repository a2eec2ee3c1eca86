import type { CollectionSlug, Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { PublicMatchupPage } from '../../src/public/pages.ts'
import type { RestClient } from '../helpers/rest.ts'

import { demoPassword } from '../../src/demo/demoContent.ts'
import { seedDemoContent } from '../../src/demo/seedDemoContent.ts'
import { testDatabaseUri } from '../helpers/database.ts'
import { quote, slugs } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient, tokenFor } from '../helpers/rest.ts'
import type { Id } from '../../src/domain/ids.ts'

/**
 * `GET /api/matchups/:id/preview` is what live preview renders: the page as it will read
 * once the drafts are published, for the editorial team only.
 */
type Preview = PublicMatchupPage & { preview: true }

let payload: Payload
let rest: RestClient
let editorToken: string
let matchupId: Id

const idBySlug = async (collection: CollectionSlug, slug: string): Promise<Id> =>
  (
    (await payload.find({ collection: collection, where: { slug: { equals: slug } } })).docs[0] as unknown as {
      id: Id
    }
  ).id
const row = (page: PublicMatchupPage) =>
  page.scorecard.map((entry) => `${entry.reviewer.slug}:${entry.tool}:${entry.decision}`)

beforeAll(async () => {
  payload = await startTestPayload('matchup-preview', { databaseUri: testDatabaseUri('matchup-preview') })
  await seedDemoContent(payload)
  rest = restClient(payload)
  editorToken = await tokenFor(payload, 'editor@verdicts.test', demoPassword)
  matchupId = await idBySlug(slugs.matchups, 'ollama-vs-openrouter')
})

afterAll(async () => {
  await payload?.destroy()
})

describe('matchup preview', () => {
  it('refuses anonymous callers with 401 and a message saying what to do', async () => {
    const response = await rest.request<{ errors: Array<{ message: string }> }>(
      'GET',
      `/${slugs.matchups}/${matchupId}/preview`,
    )
    expect(response.status).toBe(401)
    expect(response.body.errors[0].message).toMatch(/sign in/)
  })

  it('matches the public page while nothing is pending, and is never cached', async () => {
    const [preview, published] = await Promise.all([
      rest.request<Preview>('GET', `/${slugs.matchups}/${matchupId}/preview`, { token: editorToken }),
      rest.request<PublicMatchupPage>('GET', '/public/matchups/ollama-vs-openrouter'),
    ])
    expect(preview.status).toBe(200)
    expect(preview.headers.get('cache-control')).toBe('private, no-store')
    const { preview: flag, ...page } = preview.body
    expect(flag).toBe(true)
    expect(page).toEqual(published.body)
  })

  it('shows a drafted flip and its panel figure, while the public page keeps the published one', async () => {
    const skeptic = await idBySlug(slugs.reviewers, 'skeptic')
    const openrouter = await idBySlug(slugs.tools, 'openrouter')
    const verdict = (
      await payload.find({
        collection: slugs.verdicts,
        where: { and: [{ reviewer: { equals: skeptic } }, { tool: { equals: openrouter } }] },
      })
    ).docs[0] as unknown as { decision: string; id: Id }
    expect(verdict.decision).toBe('skip')
    const saved = await rest.request('PATCH', `/${slugs.verdicts}/${verdict.id}?draft=true`, {
      body: { decision: 'ship', quote: quote('On reflection the routing layer holds up.') },
      token: editorToken,
    })
    expect(saved.status).toBe(200)

    const preview = (
      await rest.request<Preview>('GET', `/${slugs.matchups}/${matchupId}/preview`, { token: editorToken })
    ).body
    const published = (await rest.request<PublicMatchupPage>('GET', '/public/matchups/ollama-vs-openrouter')).body
    expect(row(preview)).toContain('skeptic:openrouter:ship')
    expect(
      preview.scorecard.find((entry) => entry.reviewer.slug === 'skeptic' && entry.tool === 'openrouter')?.quote.html,
    ).toContain('routing layer holds up')
    expect(preview.tools[1].panel).toEqual({ percent: 100, ship: 3, skip: 0, total: 3 })
    expect(row(published)).toContain('skeptic:openrouter:skip')
    expect(published.tools[1].panel.percent).toBe(67)
  })

  it('previews a matchup that was never published, which the public API does not know', async () => {
    const created = await rest.request<{ doc: { id: Id; slug: string } }>('POST', `/${slugs.matchups}?draft=true`, {
      body: {
        leftTool: await idBySlug(slugs.tools, 'openrouter'),
        rightTool: await idBySlug(slugs.tools, 'mistral-next-22b'),
      },
      token: editorToken,
    })
    expect(created.status).toBe(201)
    const preview = await rest.request<Preview>('GET', `/${slugs.matchups}/${created.body.doc.id}/preview`, {
      token: editorToken,
    })
    expect(preview.status).toBe(200)
    expect(preview.body.tools.map((tool) => tool.slug)).toEqual(['openrouter', 'mistral-next-22b'])
    expect((await rest.request('GET', `/public/matchups/${created.body.doc.slug}`)).status).toBe(404)
  })

  it('answers 404 naming the id for an unknown or malformed id', async () => {
    const unknownId = typeof matchupId === 'number' ? 999_999 : '0123456789abcdef01234567'
    for (const id of [unknownId, 'not-an-id']) {
      const response = await rest.request<{ errors: Array<{ field: string; message: string }> }>(
        'GET',
        `/${slugs.matchups}/${id}/preview`,
        {
          token: editorToken,
        },
      )
      expect(response.status).toBe(404)
      expect(response.body.errors[0]).toEqual({ field: 'id', message: `no matchup with id "${id}"` })
    }
  })
})
