import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { CapturedEmail } from '../../src/email/captureEmailAdapter.ts'
import type { Fixtures, Id } from '../helpers/fixtures.ts'
import type { RestClient } from '../helpers/rest.ts'

import { createCaptureEmail } from '../../src/email/captureEmailAdapter.ts'
import { accounts, createFixtures, password, quote, slugs } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient, tokenFor, workflowAction } from '../helpers/rest.ts'

let payload: Payload
let fixtures: Fixtures
let rest: RestClient
let outbox: CapturedEmail[]
const tokens = {} as Record<'editor' | 'otherReviewer' | 'reviewer', string>

beforeAll(async () => {
  const mail = createCaptureEmail()
  outbox = mail.outbox
  payload = await startTestPayload('workflow-story', { email: mail.adapter })
  fixtures = await createFixtures(payload)
  rest = restClient(payload)
  tokens.editor = await tokenFor(payload, accounts.editor.email, password)
  tokens.reviewer = await tokenFor(payload, accounts.reviewer.email, password)
  tokens.otherReviewer = await tokenFor(payload, accounts.otherReviewer.email, password)
})

afterAll(async () => {
  await payload?.destroy()
})

type VerdictBody = { _status: string; quote: unknown; workflowStage: string }
const quoteText = (doc: { quote: unknown }) =>
  (doc.quote as { root: { children: Array<{ children: Array<{ text: string }> }> } }).root.children[0].children[0].text

const publicRead = (id: Id) => rest.request<VerdictBody>('GET', `/${slugs.verdicts}/${id}`)
const draftRead = (id: Id) =>
  rest.request<VerdictBody>('GET', `/${slugs.verdicts}/${id}?draft=true`, { token: tokens.editor })

describe('a live verdict taken down while an edit of it is in review', () => {
  let id: Id
  const gammaScore = async () =>
    (
      (await payload.findByID({ collection: slugs.tools, id: fixtures.toolIds.gamma })) as unknown as {
        panelScore: { ship: number; total: number }
      }
    ).panelScore
  const state = (token: string) =>
    rest.request<{ actions: string[]; history: Array<Record<string, unknown>>; stage: string; status: string }>(
      'GET',
      `/${slugs.verdicts}/${id}/workflow`,
      { token },
    )

  beforeAll(async () => {
    const created = await rest.request<{ doc: { id: Id } }>('POST', `/${slugs.verdicts}?draft=true`, {
      body: {
        decision: 'ship',
        quote: quote('Gamma finds it first.'),
        reviewer: fixtures.personaIds.skeptic,
        tool: fixtures.toolIds.gamma,
      },
      token: tokens.editor,
    })
    id = created.body.doc.id
    await workflowAction(rest, slugs.verdicts, id, 'submit', tokens.editor)
    await workflowAction(rest, slugs.verdicts, id, 'approve', tokens.reviewer)
    expect((await workflowAction(rest, slugs.verdicts, id, 'publish', tokens.editor)).status).toBe(200)
    await rest.request('PATCH', `/${slugs.verdicts}/${id}?draft=true`, {
      body: { quote: quote('Gamma finds it first, and cites it.') },
      token: tokens.editor,
    })
    await workflowAction(rest, slugs.verdicts, id, 'submit', tokens.editor)
  })

  it('offers Unpublish to an editor, not to a reviewer, while the edit is in review', async () => {
    expect(await gammaScore()).toMatchObject({ ship: 1, total: 1 })
    const editorView = await state(tokens.editor)
    expect(editorView.body).toMatchObject({ actions: ['unpublish'], stage: 'in_review', status: 'draft' })
    const reviewerView = await state(tokens.reviewer)
    expect(reviewerView.body.actions).toEqual(['approve', 'request_changes'])

    const refused = await workflowAction(rest, slugs.verdicts, id, 'unpublish', tokens.reviewer)
    expect(refused.status).toBe(403)
    expect(refused.body.errors?.[0].message).toBe('only editors and admins can unpublish')
    expect((await publicRead(id)).status).toBe(200)
  })

  it('an editor unpublishes it: offline at once, no longer counted, the edit kept as a draft', async () => {
    const unpublished = await workflowAction(rest, slugs.verdicts, id, 'unpublish', tokens.editor)
    expect(unpublished.status).toBe(200)
    expect(unpublished.body).toEqual({ id, stage: 'draft', status: 'draft' })
    expect((await publicRead(id)).status).toBe(404)
    expect(await gammaScore()).toMatchObject({ ship: 0, total: 0 })
    expect(quoteText((await draftRead(id)).body)).toBe('Gamma finds it first, and cites it.')

    const after = await state(tokens.editor)
    expect(after.body.actions).toEqual(['submit'])
    expect(after.body.history[0]).toMatchObject({ action: 'unpublish', from: 'published', to: 'draft' })
    const again = await workflowAction(rest, slugs.verdicts, id, 'unpublish', tokens.editor)
    expect(again.status).toBe(409)
    expect(again.body.errors?.[0].message).toBe('only published verdicts can be unpublished')
  })

  it('a matchup too: its page goes, and a tool it alone made public is listed no more', async () => {
    const created = await rest.request<{ doc: { id: Id; slug: string } }>('POST', `/${slugs.matchups}?draft=true`, {
      body: { leftTool: fixtures.toolIds.beta, rightTool: fixtures.toolIds.gamma },
      token: tokens.editor,
    })
    expect(created.status).toBe(201)
    const { id: matchupId, slug } = created.body.doc
    await workflowAction(rest, slugs.matchups, matchupId, 'submit', tokens.editor)
    await workflowAction(rest, slugs.matchups, matchupId, 'approve', tokens.reviewer)
    expect((await workflowAction(rest, slugs.matchups, matchupId, 'publish', tokens.editor)).status).toBe(200)
    const gammaIsPublic = async () =>
      (
        (await payload.findByID({ collection: slugs.tools, id: fixtures.toolIds.gamma })) as unknown as {
          public: boolean
        }
      ).public
    expect(await gammaIsPublic()).toBe(true)
    expect((await rest.request('GET', `/public/matchups/${slug}`)).status).toBe(200)

    await rest.request('PATCH', `/${slugs.matchups}/${matchupId}?draft=true`, {
      body: { customTitle: 'Beta or Gamma for research?' },
      token: tokens.editor,
    })
    await workflowAction(rest, slugs.matchups, matchupId, 'submit', tokens.editor)
    const unpublished = await workflowAction(rest, slugs.matchups, matchupId, 'unpublish', tokens.editor)
    expect(unpublished.body).toEqual({ id: matchupId, stage: 'draft', status: 'draft' })
    expect((await rest.request('GET', `/public/matchups/${slug}`)).status).toBe(404)
    expect(await gammaIsPublic()).toBe(false)
  })
})

describe('a verdict from draft to published, and through an edit', () => {
  let id: Id

  it('an editor drafts it', async () => {
    const created = await rest.request<{ doc: VerdictBody & { id: Id } }>('POST', `/${slugs.verdicts}?draft=true`, {
      body: {
        decision: 'ship',
        quote: quote('First take: ship it.'),
        reviewer: fixtures.personaIds.skeptic,
        tool: fixtures.toolIds.alpha,
      },
      token: tokens.editor,
    })
    expect(created.status).toBe(201)
    expect(created.body.doc).toMatchObject({ _status: 'draft', workflowStage: 'draft' })
    id = created.body.doc.id
    expect((await publicRead(id)).status).toBe(404)
  })

  it("submitting it asks the persona's reviewer by mail", async () => {
    const submitted = await workflowAction(rest, slugs.verdicts, id, 'submit', tokens.editor)
    expect(submitted.body).toEqual({ id, stage: 'in_review', status: 'draft' })
    expect(outbox.at(-1)).toMatchObject({
      subject: 'Review requested: The Skeptic on Alpha Coder',
      to: [accounts.reviewer.email],
    })
    expect(outbox.at(-1)!.text).toContain(`/admin/collections/verdicts/${id}`)
  })

  it("the wrong reviewer is refused; the persona's reviewer approves", async () => {
    const wrong = await workflowAction(rest, slugs.verdicts, id, 'approve', tokens.otherReviewer)
    expect(wrong.status).toBe(403)
    expect(wrong.body.errors?.[0].message).toBe('only a reviewer of this persona, or an admin, can approve')
    expect((await draftRead(id)).body.workflowStage).toBe('in_review')

    const approved = await workflowAction(rest, slugs.verdicts, id, 'approve', tokens.reviewer)
    expect(approved.body.stage).toBe('approved')
  })

  it('the editor publishes it and the public sees it', async () => {
    const published = await workflowAction(rest, slugs.verdicts, id, 'publish', tokens.editor)
    expect(published.body).toEqual({ id, stage: 'published', status: 'published' })
    const live = await publicRead(id)
    expect(live.status).toBe(200)
    expect(quoteText(live.body)).toBe('First take: ship it.')
  })

  it('an edit is a new draft that needs approval, while the published version stays live', async () => {
    const edited = await rest.request<{ doc: VerdictBody }>('PATCH', `/${slugs.verdicts}/${id}?draft=true`, {
      body: { quote: quote('Second take: still ship, with caveats.') },
      token: tokens.editor,
    })
    expect(edited.status).toBe(200)
    expect(edited.body.doc.workflowStage).toBe('draft')
    expect(quoteText((await draftRead(id)).body)).toBe('Second take: still ship, with caveats.')
    expect(quoteText((await publicRead(id)).body)).toBe('First take: ship it.')

    const premature = await workflowAction(rest, slugs.verdicts, id, 'publish', tokens.editor)
    expect(premature.status).toBe(409)
    expect(quoteText((await publicRead(id)).body)).toBe('First take: ship it.')
  })

  it('changes requested go back to the author with the comment', async () => {
    await workflowAction(rest, slugs.verdicts, id, 'submit', tokens.editor)
    const sent = await workflowAction(rest, slugs.verdicts, id, 'request_changes', tokens.reviewer, 'Name the caveats.')
    expect(sent.body.stage).toBe('changes_requested')
    expect(outbox.at(-1)).toMatchObject({
      subject: 'Changes requested: The Skeptic on Alpha Coder',
      to: [accounts.editor.email],
    })
    expect(outbox.at(-1)!.text).toContain('Name the caveats.')
  })

  it('editing approved content dismisses the approval', async () => {
    await rest.request('PATCH', `/${slugs.verdicts}/${id}?draft=true`, {
      body: { quote: quote('Second take: ship, but pin the version.') },
      token: tokens.editor,
    })
    await workflowAction(rest, slugs.verdicts, id, 'submit', tokens.editor)
    await workflowAction(rest, slugs.verdicts, id, 'approve', tokens.reviewer)
    const mailsBefore = outbox.length
    const edited = await rest.request<{ doc: VerdictBody & { approvedBy: unknown } }>(
      'PATCH',
      `/${slugs.verdicts}/${id}?draft=true`,
      {
        body: { decision: 'skip' },
        token: tokens.editor,
      },
    )
    expect(edited.body.doc).toMatchObject({ approvedBy: null, workflowStage: 'in_review' })
    expect(outbox.length).toBe(mailsBefore + 1)
    expect(outbox.at(-1)!.to).toEqual([accounts.reviewer.email])
  })

  it('re-approved and published, the new version goes live', async () => {
    await workflowAction(rest, slugs.verdicts, id, 'approve', tokens.reviewer)
    const published = await workflowAction(rest, slugs.verdicts, id, 'publish', tokens.editor)
    expect(published.body.stage).toBe('published')
    expect(quoteText((await publicRead(id)).body)).toBe('Second take: ship, but pin the version.')
    const tool = (await payload.findByID({ collection: slugs.tools, id: fixtures.toolIds.alpha })) as unknown as {
      panelScore: { skip: number; total: number }
    }
    expect(tool.panelScore).toMatchObject({ skip: 1, total: 1 })
  })

  it('recorded every transition: who, when, from, to, comment', async () => {
    const state = await rest.request<{ actions: string[]; history: Array<Record<string, unknown>>; stage: string }>(
      'GET',
      `/${slugs.verdicts}/${id}/workflow`,
      { token: tokens.editor },
    )
    expect(state.body.stage).toBe('published')
    expect(state.body.actions).toEqual(['unpublish'])
    const steps = [...state.body.history]
      .reverse()
      .map((event) => `${event.action}: ${event.from ?? '∅'} → ${event.to} by ${event.user}`)
    expect(steps).toEqual([
      'create: ∅ → draft by editor@test.local',
      'submit: draft → in_review by editor@test.local',
      'approve: in_review → approved by reviewer@test.local',
      'publish: approved → published by editor@test.local',
      'edit: published → draft by editor@test.local',
      'submit: draft → in_review by editor@test.local',
      'request_changes: in_review → changes_requested by reviewer@test.local',
      'submit: changes_requested → in_review by editor@test.local',
      'approve: in_review → approved by reviewer@test.local',
      'edit: approved → in_review by editor@test.local',
      'approve: in_review → approved by reviewer@test.local',
      'publish: approved → published by editor@test.local',
    ])
    expect(state.body.history.find((event) => event.action === 'request_changes')?.comment).toBe('Name the caveats.')
    expect(state.body.history.every((event) => typeof event.createdAt === 'string')).toBe(true)
  })

  it("lists what awaits a reviewer's approval, and nothing of other personas", async () => {
    const other = await payload.create({
      collection: slugs.verdicts,
      data: {
        decision: 'ship',
        quote: quote('Waiting.'),
        reviewer: fixtures.personaIds.other,
        tool: fixtures.toolIds.beta,
        workflowStage: 'in_review',
      },
    })
    const mine = await payload.create({
      collection: slugs.verdicts,
      data: {
        decision: 'ship',
        quote: quote('Mine to judge.'),
        reviewer: fixtures.personaIds.skeptic,
        tool: fixtures.toolIds.beta,
        workflowStage: 'in_review',
      },
    })
    const list = await rest.request<{ docs: Array<{ id: Id }> }>('GET', `/${slugs.verdicts}/awaiting-approval`, {
      token: tokens.reviewer,
    })
    expect(list.status).toBe(200)
    expect(list.body.docs.map((doc) => doc.id)).toEqual([(mine as unknown as { id: Id }).id])
    const otherList = await rest.request<{ docs: Array<{ id: Id }> }>('GET', `/${slugs.verdicts}/awaiting-approval`, {
      token: tokens.otherReviewer,
    })
    expect(otherList.body.docs.map((doc) => doc.id)).toEqual([(other as unknown as { id: Id }).id])
    expect((await rest.request('GET', `/${slugs.verdicts}/awaiting-approval`)).status).toBe(403)
  })

  it('answers 404 for an unknown or malformed id, on reads and on actions', async () => {
    for (const missing of ['999999', 'not-an-id', '0123456789abcdef01234567']) {
      const state = await rest.request<{ errors: Array<{ message: string }> }>(
        'GET',
        `/${slugs.verdicts}/${missing}/workflow`,
        { token: tokens.editor },
      )
      expect([missing, state.status]).toEqual([missing, 404])
      const action = await workflowAction(rest, slugs.verdicts, missing, 'submit', tokens.editor)
      expect([missing, action.status]).toEqual([missing, 404])
    }
  })
})
