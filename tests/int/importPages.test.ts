import type { CollectionSlug, Payload, Where } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { ImportReport } from '../../src/importer/importPages.ts'
import type { PageQuote } from '../../src/importer/parsePage.ts'
import type { PublicMatchupPage } from '../../src/public/pages.ts'
import type { Id } from '../helpers/fixtures.ts'
import type { RestClient } from '../helpers/rest.ts'

import { importPages } from '../../src/importer/importPages.ts'
import { parsePage } from '../../src/importer/parsePage.ts'
import { plainTextOf } from '../../src/catalog/richText.ts'
import { formatPercent } from '../../src/scores/score.ts'
import { matchupSlug, slugify } from '../../src/catalog/slugify.ts'
import { defaultPanel } from '../../src/catalog/defaultPanel.ts'
import { password, slugs } from '../helpers/fixtures.ts'
import { fixturePage, htmlText, seedPages } from '../helpers/importPages.ts'
import { rollsBackWrites } from '../helpers/database.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient, tokenFor, workflowAction } from '../helpers/rest.ts'

type Doc = Record<string, unknown> & { id: Id }

let payload: Payload
let rest: RestClient

beforeAll(async () => {
  payload = await startTestPayload('import-pages')
  rest = restClient(payload)
})

afterAll(async () => {
  await payload?.destroy()
})

const contentCollections = [
  slugs.reviewers,
  slugs.categories,
  slugs.tools,
  slugs.verdicts,
  slugs.matchups,
  slugs.workflowEvents,
  slugs.scoreHistory,
]

/** How many records, and how many versions of verdicts and matchups, the database holds. */
async function databaseCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const collection of contentCollections) {
    counts[collection] = (await payload.count({ collection: collection })).totalDocs
  }
  for (const collection of [slugs.verdicts, slugs.matchups]) {
    counts[`${collection} versions`] = (await payload.countVersions({ collection: collection })).totalDocs
  }
  return counts
}

async function findOne(collection: CollectionSlug, where: Where, draft = false): Promise<Doc> {
  const { docs } = await payload.find({
    collection: collection,
    depth: 0,
    draft,
    limit: 1,
    where: where,
  })
  return docs[0] as unknown as Doc
}

async function publicMatchup(left: string, right: string) {
  return rest.request<PublicMatchupPage>('GET', `/public/matchups/${matchupSlug(slugify(left), slugify(right))}`)
}

/** The tool (0 left, 1 right) a quote names by its name or its name before "(…)", if it names only one. */
function toolNamedBy(quote: PageQuote, names: string[]): null | number {
  const forms = names.map((name) => [name, name.replace(/\s*\([^)]*\)$/, '')])
  const named = forms.flatMap((options, index) => (options.some((form) => quote.text.includes(form)) ? [index] : []))
  return named.length === 1 ? named[0] : null
}

function allUnchanged(report: ImportReport): boolean {
  return report.pages.every(
    (page) =>
      page.outcome === 'imported' &&
      Object.values(page.counts).every((counts) => counts.created === 0 && counts.updated === 0),
  )
}

describe("importing the publication's sample pages", () => {
  it('a dry run reports what it would do and writes nothing, not even the default panel', async () => {
    const report = await importPages(payload, seedPages(), { dryRun: true, publish: true })
    expect(report.defaultPanel).toEqual(defaultPanel.map((persona) => persona.name))
    expect(report.pages.map((page) => page.outcome)).toEqual(seedPages().map(() => 'planned'))
    expect(report.pages[0].counts.verdicts.created).toBe(parsePage(seedPages()[0].text, 'x').quotes.length)
    expect(Object.values(await databaseCounts()).every((count) => count === 0)).toBe(true)
  })

  it('imports every page with --publish, creating the default panel first', async () => {
    const report = await importPages(payload, seedPages(), { publish: true })
    expect(report.pages.map((page) => [page.outcome, page.error])).toEqual(
      seedPages().map(() => ['imported', undefined]),
    )
    // Each page in one transaction, except where the database has none (FerretDB v1).
    expect(report.pages.every((page) => page.atomic)).toBe(await rollsBackWrites(payload))
    const personas = await payload.find({ collection: slugs.reviewers, sort: 'position' })
    expect(
      (personas.docs as unknown as Array<{ slug: string; voiceMarkers: string[] }>).map((persona) => [
        persona.slug,
        persona.voiceMarkers,
      ]),
    ).toEqual(defaultPanel.map((persona) => [persona.slug, persona.voiceMarkers]))
  })

  it.each(seedPages().map((file) => [file.path, file.text]))(
    'reproduces %s in the public matchup JSON',
    async (file, text) => {
      const page = parsePage(text, file)
      const names = page.tools.map((tool) => tool.name.value)
      const response = await publicMatchup(names[0], names[1])
      expect(response.status).toBe(200)
      const { body } = response
      expect(body.title).toBe(page.title.value)
      expect(body.intro).toBeNull()
      body.tools.forEach((tool, index) => {
        const printed = page.tools[index]
        expect({
          category: tool.category?.name,
          community: tool.community.percent,
          description: htmlText(tool.description.html),
          name: tool.name,
          panel: formatPercent(tool.panel.percent),
          pricing: tool.pricing.label,
          tagline: tool.tagline,
        }).toEqual({
          category: printed.category.value,
          community: printed.community.value,
          description: printed.description.value,
          name: printed.name.value,
          panel: formatPercent(printed.panel.value),
          pricing: printed.entry.value,
          tagline: printed.tagline.value,
        })
      })
      // The scorecard in the page's order, each quote on a tool and persona consistent with it.
      expect(body.scorecard.map((entry) => htmlText(entry.quote.html))).toEqual(page.quotes.map((quote) => quote.text))
      const slugsOnPage = names.map(slugify)
      for (const [index, entry] of body.scorecard.entries()) {
        const named = toolNamedBy(page.quotes[index], names)
        if (named !== null) {
          expect(entry.tool).toBe(slugsOnPage[named])
        }
        const persona = await findOne(slugs.reviewers, { slug: { equals: entry.reviewer.slug } })
        const markers = persona.voiceMarkers as string[]
        expect(markers.some((marker) => page.quotes[index].text.toLowerCase().includes(marker.toLowerCase()))).toBe(
          true,
        )
      }
      const rows = body.scorecard.map((entry) => entry.reviewer.slug)
      expect(rows.filter((slug, index) => rows.indexOf(slug) !== index && rows[index - 1] !== slug)).toEqual([])
      for (const slug of new Set(rows)) {
        const row = body.scorecard.filter((entry) => entry.reviewer.slug === slug).map((entry) => entry.tool)
        expect(row).toEqual(slugsOnPage.filter((toolSlug) => row.includes(toolSlug)))
      }
    },
  )

  it('keeps one tool per slug and one verdict per quote, and where each record came from', async () => {
    const pages = seedPages().map((file) => parsePage(file.text, file.path))
    const toolNames = new Set(pages.flatMap((page) => page.tools.map((tool) => tool.name.value)))
    const quotes = new Set(pages.flatMap((page) => page.quotes.map((quote) => quote.text)))
    expect((await payload.count({ collection: slugs.tools })).totalDocs).toBe(toolNames.size)
    expect((await payload.count({ collection: slugs.verdicts })).totalDocs).toBe(quotes.size)
    const first = pages[0]
    const tool = await findOne(slugs.tools, { slug: { equals: slugify(first.tools[0].name.value) } })
    expect(tool.source).toMatchObject({
      file: seedPages()[0].path.split('/').at(-1),
      line: first.tools[0].name.line,
      pageTitle: first.title.value,
      printedCommunity: formatPercent(first.tools[0].community.value),
      printedEntry: first.tools[0].entry.value,
      printedPanel: formatPercent(first.tools[0].panel.value),
    })
    const verdict = await findOne(slugs.verdicts, { 'source.line': { equals: first.quotes[0].line } })
    expect(plainTextOf(verdict.quote)).toBe(first.quotes[0].text)
  })

  it('changes nothing when the same pages are imported again', async () => {
    const before = await databaseCounts()
    const report = await importPages(payload, seedPages(), { publish: true })
    expect(allUnchanged(report)).toBe(true)
    expect(await databaseCounts()).toEqual(before)
  })

  it("marks inferred decisions and puts them in the persona's review queue; approving confirms them", async () => {
    const report = await importPages(payload, seedPages(), { dryRun: true })
    expect(report.pages.every((page) => page.review.length === 0)).toBe(true)
    const inferredTools = seedPages()
      .flatMap((file) => parsePage(file.text, file.path).tools)
      .filter((tool) => tool.panel.value !== null && tool.panel.value > 0 && tool.panel.value < 100)
    expect(inferredTools.length).toBeGreaterThan(0)
    const toolId = (await findOne(slugs.tools, { slug: { equals: slugify(inferredTools[0].name.value) } })).id
    const live = (await payload.find({ collection: slugs.verdicts, depth: 0, where: { tool: { equals: toolId } } }))
      .docs as unknown as Doc[]
    expect(live.every((verdict) => verdict._status === 'published' && verdict.decisionInferred === true)).toBe(true)

    // The first account becomes an admin; the reviewer must not be it.
    await payload.create({
      collection: slugs.users,
      data: { email: 'importer-admin@test.local', password, role: 'admin' },
    })
    const reviewer = await payload.create({
      collection: slugs.users,
      data: { email: 'importer-reviewer@test.local', password, role: 'reviewer' },
    })
    const verdict = live[0]
    await payload.update({
      collection: slugs.reviewers,
      data: { approvers: [(reviewer as unknown as Doc).id] },
      id: verdict.reviewer as Id,
    })
    const token = await tokenFor(payload, 'importer-reviewer@test.local', password)
    const queue = await rest.request<{ docs: Array<{ id: Id; title: string }> }>(
      'GET',
      `/${slugs.verdicts}/awaiting-approval`,
      { token },
    )
    expect(queue.body.docs.map((doc) => doc.id)).toEqual([verdict.id])
    const history = await rest.request<{ history: Array<{ action: string; comment: null | string; to: string }> }>(
      'GET',
      `/${slugs.verdicts}/${verdict.id}/workflow`,
      { token },
    )
    expect(history.body.history[0]).toMatchObject({ action: 'import', to: 'in_review' })
    expect(history.body.history[0].comment).toContain(
      `prints ${formatPercent(inferredTools[0].panel.value)} for ${inferredTools[0].name.value}`,
    )

    expect((await workflowAction(rest, slugs.verdicts, verdict.id, 'approve', token)).body.stage).toBe('approved')
    const confirmed = (await payload.findByID({
      collection: slugs.verdicts,
      depth: 0,
      draft: true,
      id: verdict.id,
    })) as unknown as Doc
    expect(confirmed.decisionInferred).toBe(false)
    // Confirmed decisions stay confirmed on a re-import of the same page.
    expect(allUnchanged(await importPages(payload, seedPages(), { publish: true }))).toBe(true)
  })
})

describe('pages of our own', () => {
  it('a tool reviewed by a different set of personas, at a percentage that needs inference', async () => {
    const file = fixturePage('different-panels.txt')
    const page = parsePage(file.text, file.path)
    const report = await importPages(payload, [file], { publish: true })
    expect(report.pages[0].outcome).toBe('imported')
    const { body } = await publicMatchup('Alpha Coder', 'Beta Chat')
    expect(body.scorecard.map((entry) => `${entry.reviewer.slug}:${entry.tool}`)).toEqual([
      'builder:alpha-coder',
      'builder:beta-chat',
      'skeptic:alpha-coder',
      'futurist:alpha-coder',
      'futurist:beta-chat',
      'buyer:alpha-coder',
      'product-lead:beta-chat',
    ])
    expect(body.scorecard.map((entry) => htmlText(entry.quote.html))).toEqual(page.quotes.map((quote) => quote.text))
    expect(body.tools.map((tool) => [tool.pricing.label, tool.category?.name, tool.panel.percent])).toEqual(
      page.tools.map((tool) => [tool.entry.value, tool.category.value, tool.panel.value]),
    )
    // Beta Chat prints 67% over three verdicts: two ship, one skip, all three flagged.
    expect(body.tools[1].panel).toEqual({ percent: 67, ship: 2, skip: 1, total: 3 })
    expect(body.scorecard.filter((entry) => entry.tool === 'beta-chat').map((entry) => entry.decision)).toEqual([
      'ship',
      'ship',
      'skip',
    ])
    const beta = await findOne(slugs.tools, { slug: { equals: 'beta-chat' } })
    const betaVerdicts = (
      await payload.find({ collection: slugs.verdicts, draft: true, where: { tool: { equals: beta.id } } })
    ).docs as unknown as Doc[]
    expect(betaVerdicts.map((verdict) => [verdict.decisionInferred, verdict.workflowStage])).toEqual(
      betaVerdicts.map(() => [true, 'in_review']),
    )
    expect(report.pages[0].review.join('\n')).toContain('Beta Chat: 67% is 2 of 3 shipping')
  })

  it("a voice no persona matches becomes a placeholder persona flagged for an editor, in the page's place", async () => {
    const file = fixturePage('unknown-voice.txt')
    const page = parsePage(file.text, file.path)
    const report = await importPages(payload, [file], { publish: true })
    expect(report.pages[0].counts.personas.created).toBe(1)
    const placeholder = await findOne(slugs.reviewers, { needsAttention: { equals: true } })
    expect(placeholder.name).toContain('unknown-voice.txt')
    expect(placeholder.voiceMarkers).toEqual([])
    const { body } = await publicMatchup('Gamma Search', 'Delta Notes')
    expect(
      body.scorecard.map(
        (entry) => `${entry.reviewer.slug === placeholder.slug ? 'placeholder' : entry.reviewer.slug}:${entry.tool}`,
      ),
    ).toEqual([
      'builder:gamma-search',
      'builder:delta-notes',
      'placeholder:gamma-search',
      'placeholder:delta-notes',
      'skeptic:gamma-search',
      'skeptic:delta-notes',
    ])
    expect(body.scorecard.map((entry) => htmlText(entry.quote.html))).toEqual(page.quotes.map((quote) => quote.text))
    // The same page again: the placeholder is known by its verdicts now; no second one.
    expect(allUnchanged(await importPages(payload, [file], { publish: true }))).toBe(true)
    expect(
      (await payload.count({ collection: slugs.reviewers, where: { needsAttention: { equals: true } } })).totalDocs,
    ).toBe(1)
    // The other pages still reproduce in their order after the panel made room.
    const seed = parsePage(seedPages()[0].text, 'seed')
    const seedPage = await publicMatchup(seed.tools[0].name.value, seed.tools[1].name.value)
    expect(seedPage.body.scorecard.map((entry) => htmlText(entry.quote.html))).toEqual(
      seed.quotes.map((quote) => quote.text),
    )
  })

  it('a changed page creates new draft versions for review, never duplicates', async () => {
    const original = fixturePage('different-panels.txt')
    const page = parsePage(original.text, original.path)
    const changedQuote = page.quotes[1]
    const changed = {
      path: original.path,
      text: original.text
        .replace(page.tools[1].tagline.value, 'A hosted chat model for support desks and sales teams')
        .replace(changedQuote.text, `${changedQuote.text} Setup took ten minutes.`),
    }
    const before = await databaseCounts()
    const verdict = await findOne(slugs.verdicts, {
      'source.line': { equals: changedQuote.line },
      'source.file': { equals: 'different-panels.txt' },
    })
    const versionsBefore = (
      await payload.countVersions({ collection: slugs.verdicts, where: { parent: { equals: verdict.id } } })
    ).totalDocs

    const report = await importPages(payload, [changed], { publish: true })
    expect(report.pages[0].counts.verdicts).toEqual({ created: 0, unchanged: page.quotes.length - 1, updated: 1 })
    expect(report.pages[0].counts.tools).toEqual({ created: 0, unchanged: 1, updated: 1 })
    const after = await databaseCounts()
    for (const collection of [slugs.tools, slugs.verdicts, slugs.matchups, slugs.reviewers]) {
      expect(after[collection]).toBe(before[collection])
    }
    expect(
      (await payload.countVersions({ collection: slugs.verdicts, where: { parent: { equals: verdict.id } } }))
        .totalDocs,
    ).toBe(versionsBefore + 1)
    const draft = (await payload.findByID({
      collection: slugs.verdicts,
      depth: 0,
      draft: true,
      id: verdict.id,
    })) as unknown as Doc
    expect(draft).toMatchObject({ _status: 'draft', workflowStage: 'in_review' })
    expect(plainTextOf(draft.quote)).toBe(`${changedQuote.text} Setup took ten minutes.`)
    // The live page keeps the approved text until the new draft is approved and published.
    const { body } = await publicMatchup('Alpha Coder', 'Beta Chat')
    expect(htmlText(body.scorecard[1].quote.html)).toBe(changedQuote.text)
    expect(body.tools[1].tagline).toBe('A hosted chat model for support desks and sales teams')
    // Importing the changed page again changes nothing more.
    expect(allUnchanged(await importPages(payload, [changed], { publish: true }))).toBe(true)
  })

  it('malformed input gets an error naming the file and line, and nothing is written', async () => {
    const file = fixturePage('malformed.txt')
    const badLine = file.text.split('\n').indexOf('Panel score') + 1
    const before = await databaseCounts()
    const report = await importPages(payload, [file], { publish: true })
    expect(report.pages[0]).toMatchObject({
      atomic: true,
      error: { line: badLine, message: 'expected "Panel ship" after the panel percentage, found "Panel score"' },
      file: file.path,
      outcome: 'failed',
    })
    expect(await databaseCounts()).toEqual(before)
  })

  it('without --publish, new content waits in review', async () => {
    const text = fixturePage('different-panels.txt')
      .text.replaceAll('Alpha Coder', 'Epsilon Coder')
      .replaceAll('Beta Chat', 'Zeta Chat')
    const report = await importPages(payload, [{ path: 'review-only.txt', text }])
    expect(report.pages[0].outcome).toBe('imported')
    expect((await publicMatchup('Epsilon Coder', 'Zeta Chat')).status).toBe(404)
    const matchup = await findOne(slugs.matchups, { slug: { equals: 'epsilon-coder-vs-zeta-chat' } }, true)
    expect(matchup).toMatchObject({ _status: 'draft', workflowStage: 'in_review' })
    const tool = await findOne(slugs.tools, { slug: { equals: 'epsilon-coder' } })
    const verdicts = (
      await payload.find({ collection: slugs.verdicts, draft: true, where: { tool: { equals: tool.id } } })
    ).docs as unknown as Doc[]
    expect(verdicts.map((verdict) => [verdict._status, verdict.workflowStage])).toEqual(
      verdicts.map(() => ['draft', 'in_review']),
    )
  })
})

describe('what clients may change', () => {
  it("the import fields are read-only through REST; an editor clears a placeholder's flag", async () => {
    await payload.create({
      collection: slugs.users,
      data: { email: 'importer-editor@test.local', password, role: 'editor' },
    })
    const token = await tokenFor(payload, 'importer-editor@test.local', password)
    const verdict = await findOne(slugs.verdicts, { decisionInferred: { equals: true } }, true)
    const patched = await rest.request<{ doc: Doc }>('PATCH', `/${slugs.verdicts}/${verdict.id}?draft=true`, {
      body: { decisionInferred: false, source: { file: 'forged.txt', line: 1 } },
      token,
    })
    expect(patched.status).toBe(200)
    expect(patched.body.doc).toMatchObject({ decisionInferred: true, source: verdict.source })

    const placeholder = await findOne(slugs.reviewers, { needsAttention: { equals: true } })
    const anonymous = await rest.request('PATCH', `/${slugs.reviewers}/${placeholder.id}`, {
      body: { needsAttention: false },
    })
    expect(anonymous.status).toBe(403)
    const cleared = await rest.request<{ doc: Doc }>('PATCH', `/${slugs.reviewers}/${placeholder.id}`, {
      body: { needsAttention: false, source: { file: 'forged.txt' } },
      token,
    })
    expect(cleared.status).toBe(200)
    expect(cleared.body.doc).toMatchObject({ needsAttention: false, source: placeholder.source })
  })
})
