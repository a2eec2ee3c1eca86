import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Coverage } from '../../src/coverage/grid.ts'
import type { Fixtures, Id } from '../helpers/fixtures.ts'
import type { RestClient } from '../helpers/rest.ts'

import { createVerdictsCollection } from '../../collections/Verdicts.ts'
import { prefillParams } from '../../src/coverage/grid.ts'
import { pluginOptionsOf } from '../../src/pluginOptions.ts'
import { matchupData, verdictData } from '../helpers/createData.ts'
import { accounts, createFixtures, password, quote, slugs } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient, tokenFor, workflowAction } from '../helpers/rest.ts'

let payload: Payload
let fixtures: Fixtures
let rest: RestClient
let matchupId: Id
/** The link of the missing cell, as the grid first gave it. */
let missingHref: string
const tokens = {} as Record<'admin' | 'editor' | 'otherReviewer' | 'reviewer', string>
const verdictIds = {} as Record<'futuristOnBeta' | 'skepticOnAlpha' | 'skepticOnBeta', Id>

const coverage = (token?: string, id: Id | string = matchupId) =>
  rest.request<Coverage & { errors?: Array<{ message: string }> }>('GET', `/${slugs.matchups}/${id}/coverage`, {
    token,
  })

beforeAll(async () => {
  payload = await startTestPayload('coverage')
  fixtures = await createFixtures(payload)
  rest = restClient(payload)
  for (const name of ['admin', 'editor', 'otherReviewer', 'reviewer'] as const) {
    tokens[name] = await tokenFor(payload, accounts[name].email, password)
  }
  matchupId = (
    (await payload.create({
      collection: slugs.matchups,
      data: matchupData({ leftTool: fixtures.toolIds.alpha, rightTool: fixtures.toolIds.beta }),
    })) as unknown as { id: Id }
  ).id
  const verdict = async (persona: Id, tool: Id, data: Record<string, unknown>) =>
    (
      (await payload.create({
        collection: slugs.verdicts,
        data: verdictData({ decision: 'ship', quote: quote('A take.'), reviewer: persona, tool, ...data }),
      })) as unknown as { id: Id }
    ).id
  // Published, then flagged by a tool change; in review; published with a stale mark; the
  // futurist's verdict on Alpha missing. A verdict on a tool outside the matchup never shows.
  verdictIds.skepticOnAlpha = await verdict(fixtures.personaIds.skeptic, fixtures.toolIds.alpha, {
    _status: 'published',
  })
  verdictIds.skepticOnBeta = await verdict(fixtures.personaIds.skeptic, fixtures.toolIds.beta, {
    workflowStage: 'in_review',
  })
  verdictIds.futuristOnBeta = await verdict(fixtures.personaIds.other, fixtures.toolIds.beta, {
    _status: 'published',
    reviewedAt: '2020-01-01T00:00:00.000Z',
  })
  await verdict(fixtures.personaIds.other, fixtures.toolIds.gamma, { _status: 'published' })
  await payload.update({
    id: fixtures.toolIds.alpha,
    collection: slugs.tools,
    data: { tagline: 'Changed after approval' },
  })
  const { markStaleVerdicts } = await import('../../src/freshness/markStaleVerdicts.ts')
  const { createLocalReq } = await import('payload')
  await markStaleVerdicts(await createLocalReq({}, payload), pluginOptionsOf(payload))
})

afterAll(async () => {
  await payload?.destroy()
})

describe('GET /api/matchups/:id/coverage', () => {
  it("has one cell per (persona, tool), in panel order, left tool first, each with its verdict's state and link", async () => {
    const response = await coverage(tokens.editor)
    expect(response.status).toBe(200)
    const { body } = response
    expect(body.tools.map((tool) => tool.slug)).toEqual(['alpha-coder', 'beta-chat'])
    expect(body.personas.map((persona) => persona.name)).toEqual(['The Futurist', 'The Skeptic'])
    expect(body.cells.map((cell) => [cell.persona, cell.tool, cell.state])).toEqual([
      ['the-futurist', 'alpha-coder', 'missing'],
      ['the-futurist', 'beta-chat', 'stale'],
      ['the-skeptic', 'alpha-coder', 'tool_changed'],
      ['the-skeptic', 'beta-chat', 'in_review'],
    ])
    const cell = (persona: string, tool: string) =>
      body.cells.find((each) => each.persona === persona && each.tool === tool)!
    expect(cell('the-skeptic', 'alpha-coder')).toMatchObject({
      href: `/admin/collections/verdicts/${verdictIds.skepticOnAlpha}`,
      live: true,
      stage: 'published',
      verdict: verdictIds.skepticOnAlpha,
    })
    expect(cell('the-futurist', 'alpha-coder')).toMatchObject({
      href: `/admin/collections/verdicts/create?${prefillParams.reviewer}=${fixtures.personaIds.other}&${prefillParams.tool}=${fixtures.toolIds.alpha}`,
      live: false,
      verdict: null,
    })
    missingHref = cell('the-futurist', 'alpha-coder').href
  })

  it('its counts match the records', async () => {
    const { body } = await coverage(tokens.reviewer)
    const personas = (await payload.count({ collection: slugs.reviewers })).totalDocs
    const verdicts = (
      await payload.count({
        collection: slugs.verdicts,
        where: { tool: { in: [fixtures.toolIds.alpha, fixtures.toolIds.beta] } },
      })
    ).totalDocs
    const total = Object.values(body.counts).reduce((sum, count) => sum + count, 0)
    expect(total).toBe(personas * 2)
    expect(total - body.counts.missing).toBe(verdicts)
    expect(body.counts).toMatchObject({ in_review: 1, missing: 1, stale: 1, tool_changed: 1 })
  })

  it('follows the workflow: a draft waiting over a live verdict shows as that draft, a new verdict fills its cell', async () => {
    await rest.request('PATCH', `/${slugs.verdicts}/${verdictIds.futuristOnBeta}?draft=true`, {
      body: { decision: 'skip' },
      token: tokens.editor,
    })
    await workflowAction(rest, slugs.verdicts, verdictIds.futuristOnBeta, 'submit', tokens.editor)
    await workflowAction(rest, slugs.verdicts, verdictIds.futuristOnBeta, 'approve', tokens.otherReviewer)
    const created = await rest.request<{ doc: { id: Id } }>('POST', `/${slugs.verdicts}?draft=true`, {
      body: {
        decision: 'ship',
        quote: quote('Now written.'),
        reviewer: fixtures.personaIds.other,
        tool: fixtures.toolIds.alpha,
      },
      token: tokens.editor,
    })
    const { body } = await coverage(tokens.admin)
    const states = Object.fromEntries(body.cells.map((cell) => [`${cell.persona}/${cell.tool}`, cell.state]))
    // Approval cleared the stale mark on the draft; the live verdict is still marked until
    // published, and the cell shows the flag of what readers see.
    expect(states['the-futurist/beta-chat']).toBe('stale')
    expect(states['the-futurist/alpha-coder']).toBe('draft')
    expect(body.cells.find((cell) => cell.verdict === created.body.doc.id)?.href).toBe(
      `/admin/collections/verdicts/${created.body.doc.id}`,
    )
    await workflowAction(rest, slugs.verdicts, verdictIds.futuristOnBeta, 'publish', tokens.editor)
    const after = await coverage(tokens.admin)
    expect(after.body.cells.find((cell) => cell.verdict === verdictIds.futuristOnBeta)?.state).toBe('published')
    expect(after.body.counts.missing).toBe(0)
  })

  it('is for the editorial team only', async () => {
    const anonymous = await coverage()
    expect(anonymous.status).toBe(403)
    expect(anonymous.body.errors?.[0].message).toBe("only the editorial team can see a matchup's coverage")
    expect(anonymous.body.cells).toBeUndefined()
  })

  it('answers 404 for a matchup that does not exist', async () => {
    const missing = await coverage(tokens.editor, String(matchupId) + '999')
    expect(missing.status).toBe(404)
    expect((await coverage(tokens.editor, 'not-an-id')).status).toBe(404)
  })
})

describe('"Write this verdict"', () => {
  it('opens a new verdict with the persona and the tool from the link filled in', async () => {
    const collection = createVerdictsCollection(pluginOptionsOf(payload))
    const row = collection.fields.find((field) => field.type === 'row') as {
      fields: Array<{ defaultValue?: unknown; name: string }>
    }
    const defaultOf = (name: string, query: Record<string, unknown>) =>
      (
        row.fields.find((field) => field.name === name)!.defaultValue as (args: {
          req: { query: Record<string, unknown> }
        }) => unknown
      )({ req: { query } })
    const query = Object.fromEntries(new URL(missingHref, 'http://cms.test').searchParams)
    expect(defaultOf('reviewer', query)).toEqual(fixtures.personaIds.other)
    expect(defaultOf('tool', query)).toEqual(fixtures.toolIds.alpha)
    expect(defaultOf('tool', { [prefillParams.tool]: 'x; drop table' })).toBeUndefined()
    expect(defaultOf('tool', {})).toBeUndefined()
  })
})
