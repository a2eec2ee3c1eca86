import { describe, expect, it } from '@jest/globals'

import {
  matchupsListTag,
  toolListTags,
  toolsInCategoryListTag,
  toolsInTierListTag,
  toolsListTag,
} from '../../src/domain/cacheTags.ts'
import { sanitizeOptions } from '../../src/options.ts'
import { affectedListTags } from '../../src/public/affectedPages.ts'

const options = sanitizeOptions({})
const { collectionSlugs: slugs } = options

const tool = (changes: Record<string, unknown> = {}) => ({
  id: 7,
  category: 3,
  name: 'Alpha Coder',
  panelScore: { percent: 50, ship: 1, skip: 1, total: 2 },
  pricing: { tier: 'free' },
  public: true,
  slug: 'alpha-coder',
  ...changes,
})

describe('toolListTags', () => {
  it('names every tools list a tool can be in: all, its category, its tier', () => {
    expect(toolListTags(tool())).toEqual([toolsListTag, toolsInCategoryListTag(3), toolsInTierListTag('free')])
    expect(toolListTags({ category: { id: 'abc', name: 'Populated' }, pricing: null })).toEqual([
      toolsListTag,
      toolsInCategoryListTag('abc'),
    ])
  })
})

describe('affectedListTags', () => {
  it("names no list when a recount moves only a tool's scores", () => {
    const recounted = tool({ panelScore: { percent: 67, ship: 2, skip: 1, total: 3 }, updatedAt: 'later' })
    expect(affectedListTags(options, slugs.tools, recounted, tool())).toEqual([])
  })

  it("names the old and the new category's lists, and the matchups lists, when a tool moves category", () => {
    expect(affectedListTags(options, slugs.tools, tool({ category: 4 }), tool())).toEqual(
      [
        matchupsListTag,
        toolsListTag,
        toolsInCategoryListTag(3),
        toolsInCategoryListTag(4),
        toolsInTierListTag('free'),
      ].sort(),
    )
  })

  it("names a tool's lists when it becomes public", () => {
    expect(affectedListTags(options, slugs.tools, tool(), tool({ public: false }))).toContain(
      toolsInTierListTag('free'),
    )
  })

  it('a verdict or a persona names no list; a matchup every matchups list', () => {
    expect(affectedListTags(options, slugs.verdicts, { id: 1, tool: 7 }, undefined)).toEqual([])
    expect(affectedListTags(options, slugs.reviewers, { id: 2 }, undefined)).toEqual([])
    expect(affectedListTags(options, slugs.matchups, { id: 3 }, undefined)).toEqual([matchupsListTag])
  })
})
