import type { Payload, PayloadRequest } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq } from 'payload'

import type { CapturedEmail } from '../../src/email/captureEmailAdapter.ts'
import type { PublicMatchupPage } from '../../src/public/pages.ts'
import type { Fixtures, Id } from '../helpers/fixtures.ts'
import type { RestClient } from '../helpers/rest.ts'

import { createCaptureEmail } from '../../src/email/captureEmailAdapter.ts'
import { freshnessQueue, markStaleVerdicts, markStaleVerdictsTaskSlug } from '../../src/freshness/markStaleVerdicts.ts'
import { pluginOptionsOf } from '../../src/pluginOptions.ts'
import { matchupData, verdictData, webhookSubscriptionData } from '../helpers/createData.ts'
import { accounts, createFixtures, password, quote, slugs } from '../helpers/fixtures.ts'
import { schemaErrors } from '../helpers/openapi.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient, tokenFor, workflowAction } from '../helpers/rest.ts'

const day = 24 * 60 * 60 * 1000

let payload: Payload
let fixtures: Fixtures
let rest: RestClient
let outbox: CapturedEmail[]
let openapi: Parameters<typeof schemaErrors>[0]
const tokens = {} as Record<'editor' | 'otherReviewer' | 'reviewer', string>

type VerdictDoc = {
  _status: string
  id: Id
  reviewedAt: null | string
  stale: boolean | null
  toolChangedSinceReview: boolean | null
  toolChanges: Array<{ field: string; from: null | string; label: string; to: null | string }> | null
  workflowStage: string
}

const systemReq = async (): Promise<PayloadRequest> => createLocalReq({}, payload)
const live = async (id: Id) =>
  (await payload.findByID({ id, collection: slugs.verdicts, depth: 0 })) as unknown as VerdictDoc
const newest = async (id: Id) =>
  (await payload.findByID({ id, collection: slugs.verdicts, depth: 0, draft: true })) as unknown as VerdictDoc
const historyOf = async (id: Id) =>
  (
    await payload.find({
      collection: slugs.workflowEvents,
      sort: '-createdAt',
      where: { and: [{ 'document.relationTo': { equals: slugs.verdicts } }, { 'document.value': { equals: id } }] },
    })
  ).docs as unknown as Array<{ action: string; comment: null | string }>
const mailsTo = (email: string) => outbox.filter((mail) => mail.to.includes(email))

/** A verdict taken through the whole workflow over REST: drafted, submitted, approved, published. */
async function publishThroughWorkflow(persona: Id, tool: Id, reviewerToken: string, text: string): Promise<Id> {
  const created = await rest.request<{ doc: { id: Id } }>('POST', `/${slugs.verdicts}?draft=true`, {
    body: { decision: 'ship', quote: quote(text), reviewer: persona, tool },
    token: tokens.editor,
  })
  const { id } = created.body.doc
  expect((await workflowAction(rest, slugs.verdicts, id, 'submit', tokens.editor)).body.stage).toBe('in_review')
  expect((await workflowAction(rest, slugs.verdicts, id, 'approve', reviewerToken)).body.stage).toBe('approved')
  expect((await workflowAction(rest, slugs.verdicts, id, 'publish', tokens.editor)).body.stage).toBe('published')
  return id
}

/** Re-approval of a published verdict without changing a word: a draft, review, approval, publish. */
async function reapprove(id: Id, reviewerToken: string) {
  expect(
    (await rest.request('PATCH', `/${slugs.verdicts}/${id}?draft=true`, { body: {}, token: tokens.editor })).status,
  ).toBe(200)
  expect((await workflowAction(rest, slugs.verdicts, id, 'submit', tokens.editor)).body.stage).toBe('in_review')
  expect((await workflowAction(rest, slugs.verdicts, id, 'approve', reviewerToken)).body.stage).toBe('approved')
  expect((await workflowAction(rest, slugs.verdicts, id, 'publish', tokens.editor)).body.stage).toBe('published')
}

const matchupPage = async () =>
  (await rest.request<PublicMatchupPage>('GET', '/public/matchups/alpha-coder-vs-beta-chat')).body

let skepticOnAlpha: Id
let futuristOnAlpha: Id
let futuristOnBeta: Id

beforeAll(async () => {
  const mail = createCaptureEmail()
  outbox = mail.outbox
  // The subscriber's address is never called here; private targets are allowed so that it
  // needs no DNS.
  payload = await startTestPayload('freshness', {
    email: mail.adapter,
    plugin: { webhooks: { allowPrivateTargets: true } },
  })
  fixtures = await createFixtures(payload)
  rest = restClient(payload)
  openapi = (await rest.request<Parameters<typeof schemaErrors>[0]>('GET', '/public/openapi.json')).body
  tokens.editor = await tokenFor(payload, accounts.editor.email, password)
  tokens.reviewer = await tokenFor(payload, accounts.reviewer.email, password)
  tokens.otherReviewer = await tokenFor(payload, accounts.otherReviewer.email, password)
  await payload.create({
    collection: slugs.matchups,
    data: matchupData({ _status: 'published', leftTool: fixtures.toolIds.alpha, rightTool: fixtures.toolIds.beta }),
  })
  // A consumer site subscribed to verdict changes (deliveries are queued, never run here).
  await payload.create({
    collection: slugs.webhookSubscriptions,
    data: webhookSubscriptionData({ events: ['verdict'], url: 'http://127.0.0.1:9/api/revalidate' }),
  })
})

afterAll(async () => {
  await payload?.destroy()
})

describe('reviewedAt', () => {
  it('is set when a reviewer approves, and printed on the public scorecard', async () => {
    const before = Date.now()
    skepticOnAlpha = await publishThroughWorkflow(
      fixtures.personaIds.skeptic,
      fixtures.toolIds.alpha,
      tokens.reviewer,
      'Ship it for the CLI alone.',
    )
    const verdict = await live(skepticOnAlpha)
    expect(new Date(verdict.reviewedAt!).getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(verdict.stale).toBe(false)

    const page = await matchupPage()
    const entry = page.scorecard.find((each) => each.reviewer.name === 'The Skeptic')!
    expect(entry).toMatchObject({ reviewedAt: verdict.reviewedAt!.slice(0, 10), stale: false, tool: 'alpha-coder' })
    expect(schemaErrors(openapi, 'MatchupPage', page)).toEqual([])
  })

  it('a verdict written as published by the system (an import) counts as reviewed when written', async () => {
    const before = Date.now()
    const imported = (await payload.create({
      collection: slugs.verdicts,
      data: verdictData({
        _status: 'published',
        decision: 'skip',
        quote: quote('Imported take.'),
        reviewer: fixtures.personaIds.other,
        tool: fixtures.toolIds.beta,
      }),
    })) as unknown as VerdictDoc
    futuristOnBeta = imported.id
    expect(new Date(imported.reviewedAt!).getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(imported.stale).toBe(false)
  })

  it('clients cannot set reviewedAt or the flags: values they send are ignored', async () => {
    const response = await rest.request<{ doc: VerdictDoc }>(
      'PATCH',
      `/${slugs.verdicts}/${skepticOnAlpha}?draft=true`,
      {
        body: { reviewedAt: '2001-01-01T00:00:00.000Z', stale: true, toolChangedSinceReview: true },
        token: tokens.editor,
      },
    )
    expect(response.status).toBe(200)
    const draft = await newest(skepticOnAlpha)
    expect(draft.reviewedAt).not.toBe('2001-01-01T00:00:00.000Z')
    expect(draft.stale).toBe(false)
    expect(draft.toolChangedSinceReview).toBe(false)
    // Put the verdict back where it was: approved and published again.
    await workflowAction(rest, slugs.verdicts, skepticOnAlpha, 'submit', tokens.editor)
    await workflowAction(rest, slugs.verdicts, skepticOnAlpha, 'approve', tokens.reviewer)
    await workflowAction(rest, slugs.verdicts, skepticOnAlpha, 'publish', tokens.editor)
  })
})

describe('the daily freshness job', () => {
  const options = () => pluginOptionsOf(payload)

  it('is a scheduled task on its own queue, daily by default', () => {
    const task = payload.config.jobs.tasks?.find((each) => each.slug === markStaleVerdictsTaskSlug)
    expect(task?.schedule).toEqual([{ cron: '0 4 * * *', queue: freshnessQueue }])
    expect(options().freshness.reviewEveryDays).toBe(180)
  })

  it("marks a verdict stale after its persona's own interval, mails its approvers once, and unpublishes nothing", async () => {
    await payload.update({
      id: fixtures.personaIds.other,
      collection: slugs.reviewers,
      data: { reviewEveryDays: 30 },
    })
    const now = new Date()
    futuristOnAlpha = (
      (await payload.create({
        collection: slugs.verdicts,
        data: verdictData({
          _status: 'published',
          decision: 'ship',
          quote: quote('Old take on Alpha.'),
          reviewedAt: new Date(now.getTime() - 31 * day).toISOString(),
          reviewer: fixtures.personaIds.other,
          tool: fixtures.toolIds.alpha,
        }),
      })) as unknown as VerdictDoc
    ).id
    // The page is cached now, so the job must drop it for readers to see the mark.
    expect((await matchupPage()).scorecard.find((each) => each.reviewer.name === 'The Futurist')?.stale).toBe(false)
    const mailsBefore = mailsTo(accounts.otherReviewer.email).length

    const { marked } = await markStaleVerdicts(await systemReq(), options(), { now })
    expect(marked.map(String)).toEqual([String(futuristOnAlpha)])
    expect((await live(futuristOnAlpha)).stale).toBe(true)
    expect((await live(futuristOnAlpha))._status).toBe('published')
    expect((await live(futuristOnBeta)).stale).toBe(false)
    expect((await live(skepticOnAlpha)).stale).toBe(false)

    const mails = mailsTo(accounts.otherReviewer.email).slice(mailsBefore)
    expect(mails).toHaveLength(1)
    expect(mails[0].subject).toBe('Due for re-review: The Futurist on Alpha Coder')
    expect(mails[0].text).toContain('every 30 days')
    expect((await historyOf(futuristOnAlpha))[0]).toMatchObject({ action: 'stale' })

    const entry = (await matchupPage()).scorecard.find((each) => each.reviewer.name === 'The Futurist')!
    expect(entry.stale).toBe(true)
    // Consumer sites that cache the page are told which pages changed.
    const queued = await payload.find({ collection: 'payload-jobs', depth: 0, limit: 0, pagination: false })
    const events = (
      queued.docs as unknown as Array<{ input?: { event?: { data: { id: Id; tags: string[] }; type: string } } }>
    )
      .map((job) => job.input?.event)
      .filter((event) => event?.type === 'verdict.updated' && String(event.data.id) === String(futuristOnAlpha))
    expect(events).toHaveLength(1)
    expect(events[0]!.data.tags).toContain('matchup:alpha-coder-vs-beta-chat')

    // The next day's run finds it already marked: no second mail.
    const again = await markStaleVerdicts(await systemReq(), options(), { now: new Date(now.getTime() + day) })
    expect(again.marked).toEqual([])
    expect(mailsTo(accounts.otherReviewer.email).length).toBe(mailsBefore + 1)
  })

  it("uses the panel's 180 days for a persona without its own interval", async () => {
    const reviewed = new Date((await live(skepticOnAlpha)).reviewedAt!)
    const early = await markStaleVerdicts(await systemReq(), options(), {
      now: new Date(reviewed.getTime() + 179 * day),
    })
    expect(early.marked.map(String)).not.toContain(String(skepticOnAlpha))
    expect((await live(skepticOnAlpha)).stale).toBe(false)
    const due = await markStaleVerdicts(await systemReq(), options(), { now: new Date(reviewed.getTime() + 180 * day) })
    expect(due.marked.map(String)).toContain(String(skepticOnAlpha))
    expect((await live(skepticOnAlpha)).stale).toBe(true)
  })

  it('re-approval without changes refreshes reviewedAt and clears the mark', async () => {
    const before = (await live(futuristOnAlpha)).reviewedAt!
    await reapprove(futuristOnAlpha, tokens.otherReviewer)
    const after = await live(futuristOnAlpha)
    expect(after.stale).toBe(false)
    expect(new Date(after.reviewedAt!).getTime()).toBeGreaterThan(new Date(before).getTime())
    expect((await matchupPage()).scorecard.find((each) => each.reviewer.name === 'The Futurist')!.stale).toBe(false)
  })

  it('a re-approval waiting to be published is not marked: publishing it leaves the verdict fresh', async () => {
    const now = new Date()
    const id = (
      (await payload.create({
        collection: slugs.verdicts,
        data: verdictData({
          _status: 'published',
          decision: 'ship',
          quote: quote('Gamma, long ago.'),
          reviewedAt: new Date(now.getTime() - 40 * day).toISOString(),
          reviewer: fixtures.personaIds.other,
          tool: fixtures.toolIds.gamma,
        }),
      })) as unknown as VerdictDoc
    ).id
    await rest.request('PATCH', `/${slugs.verdicts}/${id}?draft=true`, { body: {}, token: tokens.editor })
    await workflowAction(rest, slugs.verdicts, id, 'submit', tokens.editor)
    await workflowAction(rest, slugs.verdicts, id, 'approve', tokens.otherReviewer)
    const { marked } = await markStaleVerdicts(await systemReq(), options(), { now })
    expect(marked.map(String)).toEqual([String(id)])
    expect((await live(id)).stale).toBe(true)
    expect((await newest(id)).stale).toBe(false)
    await workflowAction(rest, slugs.verdicts, id, 'publish', tokens.editor)
    expect((await live(id)).stale).toBe(false)
  })

  it('runs through the jobs queue, for the day it is given', async () => {
    const reviewed = new Date((await live(futuristOnAlpha)).reviewedAt!)
    // The task's slug is the plugin's, not one the generated job types of this app list.
    const job = {
      input: { asOf: new Date(reviewed.getTime() + 31 * day).toISOString() },
      queue: freshnessQueue,
      task: markStaleVerdictsTaskSlug,
    }
    await payload.jobs.queue(job as unknown as Parameters<Payload['jobs']['queue']>[0])
    await payload.jobs.run({ queue: freshnessQueue })
    expect((await live(futuristOnAlpha)).stale).toBe(true)
    expect((await live(futuristOnAlpha))._status).toBe('published')
  })
})

describe('re-review when a tool changes', () => {
  it('flags each published verdict of the tool with what changed, mails the approvers once, and keeps the page live', async () => {
    await reapprove(skepticOnAlpha, tokens.reviewer)
    // A draft waits over the live verdict: the flag reaches it, and it stays the newest version.
    await rest.request('PATCH', `/${slugs.verdicts}/${skepticOnAlpha}?draft=true`, {
      body: { quote: quote('Pending rewrite.') },
      token: tokens.editor,
    })
    const mailsBefore = mailsTo(accounts.reviewer.email).length

    const response = await rest.request('PATCH', `/${slugs.tools}/${fixtures.toolIds.alpha}`, {
      body: { pricing: { note: 'per seat', tier: 'paid' }, tagline: 'Now a hosted agent' },
      token: tokens.editor,
    })
    expect(response.status).toBe(200)

    const flagged = await live(skepticOnAlpha)
    expect(flagged).toMatchObject({ _status: 'published', toolChangedSinceReview: true })
    expect(flagged.toolChanges!.map(({ field, from, to }) => ({ field, from, to }))).toEqual([
      { field: 'pricing.tier', from: 'Free', to: 'Paid' },
      { field: 'pricing.note', from: null, to: 'per seat' },
      { field: 'tagline', from: null, to: 'Now a hosted agent' },
    ])
    const draft = await newest(skepticOnAlpha)
    expect(draft.toolChangedSinceReview).toBe(true)
    expect(JSON.stringify((draft as unknown as { quote: unknown }).quote)).toContain('Pending rewrite.')
    expect((await live(futuristOnAlpha)).toolChangedSinceReview).toBe(true)
    expect((await live(futuristOnBeta)).toolChangedSinceReview).toBe(false)

    const mails = mailsTo(accounts.reviewer.email).slice(mailsBefore)
    expect(mails).toHaveLength(1)
    expect(mails[0].subject).toBe('Tool changed since review: The Skeptic on Alpha Coder')
    expect(mails[0].text).toContain('Pricing tier: "Free" → "Paid"')
    const [event] = await historyOf(skepticOnAlpha)
    expect(event.action).toBe('tool_changed')
    expect(event.comment).toContain('Tagline: (none) → "Now a hosted agent"')
    expect((await rest.request('GET', `/${slugs.verdicts}/${skepticOnAlpha}`)).status).toBe(200)
  })

  it('a change to a field the verdict does not rest on, or a refused change, flags nothing', async () => {
    const mailsBefore = outbox.length
    const eventsBefore = (await historyOf(skepticOnAlpha)).length
    await rest.request('PATCH', `/${slugs.tools}/${fixtures.toolIds.beta}`, {
      body: { vendor: 'Beta Labs' },
      token: tokens.editor,
    })
    const denied = await rest.request('PATCH', `/${slugs.tools}/${fixtures.toolIds.beta}`, {
      body: { tagline: 'Sneaky' },
      token: tokens.reviewer,
    })
    expect(denied.status).toBe(403)
    expect((await live(futuristOnBeta)).toolChangedSinceReview).toBe(false)
    expect(outbox.length).toBe(mailsBefore)
    expect((await historyOf(skepticOnAlpha)).length).toBe(eventsBefore)
  })

  it('re-approving clears the flag and what changed', async () => {
    await workflowAction(rest, slugs.verdicts, skepticOnAlpha, 'submit', tokens.editor)
    await workflowAction(rest, slugs.verdicts, skepticOnAlpha, 'approve', tokens.reviewer)
    expect((await newest(skepticOnAlpha)).toolChangedSinceReview).toBe(false)
    // Until it is published, readers still see the live verdict with its flag.
    expect((await live(skepticOnAlpha)).toolChangedSinceReview).toBe(true)
    await workflowAction(rest, slugs.verdicts, skepticOnAlpha, 'publish', tokens.editor)
    expect(await live(skepticOnAlpha)).toMatchObject({ toolChangedSinceReview: false, toolChanges: null })
  })
})
