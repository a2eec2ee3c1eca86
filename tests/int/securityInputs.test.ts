import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Fixtures, Id } from '../helpers/fixtures.ts'
import type { RestClient, RestResponse } from '../helpers/rest.ts'

import { categoryData, matchupData, toolData, verdictData } from '../helpers/createData.ts'
import { accounts, createFixtures, password, quote, richTextWithLink, slugs } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient, tokenFor } from '../helpers/rest.ts'

/**
 * Findings 2, 5, 6 and 12 of the hardening issue: hostile input gets a 4xx that says what
 * is wrong (never a 500), ids are parsed strictly, only admins lift a lockout, and search
 * characters mean themselves.
 */
let payload: Payload
let fixtures: Fixtures
let rest: RestClient
let admin: string
let editor: string
let reviewer: string
let verdictId: Id
let publicToolSlug: string

beforeAll(async () => {
  payload = await startTestPayload('security-inputs')
  fixtures = await createFixtures(payload)
  rest = restClient(payload)
  admin = await tokenFor(payload, accounts.admin.email, password)
  editor = await tokenFor(payload, accounts.editor.email, password)
  reviewer = await tokenFor(payload, accounts.reviewer.email, password)
  const verdict = await payload.create({
    collection: slugs.verdicts,
    data: verdictData({
      _status: 'published',
      decision: 'ship',
      quote: quote('Holds up.'),
      reviewer: fixtures.personaIds.skeptic,
      tool: fixtures.toolIds.alpha,
    }),
  })
  verdictId = (verdict as unknown as { id: Id }).id
  publicToolSlug = (
    (await payload.findByID({ collection: slugs.tools, id: fixtures.toolIds.alpha })) as unknown as {
      slug: string
    }
  ).slug
})

afterAll(async () => {
  await payload?.destroy()
})

function expectRefusal(response: RestResponse, status?: number) {
  expect(response.status).toBeGreaterThanOrEqual(400)
  expect(response.status).toBeLessThan(500)
  if (status) {
    expect(response.status).toBe(status)
  }
  const errors = (response.body as { errors?: Array<{ message?: string }> }).errors
  expect(errors?.[0]?.message).toEqual(expect.any(String))
}

describe('finding 2: only admins lift a login lockout', () => {
  it('refuses a reviewer unlocking the admin, lets an admin unlock', async () => {
    const byReviewer = await rest.request('POST', `/${slugs.users}/unlock`, {
      body: { email: accounts.admin.email },
      token: reviewer,
    })
    expect(byReviewer.status).toBe(403)
    const byEditor = await rest.request('POST', `/${slugs.users}/unlock`, {
      body: { email: accounts.admin.email },
      token: editor,
    })
    expect(byEditor.status).toBe(403)
    const byAdmin = await rest.request('POST', `/${slugs.users}/unlock`, {
      body: { email: accounts.reviewer.email },
      token: admin,
    })
    expect(byAdmin.status).toBe(200)
  })
})

describe('finding 5: no 500 for hostile input', () => {
  it.each([['GET'], ['POST']] as const)('%s /verdicts/1e309/workflow → 404', async (method) => {
    const response = await rest.request(method, `/${slugs.verdicts}/1e309/workflow`, {
      body: method === 'POST' ? { action: 'submit' } : undefined,
      token: editor,
    })
    expectRefusal(response, 404)
  })

  it.each([['POST'], ['DELETE']] as const)(
    '%s vote with a malformed voter cookie is treated as no cookie',
    async (method) => {
      const response = await rest.request(method, `/public/tools/${publicToolSlug}/vote`, {
        body: method === 'POST' ? { decision: 'ship' } : undefined,
        headers: { Cookie: 'verdicts_voter=%E0%A4%A' },
      })
      expect(response.status).toBeLessThan(300)
    },
  )

  const badBodies: Array<[string, string, string]> = [
    ['null', 'null', 'application/json'],
    ['a JSON string', '"x"', 'application/json'],
    ['a form', 'decision=ship&tool=1', 'application/x-www-form-urlencoded'],
    ['text/plain', '{"name":"Plain"}', 'text/plain'],
  ]
  it.each(badBodies)('POST /verdicts with %s → 4xx', async (_label, rawBody, contentType) => {
    expectRefusal(
      await rest.request('POST', `/${slugs.verdicts}`, {
        headers: { 'Content-Type': contentType },
        rawBody,
        token: editor,
      }),
    )
  })
  it.each(badBodies)('PATCH /tools/:id with %s → 4xx', async (_label, rawBody, contentType) => {
    expectRefusal(
      await rest.request('PATCH', `/${slugs.tools}/${fixtures.toolIds.beta}`, {
        headers: { 'Content-Type': contentType },
        rawBody,
        token: editor,
      }),
    )
  })

  it('still takes the admin’s multipart saves, and refuses malformed ones with 400', async () => {
    const form = (payloadField: string) =>
      `--b\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n${payloadField}\r\n--b--\r\n`
    const headers = { 'Content-Type': 'multipart/form-data; boundary=b' }
    const saved = await rest.request('POST', `/${slugs.tools}`, {
      headers,
      rawBody: form(JSON.stringify({ name: 'Saved From The Admin', pricing: { tier: 'free' } })),
      token: editor,
    })
    expect(saved.status).toBe(201)
    expectRefusal(await rest.request('POST', `/${slugs.tools}`, { headers, rawBody: form('"x"'), token: editor }), 400)
    expectRefusal(await rest.request('POST', `/${slugs.tools}`, { headers, rawBody: '{}', token: editor }), 400)
  })

  it('still answers the admin’s relationship lookups (a POST standing for a GET, its query form-encoded)', async () => {
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Payload-HTTP-Method-Override': 'GET' }
    const found = await rest.request<{ docs: Array<{ id: unknown; name: string }> }>('POST', `/${slugs.tools}`, {
      headers,
      rawBody: `depth=0&limit=10&where[id][in][0]=${fixtures.toolIds.beta}`,
      token: editor,
    })
    expect(found.status).toBe(200)
    expect(found.body.docs.map((tool) => tool.name)).toEqual(['Beta Chat'])
    // Checked as the GET it stands for: a limit out of range is refused the same way.
    expectRefusal(
      await rest.request('POST', `/${slugs.tools}`, { headers, rawBody: 'limit=99999999999', token: editor }),
      400,
    )
  })

  it('POST /categories with text/plain → 415 naming the Content-Type', async () => {
    const response = await rest.request('POST', `/${slugs.categories}`, {
      headers: { 'Content-Type': 'text/plain' },
      rawBody: '{"name":"Plain"}',
      token: admin,
    })
    expectRefusal(response, 415)
    expect(JSON.stringify(response.body)).toContain('Content-Type')
  })

  it('POST /graphql with a truncated body → 400', async () => {
    const response = await rest.request('POST', '/graphql', { rawBody: '{"a": ' })
    expectRefusal(response, 400)
  })

  it('a verdict naming persona "abc" → 400 naming reviewer', async () => {
    const response = await rest.request('POST', `/${slugs.verdicts}`, {
      body: { decision: 'ship', quote: quote('Fine.'), reviewer: 'abc', tool: fixtures.toolIds.gamma },
      token: editor,
    })
    expectRefusal(response, 400)
    expect(JSON.stringify(response.body)).toContain('reviewer')
  })

  it('a verdict whose quote is not Lexical → 400 naming quote', async () => {
    const response = await rest.request('POST', `/${slugs.verdicts}`, {
      body: {
        decision: 'ship',
        quote: { root: { children: 'x' } },
        reviewer: fixtures.personaIds.other,
        tool: fixtures.toolIds.gamma,
      },
      token: editor,
    })
    expectRefusal(response, 400)
    expect(JSON.stringify(response.body)).toContain('quote')
  })

  const badIds = ['abc', '1e309', '%00', '..%2f..%2fetc%2fpasswd', "1'", '0001', '1%20OR%201=1', '99999999999']
  const cases = badIds.flatMap((id) => (['GET', 'DELETE'] as const).map((method) => [method, id] as const))
  it.each(cases)('%s /verdicts/%s → 400 naming the id', async (method, id) => {
    const response = await rest.request(method, `/${slugs.verdicts}/${id}`, { token: admin })
    expectRefusal(response, 400)
    expect((response.body as { errors: Array<{ field?: string }> }).errors[0].field).toBe('id')
  })

  it('GET /tools?limit=9999999999999999999999 → 400 naming limit', async () => {
    const response = await rest.request('GET', `/${slugs.tools}?limit=9999999999999999999999`)
    expectRefusal(response, 400)
    expect((response.body as { errors: Array<{ field?: string }> }).errors[0].field).toBe('limit')
  })

  it('a where value Payload would read as Infinity or NaN → 400 naming the parameter, never a 500 (found by the fuzz suite)', async () => {
    const field = (response: { body: unknown }) =>
      (response.body as { errors: Array<{ field?: string }> }).errors[0].field
    // No id on any database: not a whole number in range, not an ObjectId.
    const byId = await rest.request('GET', `/${slugs.verdicts}?where[id][equals]=1e309`, { token: admin })
    expect(byId.status).toBe(400)
    expect(field(byId)).toBe('where[id][equals]')
    const inList = await rest.request('GET', `/${slugs.verdicts}?where[and][0][tool][in]=1,1e309`, { token: admin })
    expect(inList.status).toBe(400)
    expect(field(inList)).toBe('where[and][0][tool][in]')
    const percent = await rest.request('GET', `/${slugs.tools}?where[panelScore.percent][gt]=-Infinity`)
    expect(percent.status).toBe(400)
    expect(field(percent)).toBe('where[panelScore.percent][gt]')
    // On a text field it is only text.
    const byName = await rest.request<{ totalDocs: number }>('GET', `/${slugs.tools}?where[name][equals]=1e309`)
    expect(byName.status).toBe(200)
    expect(byName.body.totalDocs).toBe(0)
  })

  it('a where value on an id, relationship or number field that reads as no number → 400 naming it, never a 500 (found by the fuzz suite)', async () => {
    const numberIds = payload.db.defaultIDType === 'number'
    const field = (response: { body: unknown }) =>
      (response.body as { errors: Array<{ field?: string }> }).errors[0].field
    const values = ['abc', '[]', '{}', '[1]', 'true', 'null', '', ' ', '1,2', '1.5', '1e309', '2147483648']
    const refused: string[] = []
    for (const path of ['id', 'tool', 'reviewer']) {
      for (const operator of ['equals', 'not_equals', 'greater_than', 'in', 'not_in']) {
        for (const value of values) {
          const key = `where[${path}][${operator}]`
          const response = await rest.request('GET', `/${slugs.verdicts}?${key}=${encodeURIComponent(value)}`, {
            token: admin,
          })
          expect([key, value, response.status]).toEqual([
            key,
            value,
            response.status < 500 ? response.status : 'no 5xx',
          ])
          if (response.status === 400) {
            expect(field(response)).toBe(key)
            refused.push(`${key}=${value}`)
          }
        }
      }
    }
    // Where Payload would hand the database something it refuses: a relation compared with
    // text, a list holding anything but ids (an empty list included), a comparison with no
    // value where none is allowed.
    expect(refused).toEqual(
      expect.arrayContaining([
        'where[tool][equals]=abc',
        'where[tool][greater_than]=abc',
        'where[tool][greater_than]=',
        'where[reviewer][in]=[]',
        'where[id][in]=',
      ]),
    )
    expect(refused).not.toContain('where[tool][equals]=null')
    expect(refused).not.toContain('where[tool][not_equals]=')
    if (numberIds) {
      // 1.5 and numbers past PostgreSQL's 32-bit ids are no ids either.
      expect(refused).toEqual(expect.arrayContaining(['where[id][equals]=1.5', 'where[tool][in]=2147483648']))
      expect(refused).not.toContain('where[tool][in]=1,2')
    }
    const percent = await rest.request('GET', `/${slugs.tools}?where[panelScore.percent][less_than]=abc`)
    expect(percent.status).toBe(400)
    expect(field(percent)).toBe('where[panelScore.percent][less_than]')
    const valid = await rest.request<{ totalDocs: number }>(
      'GET',
      `/${slugs.verdicts}?where[tool][in]=${fixtures.toolIds.alpha}`,
      { token: admin },
    )
    expect(valid.status).toBe(200)
  })

  it('a group field sent as something other than an object → 400 naming it, nothing written (found by the fuzz suite)', async () => {
    const before = (await payload.count({ collection: slugs.tools })).totalDocs
    for (const pricing of [null, 5, 'paid', ['free']]) {
      const created = await rest.request('POST', `/${slugs.tools}`, {
        body: { name: 'Grouped Tool', pricing },
        token: admin,
      })
      expectRefusal(created, 400)
      expect((created.body as { errors: Array<{ field?: string }> }).errors[0].field).toBe('pricing')
    }
    expect((await payload.count({ collection: slugs.tools })).totalDocs).toBe(before)
    const updated = await rest.request('PATCH', `/${slugs.tools}/${fixtures.toolIds.alpha}`, {
      body: { pricing: null },
      token: admin,
    })
    expectRefusal(updated, 400)
    const valid = await rest.request('POST', `/${slugs.tools}`, {
      body: { name: 'Grouped Tool', pricing: { tier: 'paid' } },
      token: admin,
    })
    expect(valid.status).toBe(201)
  })

  it('leading zeros in paging numbers → 400', async () => {
    expectRefusal(await rest.request('GET', `/${slugs.tools}?limit=0100`), 400)
    expectRefusal(await rest.request('GET', `/${slugs.tools}?page=0001`), 400)
  })
})

describe('finding 6: strict ids, and categories in use stay', () => {
  it('does not read verdict 1 through "1\'"', async () => {
    const response = await rest.request('GET', `/${slugs.verdicts}/${verdictId}'`)
    expectRefusal(response, 400)
  })

  it('refuses DELETE /categories/<id> OR 1=1 and keeps the category', async () => {
    const response = await rest.request('DELETE', `/${slugs.categories}/${fixtures.categoryId}%20OR%201=1`, {
      token: admin,
    })
    expectRefusal(response, 400)
    expect(
      await payload.findByID({ collection: slugs.categories, disableErrors: true, id: fixtures.categoryId }),
    ).not.toBeNull()
  })

  it('answers 409 to deleting a category that tools use, and keeps it', async () => {
    const response = await rest.request('DELETE', `/${slugs.categories}/${fixtures.categoryId}`, { token: admin })
    expectRefusal(response, 409)
    expect(JSON.stringify(response.body)).toContain('3 tool(s)')
    expect(
      await payload.findByID({ collection: slugs.categories, disableErrors: true, id: fixtures.categoryId }),
    ).not.toBeNull()
  })

  it('deletes a tool nothing uses any more together with its score history (found by the fuzz suite)', async () => {
    const tool = (await payload.create({
      collection: slugs.tools,
      data: toolData({ name: 'Short-lived tool', pricing: { tier: 'free' } }),
    })) as unknown as { id: Id }
    const verdict = (await payload.create({
      collection: slugs.verdicts,
      data: verdictData({
        _status: 'published',
        decision: 'ship',
        quote: quote('Brief.'),
        reviewer: fixtures.personaIds.skeptic,
        tool: tool.id,
      }),
    })) as unknown as { id: Id }
    await payload.delete({ collection: slugs.verdicts, id: verdict.id })
    const history = await payload.count({
      collection: slugs.scoreHistory,
      where: { tool: { equals: tool.id } },
    })
    expect(history.totalDocs).toBeGreaterThan(0)
    expect((await rest.request('DELETE', `/${slugs.tools}/${tool.id}`, { token: admin })).status).toBe(200)
    expect(
      (await payload.count({ collection: slugs.scoreHistory, where: { tool: { equals: tool.id } } })).totalDocs,
    ).toBe(0)
  })

  it('still deletes a category nobody uses', async () => {
    const unused = (await payload.create({
      collection: slugs.categories,
      data: categoryData({ name: 'Unused shelf' }),
    })) as unknown as { id: Id }
    expect((await rest.request('DELETE', `/${slugs.categories}/${unused.id}`, { token: admin })).status).toBe(200)
  })
})

describe('finding 12: search characters mean themselves', () => {
  it.each([['%25'], ['_'], ['%5C']])('GET /public/tools?q=%s finds no tool', async (q) => {
    expect((await rest.request<{ totalDocs: number }>('GET', '/public/tools')).body.totalDocs).toBeGreaterThan(0)
    const response = await rest.request<{ totalDocs: number }>('GET', `/public/tools?q=${q}`)
    expect(response.status).toBe(200)
    expect(response.body.totalDocs).toBe(0)
  })

  it('still finds a tool by part of its name, in any case', async () => {
    const response = await rest.request<{ docs: Array<{ slug: string }> }>('GET', '/public/tools?q=ALPHA')
    expect(response.body.docs.map((tool) => tool.slug)).toEqual([publicToolSlug])
  })

  it.each([['%25'], ['_']])('GET /public/matchups?q=%s finds no matchup', async (q) => {
    const { totalDocs } = await payload.count({ collection: slugs.matchups })
    if (totalDocs === 0) {
      await payload.create({
        collection: slugs.matchups,
        data: matchupData({ _status: 'published', leftTool: fixtures.toolIds.alpha, rightTool: fixtures.toolIds.beta }),
      })
    }
    expect((await rest.request<{ totalDocs: number }>('GET', '/public/matchups?q=vs')).body.totalDocs).toBe(1)
    const response = await rest.request<{ totalDocs: number }>('GET', `/public/matchups?q=${q}`)
    expect(response.body.totalDocs).toBe(0)
  })
})

describe('finding 13: unsafe links are refused when written', () => {
  it.each([
    ['javascript:alert(1)'],
    ['JaVa\tScRiPt:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox'],
  ])('PATCH a tool description linking to %s → 400 naming description, nothing stored', async (url) => {
    const response = await rest.request('PATCH', `/${slugs.tools}/${fixtures.toolIds.beta}`, {
      body: { description: richTextWithLink(url) },
      token: editor,
    })
    expectRefusal(response, 400)
    expect(JSON.stringify(response.body)).toContain('description')
    const stored = (await payload.findByID({
      collection: slugs.tools,
      id: fixtures.toolIds.beta,
    })) as unknown as { description?: unknown }
    expect(JSON.stringify(stored.description ?? null)).not.toContain('script')
  })

  it('keeps https and relative links', async () => {
    for (const url of ['https://example.com/pricing', '/compare/a-vs-b']) {
      const response = await rest.request('PATCH', `/${slugs.tools}/${fixtures.toolIds.beta}`, {
        body: { description: richTextWithLink(url) },
        token: editor,
      })
      expect(response.status).toBe(200)
    }
  })
})
