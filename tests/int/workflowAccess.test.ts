import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Fixtures, Id } from '../helpers/fixtures.ts'
import type { RestClient } from '../helpers/rest.ts'

import { toolData, verdictData } from '../helpers/createData.ts'
import { accounts, createFixtures, password, quote, slugs } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient, tokenFor, workflowAction } from '../helpers/rest.ts'

/**
 * The access matrix: every role against every operation on a verdict of the persona
 * "The Skeptic", through the REST handlers, with real users. Each cell starts from a
 * verdict in the stage the operation needs.
 */
type Role = 'admin' | 'anonymous' | 'editor' | 'otherReviewer' | 'personaReviewer'
type Operation =
  | 'approve'
  | 'create'
  | 'delete'
  | 'publish'
  | 'read draft'
  | 'read history'
  | 'request changes'
  | 'submit'
  | 'unpublish'
  | 'update'

const roles: Role[] = ['anonymous', 'editor', 'personaReviewer', 'otherReviewer', 'admin']

/** ✓ = allowed (the status of success), otherwise the refusal status. */
const expected: Record<Operation, Record<Role, number>> = {
  'read draft': { admin: 200, anonymous: 404, editor: 200, otherReviewer: 200, personaReviewer: 200 },
  create: { admin: 201, anonymous: 403, editor: 201, otherReviewer: 403, personaReviewer: 403 },
  update: { admin: 200, anonymous: 403, editor: 200, otherReviewer: 403, personaReviewer: 403 },
  submit: { admin: 200, anonymous: 403, editor: 200, otherReviewer: 403, personaReviewer: 403 },
  approve: { admin: 200, anonymous: 403, editor: 403, otherReviewer: 403, personaReviewer: 200 },
  'request changes': { admin: 200, anonymous: 403, editor: 403, otherReviewer: 403, personaReviewer: 200 },
  publish: { admin: 200, anonymous: 403, editor: 200, otherReviewer: 403, personaReviewer: 403 },
  unpublish: { admin: 200, anonymous: 403, editor: 200, otherReviewer: 403, personaReviewer: 403 },
  delete: { admin: 200, anonymous: 403, editor: 200, otherReviewer: 403, personaReviewer: 403 },
  'read history': { admin: 200, anonymous: 403, editor: 200, otherReviewer: 200, personaReviewer: 200 },
}

let payload: Payload
let fixtures: Fixtures
let rest: RestClient
const tokens: Partial<Record<Role, string>> = {}
let toolCounter = 0

beforeAll(async () => {
  payload = await startTestPayload('workflow-access')
  fixtures = await createFixtures(payload)
  rest = restClient(payload)
  tokens.admin = await tokenFor(payload, accounts.admin.email, password)
  tokens.editor = await tokenFor(payload, accounts.editor.email, password)
  tokens.personaReviewer = await tokenFor(payload, accounts.reviewer.email, password)
  tokens.otherReviewer = await tokenFor(payload, accounts.otherReviewer.email, password)
})

afterAll(async () => {
  await payload?.destroy()
})

/** A fresh tool and a verdict of The Skeptic on it, placed in `stage` by a system write. */
async function verdictIn(stage: 'approved' | 'draft' | 'in_review' | 'published'): Promise<Id> {
  toolCounter += 1
  const tool = await payload.create({
    collection: slugs.tools,
    data: toolData({ name: `Matrix tool ${toolCounter}`, pricing: { tier: 'free' } }),
  })
  const verdict = await payload.create({
    collection: slugs.verdicts,
    data: verdictData({
      ...(stage === 'published' ? { _status: 'published' } : { workflowStage: stage }),
      createdBy: fixtures.userIds.editor,
      decision: 'ship',
      quote: quote('Matrix verdict.'),
      reviewer: fixtures.personaIds.skeptic,
      tool: (tool as unknown as { id: Id }).id,
    }),
  })
  return (verdict as unknown as { id: Id }).id
}

const operations: Record<Operation, (token?: string) => Promise<number>> = {
  'read draft': async (token) =>
    (await rest.request('GET', `/${slugs.verdicts}/${await verdictIn('draft')}?draft=true`, { token })).status,
  create: async (token) => {
    toolCounter += 1
    const tool = await payload.create({
      collection: slugs.tools,
      data: toolData({ name: `Matrix tool ${toolCounter}`, pricing: { tier: 'free' } }),
    })
    const body = {
      decision: 'ship',
      quote: quote('New.'),
      reviewer: fixtures.personaIds.skeptic,
      tool: (tool as unknown as { id: Id }).id,
    }
    return (await rest.request('POST', `/${slugs.verdicts}`, { body, token })).status
  },
  update: async (token) =>
    (
      await rest.request('PATCH', `/${slugs.verdicts}/${await verdictIn('draft')}?draft=true`, {
        body: { decision: 'skip' },
        token,
      })
    ).status,
  submit: async (token) =>
    (await workflowAction(rest, slugs.verdicts, await verdictIn('draft'), 'submit', token)).status,
  approve: async (token) =>
    (await workflowAction(rest, slugs.verdicts, await verdictIn('in_review'), 'approve', token)).status,
  'request changes': async (token) =>
    (
      await workflowAction(
        rest,
        slugs.verdicts,
        await verdictIn('in_review'),
        'request_changes',
        token,
        'Please cite a source.',
      )
    ).status,
  publish: async (token) =>
    (await workflowAction(rest, slugs.verdicts, await verdictIn('approved'), 'publish', token)).status,
  unpublish: async (token) =>
    (await workflowAction(rest, slugs.verdicts, await verdictIn('published'), 'unpublish', token)).status,
  delete: async (token) =>
    (await rest.request('DELETE', `/${slugs.verdicts}/${await verdictIn('draft')}`, { token })).status,
  'read history': async (token) => (await rest.request('GET', `/${slugs.workflowEvents}`, { token })).status,
}

describe('workflow access matrix', () => {
  const cells = (Object.keys(expected) as Operation[]).flatMap((operation) =>
    roles.map((role) => [operation, role, expected[operation][role]] as const),
  )
  it.each(cells)('%s by %s → %i', async (operation, role, status) => {
    expect(await operations[operation](tokens[role])).toBe(status)
  })
})

describe('rules that are not about roles', () => {
  it('refuses a reviewer approving a verdict they wrote', async () => {
    const id = await verdictIn('in_review')
    await payload.update({
      collection: slugs.verdicts,
      data: { createdBy: fixtures.userIds.reviewer },
      draft: true,
      id,
    })
    const response = await workflowAction(rest, slugs.verdicts, id, 'approve', tokens.personaReviewer)
    expect(response.status).toBe(403)
    expect(response.body.errors?.[0].message).toBe('you cannot approve your own verdict: you wrote or last edited it')
  })

  it('refuses publishing what is not approved, and leaves the record unchanged', async () => {
    const id = await verdictIn('in_review')
    const viaWorkflow = await workflowAction(rest, slugs.verdicts, id, 'publish', tokens.editor)
    expect(viaWorkflow.status).toBe(409)
    expect(viaWorkflow.body.errors?.[0].message).toBe('only approved verdicts can be published')
    const viaPatch = await rest.request<{ errors: Array<{ message: string }> }>('PATCH', `/${slugs.verdicts}/${id}`, {
      body: { _status: 'published' },
      token: tokens.editor,
    })
    expect(viaPatch.status).toBe(409)
    expect(viaPatch.body.errors[0].message).toBe('only approved verdicts can be published')
    const stored = (await payload.findByID({ collection: slugs.verdicts, draft: true, id })) as unknown as Record<
      string,
      unknown
    >
    expect(stored).toMatchObject({ _status: 'draft', workflowStage: 'in_review' })
  })

  it('ignores a stage or approval sent by a client', async () => {
    const id = await verdictIn('draft')
    const response = await rest.request<{ doc: Record<string, unknown> }>(
      'PATCH',
      `/${slugs.verdicts}/${id}?draft=true`,
      {
        body: { approvedBy: fixtures.userIds.editor, workflowStage: 'approved' },
        token: tokens.editor,
      },
    )
    expect(response.status).toBe(200)
    expect(response.body.doc).toMatchObject({ approvedBy: null, workflowStage: 'draft' })
  })

  it('answers 400 naming the field for an unknown action or a missing comment', async () => {
    const id = await verdictIn('in_review')
    const unknown = await workflowAction(rest, slugs.verdicts, id, 'bless', tokens.admin)
    expect(unknown.status).toBe(400)
    expect(unknown.body.errors?.[0]).toMatchObject({ field: 'action' })
    const noComment = await workflowAction(rest, slugs.verdicts, id, 'request_changes', tokens.personaReviewer)
    expect(noComment.status).toBe(400)
    expect(noComment.body.errors?.[0]).toEqual({
      field: 'comment',
      message: 'a comment is required when requesting changes',
    })
  })

  it('keeps the history append-only, also for admins', async () => {
    const { docs } = await payload.find({ collection: slugs.workflowEvents, limit: 1 })
    const id = (docs[0] as unknown as { id: Id }).id
    expect(
      (
        await rest.request('PATCH', `/${slugs.workflowEvents}/${id}`, {
          body: { comment: 'rewritten' },
          token: tokens.admin,
        })
      ).status,
    ).toBe(403)
    expect((await rest.request('DELETE', `/${slugs.workflowEvents}/${id}`, { token: tokens.admin })).status).toBe(403)
    expect(
      (
        await rest.request('POST', `/${slugs.workflowEvents}`, {
          body: { action: 'approve', to: 'approved' },
          token: tokens.admin,
        })
      ).status,
    ).toBe(403)
  })
})
