import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ValidationError } from 'payload'

import type { VerdictData } from '../helpers/createData.ts'
import type { Fixtures } from '../helpers/fixtures.ts'

import { runsOnFerretdb } from '../helpers/database.ts'
import { matchupData, reviewerData, toolData, verdictData } from '../helpers/createData.ts'
import { createFixtures, quote, slugs, unknownId } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'

let payload: Payload
let fixtures: Fixtures

beforeAll(async () => {
  payload = await startTestPayload('content-model')
  fixtures = await createFixtures(payload)
})

afterAll(async () => {
  await payload?.destroy()
})

/** Runs a Local API write that must fail validation and returns the field paths named. */
async function rejectedFields(write: () => Promise<unknown>): Promise<string[]> {
  try {
    await write()
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError)
    return (error as ValidationError).data.errors.map((field) => field.path)
  }
  throw new Error('expected the write to be rejected')
}

describe('tools', () => {
  it('derives the slug from the name, keeping variants apart', async () => {
    const variant = await payload.create({
      collection: slugs.tools,
      data: toolData({ name: 'Code Llama 4 (70B & 400B)', pricing: { tier: 'free' } }),
    })
    const base = await payload.create({
      collection: slugs.tools,
      data: toolData({ name: 'Code Llama 4', pricing: { tier: 'free' } }),
    })
    expect((variant as unknown as { slug: string }).slug).toBe('code-llama-4-70b-400b')
    expect((base as unknown as { slug: string }).slug).toBe('code-llama-4')
  })

  it('normalises a slug typed by an editor', async () => {
    const tool = await payload.create({
      collection: slugs.tools,
      data: { name: 'Delta', pricing: { tier: 'paid' }, slug: '  Delta Gateway ' },
    })
    expect((tool as unknown as { slug: string }).slug).toBe('delta-gateway')
  })

  it('rejects a slug that is already taken', async () => {
    const fields = await rejectedFields(() =>
      payload.create({
        collection: slugs.tools,
        data: toolData({ name: 'Alpha Coder', pricing: { tier: 'free' } }),
      }),
    )
    expect(fields).toContain('slug')
  })

  it('keeps refusing a duplicate slug at the database, for writers that race past the check', async () => {
    // Straight to the adapter, as the second of two racing writers gets there after both passed validation.
    const fields = await rejectedFields(() =>
      payload.db.create({
        collection: slugs.tools,
        data: { name: 'Alpha Coder', pricing: { tier: 'free' }, slug: 'alpha-coder' },
      }),
    )
    if (await runsOnFerretdb(payload)) {
      // Limitation: FerretDB v1's duplicate-key error names no index, so Payload cannot say
      // which field clashed. The write is refused all the same (README, Databases).
      expect(fields).toEqual([''])
    } else {
      expect(fields).toEqual(['slug'])
    }
    const { totalDocs } = await payload.count({ collection: slugs.tools, where: { slug: { equals: 'alpha-coder' } } })
    expect(totalDocs).toBe(1)
  })

  it('starts with empty computed scores', async () => {
    const tool = (await payload.findByID({ collection: slugs.tools, id: fixtures.toolIds.alpha })) as unknown as {
      communityScore: { percent: null | number; total: number }
      panelScore: { percent: null | number; total: number }
    }
    expect(tool.panelScore).toMatchObject({ percent: null, total: 0 })
    expect(tool.communityScore).toMatchObject({ percent: null, total: 0 })
  })
})

describe('reviewer personas', () => {
  it('appends a new persona to the end of the scorecard order', async () => {
    const persona = (await payload.create({
      collection: slugs.reviewers,
      data: reviewerData({ lens: 'Product', name: 'The Product Lead' }),
    })) as unknown as { position: number; slug: string }
    expect(persona.slug).toBe('the-product-lead')
    expect(persona.position).toBe(3)
  })

  it('shows on the reviewer account which personas it approves for', async () => {
    const user = (await payload.findByID({
      collection: slugs.users,
      depth: 0,
      id: fixtures.userIds.reviewer,
    })) as unknown as { approvesFor?: { docs: unknown[] } }
    expect(user.approvesFor?.docs.map(String)).toEqual([String(fixtures.personaIds.skeptic)])
  })
})

describe('verdicts', () => {
  it('gets a readable title from its persona and tool', async () => {
    const verdict = (await payload.create({
      collection: slugs.verdicts,
      data: verdictData({
        decision: 'ship',
        quote: quote('Ships on day one.'),
        reviewer: fixtures.personaIds.skeptic,
        tool: fixtures.toolIds.alpha,
      }),
    })) as unknown as { _status: string; title: string }
    expect(verdict.title).toBe('The Skeptic on Alpha Coder')
    expect(verdict._status).toBe('draft')
  })

  it('allows one verdict per persona and tool, also for drafts', async () => {
    const fields = await rejectedFields(() =>
      payload.create({
        collection: slugs.verdicts,
        data: {
          decision: 'skip',
          quote: quote('A second opinion from the same voice.'),
          reviewer: fixtures.personaIds.skeptic,
          tool: fixtures.toolIds.alpha,
        },
        draft: true,
      }),
    )
    expect(fields).toEqual(['tool'])
  })

  it('lets the same persona review another tool, and another persona the same tool', async () => {
    await payload.create({
      collection: slugs.verdicts,
      data: verdictData({
        decision: 'skip',
        quote: quote('Not yet.'),
        reviewer: fixtures.personaIds.skeptic,
        tool: fixtures.toolIds.beta,
      }),
    })
    await payload.create({
      collection: slugs.verdicts,
      data: verdictData({
        decision: 'ship',
        quote: quote('The bet is right.'),
        reviewer: fixtures.personaIds.other,
        tool: fixtures.toolIds.alpha,
      }),
    })
    const { totalDocs } = await payload.count({
      collection: slugs.verdicts,
      where: { reviewer: { equals: fixtures.personaIds.skeptic } },
    })
    expect(totalDocs).toBe(2)
  })

  it('can be edited without tripping its own uniqueness rule', async () => {
    const { docs } = await payload.find({
      collection: slugs.verdicts,
      where: {
        and: [{ reviewer: { equals: fixtures.personaIds.skeptic } }, { tool: { equals: fixtures.toolIds.beta } }],
      },
    })
    const updated = (await payload.update({
      collection: slugs.verdicts,
      data: { decision: 'ship' },
      id: (docs[0] as { id: number | string }).id,
    })) as unknown as { decision: string }
    expect(updated.decision).toBe('ship')
  })

  it('refuses moving a verdict onto a tool its persona already reviewed', async () => {
    const { docs } = await payload.find({
      collection: slugs.verdicts,
      where: {
        and: [{ reviewer: { equals: fixtures.personaIds.skeptic } }, { tool: { equals: fixtures.toolIds.beta } }],
      },
    })
    const fields = await rejectedFields(() =>
      payload.update({
        collection: slugs.verdicts,
        data: { tool: fixtures.toolIds.alpha },
        id: (docs[0] as { id: number | string }).id,
      }),
    )
    expect(fields).toEqual(['tool'])
  })

  it('refuses a tool that does not exist', async () => {
    const fields = await rejectedFields(() =>
      payload.create({
        collection: slugs.verdicts,
        data: verdictData({
          decision: 'ship',
          quote: quote('Ghost.'),
          reviewer: fixtures.personaIds.other,
          tool: unknownId(fixtures.toolIds.alpha),
        }),
      }),
    )
    expect(fields).toEqual(['tool'])
  })

  it('requires a quote with text in it', async () => {
    const fields = await rejectedFields(() =>
      payload.create({
        collection: slugs.verdicts,
        // No quote, on purpose.
        data: { decision: 'ship', reviewer: fixtures.personaIds.other, tool: fixtures.toolIds.gamma } as VerdictData,
      }),
    )
    expect(fields).toEqual(['quote'])
  })
})

describe('matchups', () => {
  it('derives slug "<left>-vs-<right>" and title "Left vs Right"', async () => {
    const matchup = (await payload.create({
      collection: slugs.matchups,
      data: matchupData({ leftTool: fixtures.toolIds.alpha, rightTool: fixtures.toolIds.beta }),
    })) as unknown as { slug: string; title: string }
    expect(matchup.slug).toBe('alpha-coder-vs-beta-chat')
    expect(matchup.title).toBe('Alpha Coder vs Beta Chat')
  })

  it('keeps a custom title while the slug still follows the tools', async () => {
    const matchup = (await payload.create({
      collection: slugs.matchups,
      data: matchupData({
        customTitle: 'Search or chat?',
        leftTool: fixtures.toolIds.gamma,
        rightTool: fixtures.toolIds.beta,
      }),
    })) as unknown as { slug: string; title: string }
    expect(matchup.title).toBe('Search or chat?')
    expect(matchup.slug).toBe('gamma-search-vs-beta-chat')
  })

  it('treats the same pair in either order as one matchup', async () => {
    const fields = await rejectedFields(() =>
      payload.create({
        collection: slugs.matchups,
        data: matchupData({ leftTool: fixtures.toolIds.beta, rightTool: fixtures.toolIds.alpha }),
      }),
    )
    expect(fields).toEqual(['rightTool'])
  })

  it('refuses the same tool on both sides', async () => {
    const fields = await rejectedFields(() =>
      payload.create({
        collection: slugs.matchups,
        data: matchupData({ leftTool: fixtures.toolIds.gamma, rightTool: fixtures.toolIds.gamma }),
      }),
    )
    expect(fields).toEqual(['rightTool'])
  })
})
