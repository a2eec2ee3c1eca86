import type { CollectionSlug, Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { PublicMatchupPage, PublicToolPage } from '../../src/public/pages.ts'
import type { Id } from '../helpers/fixtures.ts'
import type { RestClient } from '../helpers/rest.ts'

import { demoPersonas } from '../../src/demo/demoContent.ts'
import { seedDemoContent } from '../../src/demo/seedDemoContent.ts'
import { matchupData, toolData, verdictData } from '../helpers/createData.ts'
import { runCli, runCliProcess } from '../helpers/appServer.ts'
import { testDatabaseUri } from '../helpers/database.ts'
import { quote, slugs } from '../helpers/fixtures.ts'
import { schemaErrors } from '../helpers/openapi.ts'
import { demoMatchupSlugs } from '../helpers/demoMatchups.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient } from '../helpers/rest.ts'

const databaseUri = testDatabaseUri('public-api')
let payload: Payload
let rest: RestClient
let openapi: Parameters<typeof schemaErrors>[0]

const idOf = async (collection: CollectionSlug, slug: string): Promise<Id> =>
  (
    (await payload.find({ collection: collection, where: { slug: { equals: slug } } })).docs[0] as unknown as {
      id: Id
    }
  ).id

beforeAll(async () => {
  payload = await startTestPayload('public-api', { databaseUri })
  await seedDemoContent(payload)
  rest = restClient(payload)
  openapi = (await rest.request<Parameters<typeof schemaErrors>[0]>('GET', '/public/openapi.json')).body
  // Unpublished content that must never show: a draft verdict on a public tool, a draft
  // matchup, and a tool that only that draft matchup uses.
  const hidden = await payload.create({
    collection: slugs.tools,
    data: toolData({ name: 'Hidden Tool', pricing: { tier: 'paid' } }),
  })
  await payload.create({
    collection: slugs.matchups,
    data: matchupData({ leftTool: (hidden as unknown as { id: Id }).id, rightTool: await idOf(slugs.tools, 'ollama') }),
  })
  await payload.create({
    collection: slugs.verdicts,
    data: verdictData({
      decision: 'skip',
      quote: quote('SECRET DRAFT about OpenRouter'),
      reviewer: await idOf(slugs.reviewers, 'futurist'),
      tool: await idOf(slugs.tools, 'openrouter'),
    }),
  })
})

afterAll(async () => {
  await payload?.destroy()
})

describe('GET /api/public/matchups/:slug', () => {
  it('returns everything one comparison page needs, in the documented shape', async () => {
    const response = await rest.request<PublicMatchupPage>('GET', '/public/matchups/ollama-vs-openrouter')
    expect(response.status).toBe(200)
    expect(schemaErrors(openapi, 'MatchupPage', response.body)).toEqual([])
    expect(schemaErrors(openapi, 'MatchupPage', { ...response.body, tools: [response.body.tools[0]] })).not.toEqual([])
    const [left, right] = response.body.tools
    expect(response.body).toMatchObject({ slug: 'ollama-vs-openrouter', title: 'Ollama vs OpenRouter', intro: null })
    expect(left).toMatchObject({
      slug: 'ollama',
      category: { slug: 'local-runtimes', name: 'Local Runtimes' },
      pricing: { tier: 'free', label: 'Free', note: null },
      panel: { ship: 4, skip: 1, total: 5, percent: 80 },
      community: { ship: 0, skip: 0, total: 0, percent: null },
    })
    expect(right).toMatchObject({ slug: 'openrouter', pricing: { label: 'Paid' }, panel: { percent: 67, total: 3 } })
    expect(left.description.html).toMatch(/^<p>A local model runner/)
  })

  it('orders the scorecard by the panel, left tool before right, missing pairs absent', async () => {
    const { body } = await rest.request<PublicMatchupPage>('GET', '/public/matchups/ollama-vs-openrouter')
    expect(body.scorecard.map((entry) => `${entry.reviewer.slug}:${entry.tool}:${entry.decision}`)).toEqual([
      'builder:ollama:ship',
      'builder:openrouter:ship',
      'skeptic:ollama:ship',
      'skeptic:openrouter:skip',
      'futurist:ollama:ship',
      'buyer:ollama:skip',
      'buyer:openrouter:ship',
      'product-lead:ollama:ship',
    ])
    const personaOrder = demoPersonas.map((persona) => persona.slug)
    const positions = body.scorecard.map((entry) => personaOrder.indexOf(entry.reviewer.slug))
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })

  it('is exactly what `npm run verdicts -- matchup <slug>` prints', async () => {
    const response = await rest.request('GET', `/public/matchups/${demoMatchupSlugs.familyPair}`)
    expect(runCli(['matchup', demoMatchupSlugs.familyPair], databaseUri)).toBe(`${JSON.stringify(response.body)}\n`)
    expect(runCli(['matchups'], databaseUri).trim().split('\n')).toEqual([
      demoMatchupSlugs.vsMistralSmall,
      demoMatchupSlugs.vsMistralNext,
      demoMatchupSlugs.familyPair,
      demoMatchupSlugs.flashLiteVsCodeLlama,
      'ollama-vs-openrouter',
    ])
  }, 60_000)

  it('`reconcile --check` prints only its report on stdout, its progress on stderr', () => {
    // What the README's Command line promises, so that a script can read stdout alone.
    const run = runCliProcess(['reconcile', '--check'], databaseUri)
    expect(run.stdout).toMatch(/^All \d+ tools' scores and public flags match a fresh recount\.\n$/)
    expect(run.stderr).toMatch(/checked \d+\/\d+ tools/)
    expect(run.status).toBe(0)
  }, 60_000)

  it('answers 404 for unknown slugs and for matchups that are not published', async () => {
    for (const slug of ['no-such-matchup', 'hidden-tool-vs-ollama', 'Not A Slug']) {
      const response = await rest.request<{ errors: unknown[] }>('GET', `/public/matchups/${encodeURIComponent(slug)}`)
      expect(response.status).toBe(404)
      expect(schemaErrors(openapi, 'Errors', response.body)).toEqual([])
    }
  })
})

describe('GET /api/public/tools/:slug', () => {
  it('returns the tool with its published verdicts in panel order and its matchups', async () => {
    const response = await rest.request<PublicToolPage>('GET', '/public/tools/code-llama-4-70b-400b')
    expect(response.status).toBe(200)
    expect(schemaErrors(openapi, 'ToolPage', response.body)).toEqual([])
    expect(response.body.verdicts.map((verdict) => verdict.reviewer.slug)).toEqual([
      'builder',
      'skeptic',
      'futurist',
      'buyer',
    ])
    expect(response.body.matchups.map((matchup) => matchup.slug)).toEqual([
      demoMatchupSlugs.vsMistralSmall,
      demoMatchupSlugs.vsMistralNext,
      demoMatchupSlugs.familyPair,
      demoMatchupSlugs.flashLiteVsCodeLlama,
    ])
  })

  it('answers 404 for a tool nothing published shows', async () => {
    expect((await rest.request('GET', '/public/tools/hidden-tool')).status).toBe(404)
    expect((await rest.request('GET', '/public/tools/no-such-tool')).status).toBe(404)
  })
})

describe('lists', () => {
  it('lists published matchups, filterable by tool, category, tier and title', async () => {
    const all = await rest.request<{ docs: Array<{ slug: string }>; totalDocs: number }>('GET', '/public/matchups')
    expect(schemaErrors(openapi, 'MatchupList', all.body)).toEqual([])
    expect(all.body.totalDocs).toBe(5)
    const byTool = await rest.request<{ docs: Array<{ slug: string }> }>('GET', '/public/matchups?tool=openrouter')
    expect(byTool.body.docs.map((doc) => doc.slug)).toEqual(['ollama-vs-openrouter'])
    const byTier = await rest.request<{ docs: Array<{ slug: string }> }>('GET', '/public/matchups?tier=paid')
    expect(byTier.body.docs.map((doc) => doc.slug)).toEqual(['ollama-vs-openrouter'])
    const byCategory = await rest.request<{ totalDocs: number }>('GET', '/public/matchups?category=developer-tools')
    expect(byCategory.body.totalDocs).toBe(4)
    const search = await rest.request<{ docs: Array<{ slug: string }> }>('GET', '/public/matchups?q=mistral')
    expect(search.body.docs.map((doc) => doc.slug)).toEqual([
      demoMatchupSlugs.vsMistralSmall,
      demoMatchupSlugs.vsMistralNext,
    ])
  })

  it('lists only public tools, paginated', async () => {
    const first = await rest.request<{ docs: Array<{ slug: string }>; totalDocs: number; totalPages: number }>(
      'GET',
      '/public/tools?limit=3',
    )
    expect(schemaErrors(openapi, 'ToolList', first.body)).toEqual([])
    expect(first.body).toMatchObject({ totalDocs: 7, totalPages: 3 })
    const third = await rest.request<{ docs: Array<{ slug: string }> }>('GET', '/public/tools?limit=3&page=3')
    expect(third.body.docs).toHaveLength(1)
    const slugsSeen = (
      await rest.request<{ docs: Array<{ slug: string }> }>('GET', '/public/tools?limit=100')
    ).body.docs.map((doc) => doc.slug)
    expect(slugsSeen).not.toContain('hidden-tool')
    const local = await rest.request<{ docs: Array<{ slug: string }> }>(
      'GET',
      '/public/tools?category=local-runtimes&q=oll',
    )
    expect(local.body.docs.map((doc) => doc.slug)).toEqual(['ollama'])
  })

  it.each([
    ['/public/tools?sort=name', 'sort'],
    ['/public/tools?page=0', 'page'],
    ['/public/tools?limit=500', 'limit'],
    ['/public/tools?tier=gratis', 'tier'],
    ['/public/matchups?tool=Not%20a%20slug', 'tool'],
    ['/public/matchups?tool=ollama&tool=x&page=abc', 'page'],
  ])('answers 400 naming the parameter for %s', async (path, field) => {
    const response = await rest.request<{ errors: Array<{ field: string }> }>('GET', path)
    expect(response.status).toBe(400)
    expect(response.body.errors[0].field).toBe(field)
  })
})

describe('caching for consumer sites', () => {
  it('sends a strong ETag and Cache-Control, and 304 for a current If-None-Match', async () => {
    const first = await rest.request('GET', '/public/matchups/ollama-vs-openrouter')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=300')
    expect(first.headers.get('access-control-allow-origin')).toBe('*')
    const again = await rest.request('GET', '/public/matchups/ollama-vs-openrouter', {
      headers: { 'If-None-Match': etag },
    })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)
  })

  it('shows a publish on the very next read (no stale page)', async () => {
    const before = await rest.request<PublicMatchupPage>('GET', '/public/matchups/ollama-vs-openrouter')
    const verdict = (
      await payload.find({
        collection: slugs.verdicts,
        where: {
          and: [
            { tool: { equals: await idOf(slugs.tools, 'ollama') } },
            { reviewer: { equals: await idOf(slugs.reviewers, 'buyer') } },
          ],
        },
      })
    ).docs[0] as unknown as { id: Id }
    await payload.update({
      collection: slugs.verdicts,
      data: { _status: 'published', decision: 'ship' },
      id: verdict.id,
    })
    const after = await rest.request<PublicMatchupPage>('GET', '/public/matchups/ollama-vs-openrouter', {
      headers: { 'If-None-Match': before.headers.get('etag')! },
    })
    expect(after.status).toBe(200)
    expect(after.body.tools[0].panel).toEqual({ ship: 5, skip: 0, total: 5, percent: 100 })
    expect(
      after.body.scorecard.find((entry) => entry.reviewer.slug === 'buyer' && entry.tool === 'ollama')?.decision,
    ).toBe('ship')
    const toolPage = await rest.request<PublicToolPage>('GET', '/public/tools/ollama')
    expect(toolPage.body.panel.percent).toBe(100)
  })

  it('shows a tool rename on every matchup page of that tool', async () => {
    await rest.request('GET', `/public/matchups/${demoMatchupSlugs.vsMistralSmall}`)
    await payload.update({
      collection: slugs.tools,
      data: { tagline: 'Renamed tagline' },
      id: await idOf(slugs.tools, 'mistral-3-small'),
    })
    const page = await rest.request<PublicMatchupPage>('GET', `/public/matchups/${demoMatchupSlugs.vsMistralSmall}`)
    expect(page.body.tools[1].tagline).toBe('Renamed tagline')
  })
})

describe('published content only', () => {
  it('never shows a draft through any public route, REST or GraphQL', async () => {
    const bodies = await Promise.all(
      [
        '/public/matchups',
        '/public/tools?limit=100',
        '/public/tools/openrouter',
        '/public/matchups/ollama-vs-openrouter',
        '/verdicts?limit=100',
        '/matchups?limit=100',
      ].map(async (path) => JSON.stringify((await rest.request('GET', path)).body)),
    )
    for (const body of bodies) {
      expect(body).not.toContain('SECRET DRAFT')
      expect(body).not.toContain('hidden-tool-vs-ollama')
    }
    const graphql = await rest.graphql(
      '{ Verdicts(limit: 100) { docs { quote } } Matchups(limit: 100) { docs { slug } } }',
    )
    expect(JSON.stringify(graphql.body)).not.toContain('SECRET DRAFT')
    expect(JSON.stringify(graphql.body)).not.toContain('hidden-tool-vs-ollama')
  })

  it('escapes rich text into safe HTML', async () => {
    const verdict = (
      await payload.find({
        collection: slugs.verdicts,
        where: {
          and: [
            { tool: { equals: await idOf(slugs.tools, 'openrouter') } },
            { reviewer: { equals: await idOf(slugs.reviewers, 'builder') } },
          ],
        },
      })
    ).docs[0] as unknown as { id: Id }
    await payload.update({
      collection: slugs.verdicts,
      data: { _status: 'published', quote: quote('<script>alert("x")</script> & more') },
      id: verdict.id,
    })
    const { body } = await rest.request<PublicToolPage>('GET', '/public/tools/openrouter')
    const html = body.verdicts.find((entry) => entry.reviewer.slug === 'builder')!.quote.html
    expect(html).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</p>')
  })
})
