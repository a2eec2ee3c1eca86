import type { CollectionSlug, Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Fixtures, Id } from '../helpers/fixtures.ts'
import type { RestClient } from '../helpers/rest.ts'

import { toolData, verdictData } from '../helpers/createData.ts'
import { accounts, createFixtures, errorMessages, invalidFields, password, quote, slugs } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient, tokenFor } from '../helpers/rest.ts'

let payload: Payload
let fixtures: Fixtures
let rest: RestClient
const tokens = {} as Record<keyof typeof accounts, string>

beforeAll(async () => {
  payload = await startTestPayload('rest-api')
  fixtures = await createFixtures(payload)
  rest = restClient(payload)
  for (const [name, account] of Object.entries(accounts)) {
    tokens[name as keyof typeof accounts] = await tokenFor(payload, account.email, password)
  }
})

afterAll(async () => {
  await payload?.destroy()
})

const countOf = async (collection: CollectionSlug) => (await payload.count({ collection: collection })).totalDocs

describe('validation errors are 400s that name the field and write nothing', () => {
  it('a verdict without a tool', async () => {
    const before = await countOf(slugs.verdicts)
    const response = await rest.request('POST', `/${slugs.verdicts}`, {
      body: { decision: 'ship', quote: quote('No tool given.'), reviewer: fixtures.personaIds.skeptic },
      token: tokens.editor,
    })
    expect(response.status).toBe(400)
    expect(invalidFields(response.body)).toEqual(['tool'])
    expect(await countOf(slugs.verdicts)).toBe(before)
  })

  it('a verdict with an unknown decision', async () => {
    const response = await rest.request('POST', `/${slugs.verdicts}`, {
      body: {
        decision: 'maybe',
        quote: quote('Undecided.'),
        reviewer: fixtures.personaIds.skeptic,
        tool: fixtures.toolIds.gamma,
      },
      token: tokens.editor,
    })
    expect(response.status).toBe(400)
    expect(invalidFields(response.body)).toEqual(['decision'])
  })

  it('a second verdict for the same persona and tool', async () => {
    const body = {
      decision: 'ship',
      quote: quote('First.'),
      reviewer: fixtures.personaIds.skeptic,
      tool: fixtures.toolIds.beta,
    }
    const first = await rest.request('POST', `/${slugs.verdicts}`, { body, token: tokens.editor })
    expect(first.status).toBe(201)
    const before = await countOf(slugs.verdicts)
    const second = await rest.request('POST', `/${slugs.verdicts}`, { body, token: tokens.editor })
    expect(second.status).toBe(400)
    expect(invalidFields(second.body)).toEqual(['tool'])
    expect(errorMessages(second.body).join(' ')).toMatch(/already has a verdict on this tool/)
    expect(await countOf(slugs.verdicts)).toBe(before)
  })

  it("a verdict moved onto a persona's or a tool's pair that already has one", async () => {
    const create = (reviewer: Id, tool: Id) =>
      rest.request<{ doc: { id: Id } }>('POST', `/${slugs.verdicts}`, {
        body: { decision: 'skip', quote: quote('Pair.'), reviewer, tool },
        token: tokens.editor,
      })
    const tool = (await payload.create({
      collection: slugs.tools,
      data: { name: 'Pair Tool', pricing: { tier: 'free' } } as never,
    })) as unknown as { id: Id }
    expect((await create(fixtures.personaIds.other, tool.id)).status).toBe(201)
    const moving = (await create(fixtures.personaIds.skeptic, tool.id)).body.doc.id
    const toPersona = await rest.request('PATCH', `/${slugs.verdicts}/${moving}`, {
      body: { reviewer: fixtures.personaIds.other },
      token: tokens.editor,
    })
    expect(toPersona.status).toBe(400)
    expect(invalidFields(toPersona.body)).toEqual(['reviewer'])
    expect(errorMessages(toPersona.body).join(' ')).toMatch(/already has a verdict on this tool/)
    // Saving it again with its own pair unchanged is no conflict.
    const unchanged = await rest.request('PATCH', `/${slugs.verdicts}/${moving}`, {
      body: { decision: 'ship', reviewer: fixtures.personaIds.skeptic, tool: tool.id },
      token: tokens.editor,
    })
    expect(unchanged.status).toBe(200)
  })

  it('a matchup with the same tool twice', async () => {
    const before = await countOf(slugs.matchups)
    const response = await rest.request('POST', `/${slugs.matchups}`, {
      body: { leftTool: fixtures.toolIds.alpha, rightTool: fixtures.toolIds.alpha },
      token: tokens.editor,
    })
    expect(response.status).toBe(400)
    expect(invalidFields(response.body)).toEqual(['rightTool'])
    expect(errorMessages(response.body).join(' ')).toMatch(/must be different from the left tool/)
    expect(await countOf(slugs.matchups)).toBe(before)
  })

  it('a matchup whose pair exists in the other order', async () => {
    const first = await rest.request('POST', `/${slugs.matchups}`, {
      body: { leftTool: fixtures.toolIds.alpha, rightTool: fixtures.toolIds.gamma },
      token: tokens.editor,
    })
    expect(first.status).toBe(201)
    const reversed = await rest.request('POST', `/${slugs.matchups}`, {
      body: { leftTool: fixtures.toolIds.gamma, rightTool: fixtures.toolIds.alpha },
      token: tokens.editor,
    })
    expect(reversed.status).toBe(400)
    expect(invalidFields(reversed.body)).toEqual(['rightTool'])
  })

  it('a tool with a malformed website and an unknown pricing tier', async () => {
    const response = await rest.request('POST', `/${slugs.tools}`, {
      body: { name: 'Broken', pricing: { tier: 'gratis' }, website: 'not a url' },
      token: tokens.editor,
    })
    expect(response.status).toBe(400)
    expect(invalidFields(response.body).sort()).toEqual(['pricing.tier', 'website'])
  })
})

describe('who may write', () => {
  it('denies anonymous callers and reviewers creating tools; allows editors', async () => {
    const body = { name: 'Epsilon', pricing: { tier: 'paid' } }
    expect((await rest.request('POST', `/${slugs.tools}`, { body })).status).toBe(403)
    expect((await rest.request('POST', `/${slugs.tools}`, { body, token: tokens.reviewer })).status).toBe(403)
    const created = await rest.request<{ doc: { slug: string } }>('POST', `/${slugs.tools}`, {
      body,
      token: tokens.editor,
    })
    expect(created.status).toBe(201)
    expect(created.body.doc.slug).toBe('epsilon')
  })

  it('denies reviewers writing verdicts', async () => {
    const response = await rest.request('POST', `/${slugs.verdicts}`, {
      body: {
        decision: 'ship',
        quote: quote('Mine.'),
        reviewer: fixtures.personaIds.other,
        tool: fixtures.toolIds.gamma,
      },
      token: tokens.reviewer,
    })
    expect(response.status).toBe(403)
  })

  it('denies editors deleting tools; allows admins', async () => {
    const tool = await payload.create({
      collection: slugs.tools,
      data: toolData({ name: 'Doomed', pricing: { tier: 'free' } }),
    })
    const id = (tool as unknown as { id: number | string }).id
    expect((await rest.request('DELETE', `/${slugs.tools}/${id}`, { token: tokens.editor })).status).toBe(403)
    expect((await rest.request('DELETE', `/${slugs.tools}/${id}`, { token: tokens.admin })).status).toBe(200)
  })

  it('refuses deleting a tool that verdicts or matchups use, naming them', async () => {
    await payload.create({
      collection: slugs.verdicts,
      data: verdictData({
        decision: 'ship',
        quote: quote('In use.'),
        reviewer: fixtures.personaIds.other,
        tool: fixtures.toolIds.alpha,
      }),
    })
    const response = await rest.request('DELETE', `/${slugs.tools}/${fixtures.toolIds.alpha}`, { token: tokens.admin })
    expect(response.status).toBe(409)
    expect(errorMessages(response.body).join(' ')).toMatch(
      /used by 1 verdict\(s\) and \d+ matchup\(s\); delete or move those first/,
    )
    expect(
      await payload.findByID({ collection: slugs.tools, disableErrors: true, id: fixtures.toolIds.alpha }),
    ).not.toBeNull()
  })

  it('ignores writes to the computed scores through the API', async () => {
    const response = await rest.request<{ doc: { panelScore: { ship: number; total: number } } }>(
      'PATCH',
      `/${slugs.tools}/${fixtures.toolIds.alpha}`,
      { body: { panelScore: { percent: 100, ship: 99, total: 99 } }, token: tokens.admin },
    )
    expect(response.status).toBe(200)
    expect(response.body.doc.panelScore).toMatchObject({ ship: 0, total: 0 })
  })
})

describe('the public never sees unpublished content', () => {
  let draftId: number | string
  let publishedId: number | string

  beforeAll(async () => {
    const draft = await payload.create({
      collection: slugs.verdicts,
      data: verdictData({
        decision: 'skip',
        quote: quote('Draft opinion.'),
        reviewer: fixtures.personaIds.other,
        tool: fixtures.toolIds.beta,
      }),
    })
    const published = await payload.create({
      collection: slugs.verdicts,
      data: verdictData({
        _status: 'published',
        decision: 'ship',
        quote: quote('Published opinion.'),
        reviewer: fixtures.personaIds.other,
        tool: fixtures.toolIds.gamma,
      }),
    })
    draftId = (draft as { id: number | string }).id
    publishedId = (published as { id: number | string }).id
  })

  it('lists only published verdicts to anonymous callers, everything to staff', async () => {
    const anonymous = await rest.request<{ docs: Array<{ id: number | string }> }>(
      'GET',
      `/${slugs.verdicts}?limit=100`,
    )
    const ids = anonymous.body.docs.map((doc) => String(doc.id))
    expect(ids).toContain(String(publishedId))
    expect(ids).not.toContain(String(draftId))

    const staff = await rest.request<{ docs: Array<{ id: number | string }> }>('GET', `/${slugs.verdicts}?limit=100`, {
      token: tokens.reviewer,
    })
    expect(staff.body.docs.map((doc) => String(doc.id))).toContain(String(draftId))
  })

  it('answers 404 for a draft by id, also with draft=true', async () => {
    expect((await rest.request('GET', `/${slugs.verdicts}/${draftId}`)).status).toBe(404)
    expect((await rest.request('GET', `/${slugs.verdicts}/${draftId}?draft=true`)).status).toBe(404)
  })

  it('keeps drafts out of GraphQL for anonymous callers', async () => {
    const response = await rest.graphql('{ Verdicts(limit: 100) { docs { id _status } } }')
    const docs = (response.body as { data: { Verdicts: { docs: Array<{ _status: string; id: number | string }> } } })
      .data.Verdicts.docs
    expect(docs.length).toBeGreaterThan(0)
    expect(docs.every((doc) => doc._status === 'published')).toBe(true)
  })

  it('denies anonymous callers the version history', async () => {
    expect((await rest.request('GET', `/${slugs.verdicts}/versions`)).status).toBe(403)
  })

  it('denies anonymous callers the user list', async () => {
    expect((await rest.request('GET', `/${slugs.users}`)).status).toBe(403)
  })
})
