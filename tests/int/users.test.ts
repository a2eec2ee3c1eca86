import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { RestClient } from '../helpers/rest.ts'

import { slugs } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient, tokenFor } from '../helpers/rest.ts'

let payload: Payload
let rest: RestClient

beforeAll(async () => {
  payload = await startTestPayload('users')
  rest = restClient(payload)
})

afterAll(async () => {
  await payload?.destroy()
})

type UserDoc = { id: number | string; role: string }

describe('editorial accounts', () => {
  it('makes the first account an admin, whatever role it asked for', async () => {
    const first = await rest.request<{ user: UserDoc }>('POST', `/${slugs.users}/first-register`, {
      body: { email: 'founder@test.local', password: 'founder-pass-1', role: 'editor' },
    })
    expect(first.status).toBe(200)
    expect(first.body.user.role).toBe('admin')
  })

  it('gives later accounts the role the admin chose', async () => {
    const adminToken = await tokenFor(payload, 'founder@test.local', 'founder-pass-1')
    const created = await rest.request<{ doc: UserDoc }>('POST', `/${slugs.users}`, {
      body: { email: 'writer@test.local', password: 'writer-pass-1', role: 'editor' },
      token: adminToken,
    })
    expect(created.status).toBe(201)
    expect(created.body.doc.role).toBe('editor')
  })

  it('denies an editor promoting themselves', async () => {
    const token = await tokenFor(payload, 'writer@test.local', 'writer-pass-1')
    const { docs } = await payload.find({ collection: slugs.users, where: { email: { equals: 'writer@test.local' } } })
    const id = (docs[0] as UserDoc).id
    await rest.request('PATCH', `/${slugs.users}/${id}`, { body: { role: 'admin' }, token })
    const after = (await payload.findByID({ collection: slugs.users, id })) as unknown as UserDoc
    expect(after.role).toBe('editor')
  })

  it('denies non-admins creating accounts or changing other accounts', async () => {
    const token = await tokenFor(payload, 'writer@test.local', 'writer-pass-1')
    const create = await rest.request('POST', `/${slugs.users}`, {
      body: { email: 'sneaky@test.local', password: 'sneaky-pass-1', role: 'admin' },
      token,
    })
    expect(create.status).toBe(403)
    const { docs } = await payload.find({ collection: slugs.users, where: { email: { equals: 'founder@test.local' } } })
    const founderId = (docs[0] as unknown as UserDoc).id
    const edit = await rest.request('PATCH', `/${slugs.users}/${founderId}`, { body: { name: 'Hijacked' }, token })
    expect(edit.status).toBe(403)
    expect((await rest.request('DELETE', `/${slugs.users}/${founderId}`, { token })).status).toBe(403)
  })

  it('shows the team to each other but no account to the public', async () => {
    const token = await tokenFor(payload, 'writer@test.local', 'writer-pass-1')
    const list = await rest.request<{ docs: Array<{ email: string; password?: string }> }>('GET', `/${slugs.users}`, {
      token,
    })
    expect(list.body.docs.map((doc) => doc.email).sort()).toEqual(['founder@test.local', 'writer@test.local'])
    expect(list.body.docs.every((doc) => doc.password === undefined)).toBe(true)
    expect((await rest.request('GET', `/${slugs.users}`)).status).toBe(403)
  })
})
