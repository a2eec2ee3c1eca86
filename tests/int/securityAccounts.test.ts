import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Fixtures, Id } from '../helpers/fixtures.ts'
import type { RestClient } from '../helpers/rest.ts'

import { socketAddressHeader, socketAddressProof, socketProofHeader } from '../../src/http/clientAddress.ts'
import { accounts, createFixtures, password, slugs } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient, tokenFor } from '../helpers/rest.ts'

/** Finding 7: password rules, changing one's own password, sign-in answers and throttling. */
let payload: Payload
let fixtures: Fixtures
let rest: RestClient
let admin: string
let addressCounter = 0

beforeAll(async () => {
  payload = await startTestPayload('security-accounts')
  fixtures = await createFixtures(payload)
  rest = restClient(payload)
  admin = await tokenFor(payload, accounts.admin.email, password)
})

afterAll(async () => {
  await payload?.destroy()
})

function fromNewAddress(): Record<string, string> {
  addressCounter += 1
  return { [socketAddressHeader]: `192.0.2.${addressCounter}`, [socketProofHeader]: socketAddressProof() }
}

type ErrorBody = { errors?: Array<{ data?: { errors?: Array<{ message: string; path: string }> }; message: string }> }
const fieldsOf = (body: unknown) =>
  ((body as ErrorBody).errors ?? []).flatMap((error) => (error.data?.errors ?? []).map((field) => field.path))

function login(email: string, secret: string, headers: Record<string, string> = fromNewAddress()) {
  return rest.request<ErrorBody & { token?: string }>('POST', `/${slugs.users}/login`, {
    body: { email, password: secret },
    headers,
  })
}

describe('password rules', () => {
  it.each([['123'], ['eleven-char']])('refuses the password %p with a 400 naming password', async (weak) => {
    const response = await rest.request('POST', `/${slugs.users}`, {
      body: { email: `weak${weak.length}@test.local`, password: weak, role: 'editor' },
      token: admin,
    })
    expect(response.status).toBe(400)
    expect(fieldsOf(response.body)).toEqual(['password'])
  })

  it('refuses a password longer than 256 characters before hashing it', async () => {
    const started = Date.now()
    const response = await rest.request('POST', `/${slugs.users}`, {
      body: { email: 'long@test.local', password: 'x'.repeat(300_000), role: 'editor' },
      token: admin,
    })
    expect(response.status).toBe(400)
    expect(fieldsOf(response.body)).toEqual(['password'])
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('accepts twelve characters', async () => {
    const response = await rest.request('POST', `/${slugs.users}`, {
      body: { email: 'twelve@test.local', password: 'twelve-chars', role: 'editor' },
      token: admin,
    })
    expect(response.status).toBe(201)
  })
})

describe('changing one’s own password', () => {
  let editorId: Id
  beforeAll(() => {
    editorId = fixtures.userIds.editor
  })

  it('needs the current password, and ends the account’s other sessions', async () => {
    const otherSession = await tokenFor(payload, accounts.editor.email, password)
    const thisSession = await tokenFor(payload, accounts.editor.email, password)
    const withoutCurrent = await rest.request('PATCH', `/${slugs.users}/${editorId}`, {
      body: { password: 'a-new-long-password' },
      token: thisSession,
    })
    expect(withoutCurrent.status).toBe(400)
    expect(fieldsOf(withoutCurrent.body)).toEqual(['currentPassword'])
    const wrongCurrent = await rest.request('PATCH', `/${slugs.users}/${editorId}`, {
      body: { currentPassword: 'not-the-password', password: 'a-new-long-password' },
      token: thisSession,
    })
    expect(wrongCurrent.status).toBe(400)
    // Nothing changed: the old password still signs in.
    expect((await login(accounts.editor.email, password)).status).toBe(200)

    const changed = await rest.request('PATCH', `/${slugs.users}/${editorId}`, {
      body: { currentPassword: password, password: 'a-new-long-password' },
      token: thisSession,
    })
    expect(changed.status).toBe(200)
    const me = async (token: string) =>
      (await rest.request<{ user: null | { email: string } }>('GET', `/${slugs.users}/me`, { token })).body.user
    expect(await me(thisSession)).toMatchObject({ email: accounts.editor.email })
    expect(await me(otherSession)).toBeNull()
    expect((await login(accounts.editor.email, 'a-new-long-password')).status).toBe(200)
  })

  it('lets an admin set another account’s password without it', async () => {
    const response = await rest.request('PATCH', `/${slugs.users}/${fixtures.userIds.otherReviewer}`, {
      body: { password: 'reset-by-the-admin' },
      token: admin,
    })
    expect(response.status).toBe(200)
  })
})

describe('signing in', () => {
  it('answers an unknown email and a wrong password alike, in similar time', async () => {
    const timed = async (email: string) => {
      const started = performance.now()
      const response = await login(email, 'wrong-password-here')
      return { message: response.body.errors?.[0]?.message, ms: performance.now() - started, status: response.status }
    }
    const unknown = [
      await timed('nobody@test.local'),
      await timed('nobody@test.local'),
      await timed('nobody@test.local'),
    ]
    const wrong = [
      await timed(accounts.reviewer.email),
      await timed(accounts.reviewer.email),
      await timed(accounts.reviewer.email),
    ]
    expect(unknown[0].status).toBe(wrong[0].status)
    expect(unknown[0].message).toBe(wrong[0].message)
    const median = (runs: Array<{ ms: number }>) => runs.map((run) => run.ms).sort((a, b) => a - b)[1]
    expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.5)
  })

  it('answers a sign-in with a huge password at once, like a wrong one', async () => {
    const started = Date.now()
    const huge = await login(accounts.reviewer.email, 'x'.repeat(500_000))
    expect(huge.status).toBe(401)
    expect(huge.body.errors?.[0]?.message).toBe(
      (await login('nobody@test.local', 'wrong-password-here')).body.errors?.[0]?.message,
    )
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('does not say that a locked account exists', async () => {
    await payload.db.updateOne({
      collection: slugs.users,
      data: { lockUntil: new Date(Date.now() + 60_000).toISOString(), loginAttempts: 20 },
      where: { email: { equals: accounts.reviewer.email } },
    })
    const locked = await login(accounts.reviewer.email, password)
    const unknown = await login('nobody@test.local', password)
    expect(locked.status).toBe(unknown.status)
    expect(locked.body.errors?.[0]?.message).toBe(unknown.body.errors?.[0]?.message)
    await payload.db.updateOne({
      collection: slugs.users,
      data: { lockUntil: null, loginAttempts: 0 },
      where: { email: { equals: accounts.reviewer.email } },
    })
  })

  it('throttles sign-ins per client address before one caller can lock the admin out', async () => {
    const attacker = fromNewAddress()
    const statuses: number[] = []
    for (let attempt = 0; attempt < 8; attempt += 1) {
      statuses.push((await login(accounts.admin.email, 'guessing-the-password', attacker)).status)
    }
    expect(statuses.slice(0, 5).every((status) => status === 401)).toBe(true)
    expect(statuses.slice(5)).toEqual([429, 429, 429])
    // The admin, from their own address, still signs in.
    expect((await login(accounts.admin.email, password)).status).toBe(200)
  })

  it('does not count successful sign-ins, so a shared address keeps working', async () => {
    const office = fromNewAddress()
    for (let attempt = 0; attempt < 8; attempt += 1) {
      expect((await login(accounts.admin.email, password, office)).status).toBe(200)
    }
  })
})
