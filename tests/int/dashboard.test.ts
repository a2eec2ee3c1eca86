import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'

import type { Fixtures, Id } from '../helpers/fixtures.ts'
import type { RestClient } from '../helpers/rest.ts'
import type { Dashboard } from '../../src/workflow/dashboard.ts'

import { accounts, createFixtures, password, quote, slugs } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient, tokenFor, workflowAction } from '../helpers/rest.ts'
import { verdictData } from '../helpers/createData.ts'

/**
 * Each role's dashboard (issue 17) through `GET /api/editorial/dashboard`, as the real
 * users: what the editor, the reviewer and the admin see, and what they must not.
 */
let payload: Payload
let fixtures: Fixtures
let rest: RestClient
const token: Record<string, string> = {}
const ids = {} as Record<'changed' | 'draft' | 'returned', Id>

const dashboardOf = async (who?: string) =>
  rest.request<Dashboard & { errors?: unknown[] }>('GET', '/editorial/dashboard', { token: who && token[who] })

beforeAll(async () => {
  payload = await startTestPayload('dashboard')
  fixtures = await createFixtures(payload)
  rest = restClient(payload)
  for (const name of ['admin', 'editor', 'reviewer', 'otherReviewer'] as const) {
    token[name] = await tokenFor(payload, accounts[name].email, password)
  }
  const create = async (tool: Id, text: string) =>
    (
      await rest.request<{ doc: { id: Id } }>('POST', `/${slugs.verdicts}?draft=true`, {
        body: { decision: 'ship', quote: quote(text), reviewer: fixtures.personaIds.skeptic, tool },
        token: token.editor,
      })
    ).body.doc.id
  ids.draft = await create(fixtures.toolIds.alpha, 'Still drafting.')
  ids.returned = await create(fixtures.toolIds.beta, 'Needs work.')
  await workflowAction(rest, slugs.verdicts, ids.returned, 'submit', token.editor)
  await workflowAction(rest, slugs.verdicts, ids.returned, 'request_changes', token.reviewer, 'Cite a benchmark.')

  // Live as "skip"; the editor's new draft says "ship" with a new quote and goes to review.
  const live = await payload.create({
    collection: slugs.verdicts,
    data: verdictData({
      _status: 'published',
      decision: 'skip',
      quote: quote('Too slow.'),
      reviewer: fixtures.personaIds.skeptic,
      tool: fixtures.toolIds.gamma,
    }),
  })
  ids.changed = (live as { id: Id }).id
  await rest.request('PATCH', `/${slugs.verdicts}/${ids.changed}?draft=true`, {
    body: { decision: 'ship', quote: quote('Fast enough now.') },
    token: token.editor,
  })
  await workflowAction(rest, slugs.verdicts, ids.changed, 'submit', token.editor)

  await payload.create({
    collection: slugs.webhookDeliveries,
    data: {
      attempt: 5,
      error: 'connect ECONNREFUSED',
      eventType: 'verdict.published',
      outcome: 'gave-up',
      url: 'https://consumer.example/hook',
    },
  })
})

afterAll(async () => {
  await payload?.destroy()
})

describe('the editor', () => {
  it('sees their drafts, the changes requested with the comment, and a notification', async () => {
    const { body, status } = await dashboardOf('editor')
    expect(status).toBe(200)
    expect(body.role).toBe('editor')
    expect(body.drafts?.map((item) => item.id)).toEqual([ids.draft])
    expect(body.changesRequested).toEqual([
      expect.objectContaining({ comment: 'Cite a benchmark.', id: ids.returned, requestedBy: accounts.reviewer.email }),
    ])
    expect(body.notifications).toContainEqual(
      expect.objectContaining({ action: 'request_changes', comment: 'Cite a benchmark.', id: ids.returned }),
    )
    // Judging is not the editor's job, and webhooks are the admin's.
    expect(body.awaiting).toBeUndefined()
    expect(body.failedDeliveries).toBeUndefined()
  })
})

describe('the reviewer', () => {
  it('sees what awaits their approval: submitter, decision, quote and what changed since the live version', async () => {
    const { body } = await dashboardOf('reviewer')
    expect(body.awaiting).toEqual([
      expect.objectContaining({
        changes: [
          { after: 'ship', before: 'skip', field: 'decision' },
          { after: 'Fast enough now.', before: 'Too slow.', field: 'quote' },
        ],
        decision: 'ship',
        id: ids.changed,
        quote: 'Fast enough now.',
        submittedBy: accounts.editor.email,
      }),
    ])
    expect(body.drafts).toBeUndefined()
  })

  it('moves an approved verdict to the editor’s "approved, ready to publish"', async () => {
    expect((await workflowAction(rest, slugs.verdicts, ids.changed, 'approve', token.reviewer)).status).toBe(200)
    const { body } = await dashboardOf('editor')
    expect(body.approved?.map((item) => item.id)).toEqual([ids.changed])
    expect((await dashboardOf('reviewer')).body.awaiting).toEqual([])
  })

  it('does not show a reviewer the verdicts of another persona', async () => {
    await workflowAction(rest, slugs.verdicts, ids.draft, 'submit', token.editor)
    expect((await dashboardOf('otherReviewer')).body.awaiting).toEqual([])
    expect((await dashboardOf('reviewer')).body.awaiting?.map((item) => item.id)).toEqual([ids.draft])
  })
})

describe('the admin', () => {
  it('sees both sides and the failed webhook deliveries', async () => {
    const { body } = await dashboardOf('admin')
    expect(body.awaiting).toBeDefined()
    expect(body.approved).toBeDefined()
    expect(body.failedDeliveries).toEqual([
      expect.objectContaining({ error: 'connect ECONNREFUSED', url: 'https://consumer.example/hook' }),
    ])
  })
})

it('logs a refused publish (409) at info level, not as an ERROR', async () => {
  const error = jest.spyOn(payload.logger, 'error')
  const info = jest.spyOn(payload.logger, 'info')
  try {
    const refused = await rest.request('PATCH', `/${slugs.verdicts}/${ids.returned}`, {
      body: { _status: 'published' },
      token: token.editor,
    })
    expect(refused.status).toBe(409)
    expect(error).not.toHaveBeenCalled()
    expect(info).toHaveBeenCalledWith(expect.objectContaining({ msg: 'only approved verdicts can be published' }))
  } finally {
    error.mockRestore()
    info.mockRestore()
  }
})

it('answers 403 to anyone outside the editorial team', async () => {
  expect((await dashboardOf()).status).toBe(403)
})

it("counts each stage for the list's filters in one request, as the list counts them", async () => {
  const counts = await rest.request<Record<string, number>>('GET', `/${slugs.verdicts}/stage-counts`, {
    token: token.editor,
  })
  expect(counts.status).toBe(200)
  for (const stage of ['all', 'draft', 'in_review', 'changes_requested', 'approved', 'published']) {
    const filter = stage === 'all' ? '' : `&where[workflowStage][equals]=${stage}`
    const list = await rest.request<{ totalDocs: number }>('GET', `/${slugs.verdicts}?draft=true&limit=1${filter}`, {
      token: token.editor,
    })
    expect([stage, counts.body[stage]]).toEqual([stage, list.body.totalDocs])
  }
  expect(counts.body.all).toBeGreaterThan(0)
  expect((await rest.request('GET', `/${slugs.verdicts}/stage-counts`)).status).toBe(403)
})
