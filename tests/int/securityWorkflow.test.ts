import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Fixtures, Id } from '../helpers/fixtures.ts'
import type { RestClient } from '../helpers/rest.ts'

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
