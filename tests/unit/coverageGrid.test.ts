import { describe, expect, it } from '@jest/globals'

import { buildCoverage, coverageState, prefilledId } from '../../src/coverage/grid.ts'

describe('coverageState', () => {
  it("is missing without a verdict, the live verdict's flag when it has one, else the newest version's stage", () => {
    const verdict = { id: 1, live: true, reviewer: 1, tool: 1, workflowStage: 'published' }
    expect(coverageState(undefined)).toBe('missing')
    expect(coverageState(verdict)).toBe('published')
    expect(coverageState({ ...verdict, stale: true })).toBe('stale')
    expect(coverageState({ ...verdict, stale: true, toolChangedSinceReview: true })).toBe('tool_changed')
    expect(coverageState({ ...verdict, live: false, stale: true, workflowStage: 'changes_requested' })).toBe(
      'changes_requested',
    )
    expect(coverageState({ ...verdict, workflowStage: null })).toBe('draft')
  })
})

describe('buildCoverage', () => {
  it('orders the panel by position, then name, and counts every cell once', () => {
    const personas = [
      { id: 2, name: 'B', position: 1, slug: 'b' },
      { id: 1, name: 'A', position: 1, slug: 'a' },
      { id: 3, name: 'C', position: 0, slug: 'c' },
    ]
    const tools: [{ id: number; name: string; slug: string }, { id: number; name: string; slug: string }] = [
      { id: 10, name: 'Left', slug: 'left' },
      { id: 11, name: 'Right', slug: 'right' },
    ]
    const grid = buildCoverage(
      personas,
      tools,
      [{ id: 7, live: false, reviewer: 1, tool: 11, workflowStage: 'in_review' }],
      '/admin/collections/verdicts',
    )
    expect(grid.cells.map((cell) => `${cell.persona}/${cell.tool}:${cell.state}`)).toEqual([
      'c/left:missing',
      'c/right:missing',
      'a/left:missing',
      'a/right:in_review',
      'b/left:missing',
      'b/right:missing',
    ])
    expect(grid.counts).toMatchObject({ in_review: 1, missing: 5, published: 0 })
    expect(grid.cells[3].href).toBe('/admin/collections/verdicts/7')
    expect(grid.cells[0].href).toBe('/admin/collections/verdicts/create?prefillReviewer=3&prefillTool=10')
  })
})

describe('prefilledId', () => {
  it('takes numeric and ObjectId-shaped ids, nothing else', () => {
    expect(prefilledId('42')).toBe(42)
    expect(prefilledId('65a1f0c2e4b0a1b2c3d4e5f6')).toBe('65a1f0c2e4b0a1b2c3d4e5f6')
    expect(prefilledId('0')).toBeUndefined()
    expect(prefilledId('1 or 1=1')).toBeUndefined()
    expect(prefilledId(['1'])).toBeUndefined()
  })
})
