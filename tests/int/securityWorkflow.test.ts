import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Fixtures, Id } from '../helpers/fixtures.ts'
import type { RestClient } from '../helpers/rest.ts'

import { verdictData } from '../helpers/createData.ts'
import { accounts, createFixtures, password, quote, slugs } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient, tokenFor, workflowAction } from '../helpers/rest.ts'

/**
 * Finding 4: four eyes for admins too. An admin who writes a verdict cannot approve it;
 * another admin (or the persona's reviewer) can, and the author may then publish it.
 * (`workflow.allowSelfApproval` has its unit test in tests/unit/workflowRules.test.ts.)
 */
let payload: Payload
let fixtures: Fixtures
let rest: RestClient
let admin: string
let secondAdmin: string

beforeAll(async () => {
  payload = await startTestPayload('security-workflow')
  fixtures = await createFixtures(payload)
  rest = restClient(payload)
  admin = await tokenFor(payload, accounts.admin.email, password)
  await payload.create({
    collection: slugs.users,
    data: { email: 'second-admin@test.local', password, role: 'admin' },
  })
  secondAdmin = await tokenFor(payload, 'second-admin@test.local', password)
})

afterAll(async () => {
  await payload?.destroy()
})

describe('nobody approves their own work', () => {
  let id: Id

  it('an admin writes and submits a verdict, then cannot approve it or request changes on it', async () => {
    const created = await rest.request<{ doc: { id: Id } }>('POST', `/${slugs.verdicts}`, {
      body: {
        decision: 'ship',
        quote: quote('Written by the admin.'),
        reviewer: fixtures.personaIds.skeptic,
        tool: fixtures.toolIds.alpha,
      },
      token: admin,
    })
    expect(created.status).toBe(201)
    id = created.body.doc.id
    expect((await workflowAction(rest, slugs.verdicts, id, 'submit', admin)).status).toBe(200)
    const approve = await workflowAction(rest, slugs.verdicts, id, 'approve', admin)
    expect(approve.status).toBe(403)
    expect(approve.body.errors?.[0].message).toBe('you cannot approve your own verdict: you wrote or last edited it')
    expect((await workflowAction(rest, slugs.verdicts, id, 'request_changes', admin, 'Self review.')).status).toBe(403)
    const state = await rest.request<{ actions: string[]; stage: string }>('GET', `/${slugs.verdicts}/${id}/workflow`, {
      token: admin,
    })
    expect(state.body).toMatchObject({ actions: [], stage: 'in_review' })
  })

  it('a plain PATCH to published is refused too', async () => {
    const response = await rest.request('PATCH', `/${slugs.verdicts}/${id}`, {
      body: { _status: 'published' },
      token: admin,
    })
    expect(response.status).toBe(409)
  })

  it('another admin approves, and the author may publish', async () => {
    expect((await workflowAction(rest, slugs.verdicts, id, 'approve', secondAdmin)).status).toBe(200)
    expect((await workflowAction(rest, slugs.verdicts, id, 'publish', admin)).status).toBe(200)
  })
})

describe('the published version stays live while an edit is in progress', () => {
  it('refuses a plain save over it, by PATCH or bulk update, and keeps the panel score exact', async () => {
    const editor = await tokenFor(payload, accounts.editor.email, password)
    const live = await payload.create({
      collection: slugs.verdicts,
      data: verdictData({
        _status: 'published',
        decision: 'ship',
        quote: quote('The live take.'),
        reviewer: fixtures.personaIds.skeptic,
        tool: fixtures.toolIds.beta,
      }),
    })
    const panel = async () =>
      ((await payload.findByID({ id: fixtures.toolIds.beta, collection: slugs.tools })) as { panelScore: unknown })
        .panelScore
    expect(await panel()).toMatchObject({ ship: 1, total: 1 })
    const edit = await rest.request('PATCH', `/${slugs.verdicts}/${live.id}?draft=true`, {
      body: { quote: quote('An edit in progress.') },
      token: editor,
    })
    expect(edit.status).toBe(200)

    // Without draft=true the save would carry the draft's status over the live verdict.
    const plain = await rest.request<{ errors?: Array<{ message: string }> }>(
      'PATCH',
      `/${slugs.verdicts}/${live.id}`,
      {
        body: { quote: quote('Saved over the live one.') },
        token: editor,
      },
    )
    expect(plain.status).toBe(409)
    expect(plain.body.errors?.[0].message).toContain('this verdict is published: save changes as a draft (draft=true)')
    const bulk = await rest.request('PATCH', `/${slugs.verdicts}?where[id][equals]=${live.id}`, {
      body: { quote: quote('Saved over the live one, in bulk.') },
      token: admin,
    })
    expect(bulk.status).toBe(409)

    const read = await rest.request<{ _status: string; quote: unknown }>('GET', `/${slugs.verdicts}/${live.id}`)
    expect(read.body._status).toBe('published')
    expect(JSON.stringify(read.body.quote)).toContain('The live take.')
    expect(await panel()).toMatchObject({ ship: 1, total: 1 })
    // The edit goes on as a draft.
    const again = await rest.request('PATCH', `/${slugs.verdicts}/${live.id}?draft=true`, {
      body: { quote: quote('The edit, continued.') },
      token: editor,
    })
    expect(again.status).toBe(200)
  })
})
