import type { CollectionSlug, Payload, Where } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { ImportReport } from '../../src/importer/importPages.ts'
import type { PublicMatchupPage } from '../../src/public/pages.ts'
import type { Id } from '../helpers/fixtures.ts'
import type { RestClient } from '../helpers/rest.ts'

import { AssignmentError, parseAssignment } from '../../src/importer/assignments.ts'
import { formatImportReport } from '../../src/importer/formatReport.ts'
import { importPages } from '../../src/importer/importPages.ts'
import { parsePage } from '../../src/importer/parsePage.ts'
import { password, slugs } from '../helpers/fixtures.ts'
import { fixturePage } from '../helpers/importPages.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient, tokenFor, workflowAction } from '../helpers/rest.ts'

type Doc = Record<string, unknown> & { id: Id }

let payload: Payload
let rest: RestClient

beforeAll(async () => {
  payload = await startTestPayload('import-content')
  rest = restClient(payload)
})

afterAll(async () => {
  await payload?.destroy()
})

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

async function verdictAt(file: string, line: number): Promise<Doc> {
  return findOne(slugs.verdicts, { 'source.file': { equals: file }, 'source.line': { equals: line } }, true)
}

async function recordCounts(): Promise<number[]> {
  const counts: number[] = []
  for (const collection of [slugs.reviewers, slugs.tools, slugs.verdicts, slugs.matchups, slugs.workflowEvents]) {
    counts.push((await payload.count({ collection: collection })).totalDocs)
  }
  counts.push((await payload.countVersions({ collection: slugs.verdicts })).totalDocs)
  return counts
}

const unchanged = (report: ImportReport) =>
  report.pages.every(
    (page) =>
      page.outcome === 'imported' &&
      Object.values(page.counts).every((counts) => counts.created === 0 && counts.updated === 0),
  )

describe('a lone quote that names neither tool (issue 20)', () => {
  const file = fixturePage('lone-quote-by-content.txt')
  const page = parsePage(file.text, file.path)
  const lone = page.quotes.at(-1)!

  it('imports, on the tool its content is about, flagged "tool inferred" and in the persona\'s review queue', async () => {
    const report = await importPages(payload, [file], { publish: true })
    expect(report.pages[0].error).toBeUndefined()
    const [attribution] = report.pages[0].attributions
    expect(attribution).toMatchObject({
      evidence: 'content',
      line: lone.line,
      persona: 'The Product Lead',
      tool: 'Ferris Ledger',
    })
    expect(attribution.scores!.left).toBeGreaterThan(attribution.scores!.right)
    const summary = formatImportReport(report)
    expect(summary).toContain(
      `line ${lone.line}: The Product Lead's quote names neither tool; attributed to Ferris Ledger by its content`,
    )

    const verdict = await verdictAt('lone-quote-by-content.txt', lone.line)
    const ferris = await findOne(slugs.tools, { slug: { equals: 'ferris-ledger' } })
    expect(verdict).toMatchObject({
      decisionInferred: false,
      tool: ferris.id,
      toolInferred: true,
      workflowStage: 'in_review',
    })
    // Published as printed: the page's scorecard is live while the reviewers confirm.
    const { body } = await rest.request<PublicMatchupPage>('GET', '/public/matchups/ferris-ledger-vs-glint-forms')
    expect(body.scorecard.map((entry) => `${entry.reviewer.slug}:${entry.tool}`).at(-1)).toBe(
      'product-lead:ferris-ledger',
    )
    // The other verdicts on the page were not inferred.
    const flagged = await payload.count({ collection: slugs.verdicts, where: { toolInferred: { equals: true } } })
    expect(flagged.totalDocs).toBe(1)
  })

  it("says why in the workflow history; only the persona's reviewer sees it to approve, and approving clears the flag", async () => {
    const verdict = await verdictAt('lone-quote-by-content.txt', lone.line)
    await payload.create({
      collection: slugs.users,
      data: { email: 'content-admin@test.local', password, role: 'admin' },
    })
    const reviewer = (await payload.create({
      collection: slugs.users,
      data: { email: 'content-reviewer@test.local', password, role: 'reviewer' },
    })) as unknown as Doc
    await payload.create({
      collection: slugs.users,
      data: { email: 'content-other@test.local', password, role: 'reviewer' },
    })
    await payload.create({
      collection: slugs.users,
      data: { email: 'content-editor@test.local', password, role: 'editor' },
    })
    await payload.update({
      collection: slugs.reviewers,
      data: { approvers: [reviewer.id] },
      id: verdict.reviewer as Id,
    })
    const token = await tokenFor(payload, 'content-reviewer@test.local', password)
    const other = await tokenFor(payload, 'content-other@test.local', password)

    const queue = await rest.request<{ docs: Array<{ id: Id }> }>('GET', `/${slugs.verdicts}/awaiting-approval`, {
      token,
    })
    expect(queue.body.docs.map((doc) => doc.id)).toEqual([verdict.id])
    const history = await rest.request<{ history: Array<{ action: string; comment: null | string; to: string }> }>(
      'GET',
      `/${slugs.verdicts}/${verdict.id}/workflow`,
      { token },
    )
    const note = history.body.history.find((entry) => entry.comment?.includes('Tool inferred'))
    expect(note).toMatchObject({ action: 'import', to: 'in_review' })
    expect(note!.comment).toMatch(
      /names neither "Ferris Ledger" nor "Glint Forms"; its words are clearly closer to Ferris Ledger's .* \(similarity \d\.\d{3} against \d\.\d{3}\)/,
    )

    // Another persona's reviewer cannot confirm it, and nobody can clear the flag by hand.
    expect((await workflowAction(rest, slugs.verdicts, verdict.id, 'approve', other)).status).toBe(403)
    const editor = await tokenFor(payload, 'content-editor@test.local', password)
    const patched = await rest.request<{ doc: Doc }>('PATCH', `/${slugs.verdicts}/${verdict.id}?draft=true`, {
      body: { toolInferred: false },
      token: editor,
    })
    expect(patched.status).toBe(200)
    expect(patched.body.doc.toolInferred).toBe(true)

    expect((await workflowAction(rest, slugs.verdicts, verdict.id, 'approve', token)).body.stage).toBe('approved')
    const confirmed = (await payload.findByID({
      collection: slugs.verdicts,
      depth: 0,
      draft: true,
      id: verdict.id,
    })) as unknown as Doc
    expect(confirmed.toolInferred).toBe(false)
  })

  it('changes nothing when imported again', async () => {
    const before = await recordCounts()
    const report = await importPages(payload, [file], { publish: true })
    expect(unchanged(report)).toBe(true)
    expect(report.pages[0].attributions).toEqual([])
    expect(await recordCounts()).toEqual(before)
  })
})

describe('a lone quote whose content is as close to one tool as the other', () => {
  const file = fixturePage('ambiguous-lone-quote.txt')
  const line = parsePage(file.text, file.path).quotes.at(-1)!.line

  it('fails the page with both scores and the way out, writing nothing', async () => {
    const before = await recordCounts()
    const report = await importPages(payload, [file], { publish: true })
    expect(report.pages[0]).toMatchObject({ atomic: true, error: { line }, outcome: 'failed' })
    expect(report.pages[0].error!.message).toMatch(
      /as close to "Ferrule Books" \(\d\.\d{3}\) as to "Glimmer Surveys" \(\d\.\d{3}\)/,
    )
    expect(report.pages[0].error!.message).toContain(`--assign ambiguous-lone-quote.txt:${line}=left or =right`)
    expect(await recordCounts()).toEqual(before)
  })

  it('imports with --assign, which the summary records; the verdict is not flagged, a person said so', async () => {
    const report = await importPages(payload, [file], {
      assign: [parseAssignment(`ambiguous-lone-quote.txt:${line}=right`)],
      publish: true,
    })
    expect(report.pages[0].outcome).toBe('imported')
    expect(report.pages[0].attributions).toEqual([
      { evidence: 'assigned', line, persona: 'The Product Lead', tool: 'Glimmer Surveys' },
    ])
    expect(formatImportReport(report)).toContain(
      `assigned with --assign:\n    - line ${line}: The Product Lead on Glimmer Surveys`,
    )
    const verdict = await verdictAt('ambiguous-lone-quote.txt', line)
    const glimmer = await findOne(slugs.tools, { slug: { equals: 'glimmer-surveys' } })
    expect(verdict).toMatchObject({ tool: glimmer.id, toolInferred: false })
    // Later imports know the quote by its verdict: no --assign needed, nothing changes.
    expect(unchanged(await importPages(payload, [file], { publish: true }))).toBe(true)
  })

  it('refuses an --assign that names no page being imported', async () => {
    await expect(importPages(payload, [file], { assign: [parseAssignment('elsewhere.txt:3=left')] })).rejects.toThrow(
      AssignmentError,
    )
  })
})

describe('a tool at 50% whose skips are argued without cue phrases (issue 20)', () => {
  it('skips the quotes that argue a skip, flags all four, and tells the reviewers why', async () => {
    const file = fixturePage('argued-skips.txt')
    const report = await importPages(payload, [file], { publish: true })
    expect(report.pages[0].outcome).toBe('imported')
    const { body } = await rest.request<PublicMatchupPage>('GET', '/public/matchups/marlow-scribe-vs-quay-deploy')
    expect(
      body.scorecard
        .filter((entry) => entry.tool === 'marlow-scribe')
        .map((entry) => `${entry.reviewer.slug}:${entry.decision}`),
    ).toEqual(['builder:ship', 'skeptic:ship', 'buyer:skip', 'product-lead:skip'])
    expect(report.pages[0].review.join('\n')).toContain(
      'Marlow Scribe: 50% is 2 of 4 shipping; inferred The Builder ship, The Skeptic ship, The Buyer skip, The Product Lead skip',
    )
    const marlow = await findOne(slugs.tools, { slug: { equals: 'marlow-scribe' } })
    const verdicts = (
      await payload.find({ collection: slugs.verdicts, depth: 0, draft: true, where: { tool: { equals: marlow.id } } })
    ).docs as unknown as Doc[]
    expect(verdicts.map((verdict) => [verdict.decisionInferred, verdict.toolInferred])).toEqual(
      verdicts.map(() => [true, false]),
    )
    const { docs } = await payload.find({
      collection: slugs.workflowEvents,
      depth: 0,
      where: { comment: { contains: 'Decision inferred' } },
    })
    expect(
      (docs as unknown as Array<{ comment: string }>).some((event) =>
        event.comment.includes('its argument reads negative'),
      ),
    ).toBe(true)
  })
})
