import { describe, expect, it } from '@jest/globals'

import type { WorkflowActor } from '../../src/workflow/rules.ts'

import { contentFingerprint } from '../../src/workflow/fingerprint.ts'
import { availableActions, checkTransition, stageAfterSave } from '../../src/workflow/rules.ts'

const editor: WorkflowActor = { approvesForDocument: false, role: 'editor', touchedDocument: true }
const personaReviewer: WorkflowActor = { approvesForDocument: true, role: 'reviewer', touchedDocument: false }
const otherReviewer: WorkflowActor = { approvesForDocument: false, role: 'reviewer', touchedDocument: false }
const admin: WorkflowActor = { approvesForDocument: false, role: 'admin', touchedDocument: false }
const anonymous: WorkflowActor = { approvesForDocument: false, role: null, touchedDocument: false }

describe('checkTransition', () => {
  it('walks draft → in review → approved → published', () => {
    expect(checkTransition('submit', 'draft', editor)).toEqual({ ok: true, to: 'in_review' })
    expect(checkTransition('approve', 'in_review', personaReviewer)).toEqual({ ok: true, to: 'approved' })
    expect(checkTransition('publish', 'approved', editor)).toEqual({ ok: true, to: 'published' })
    expect(checkTransition('unpublish', 'published', editor)).toEqual({ ok: true, to: 'draft' })
  })

  it('refuses publishing what is not approved, naming the rule', () => {
    expect(checkTransition('publish', 'in_review', editor)).toEqual({
      message: 'only approved verdicts can be published',
      ok: false,
      status: 409,
    })
    expect(checkTransition('publish', 'draft', admin, { kind: 'matchup' })).toMatchObject({
      message: 'only approved matchups can be published',
    })
  })

  it("lets only the persona's reviewers (and admins) judge", () => {
    expect(checkTransition('approve', 'in_review', otherReviewer)).toMatchObject({ ok: false, status: 403 })
    expect(checkTransition('approve', 'in_review', editor)).toMatchObject({ ok: false, status: 403 })
    expect(checkTransition('approve', 'in_review', admin)).toEqual({ ok: true, to: 'approved' })
  })

  it('refuses approving your own work', () => {
    const author: WorkflowActor = { ...personaReviewer, touchedDocument: true }
    expect(checkTransition('approve', 'in_review', author)).toEqual({
      message: 'you cannot approve your own verdict: you wrote or last edited it',
      ok: false,
      status: 403,
    })
  })

  it('needs a comment to request changes', () => {
    expect(checkTransition('request_changes', 'in_review', personaReviewer)).toMatchObject({ ok: false, status: 400 })
    expect(checkTransition('request_changes', 'in_review', personaReviewer, { comment: ' ' })).toMatchObject({
      status: 400,
    })
    expect(checkTransition('request_changes', 'approved', personaReviewer, { comment: 'Cite the benchmark.' })).toEqual(
      {
        ok: true,
        to: 'changes_requested',
      },
    )
  })

  it('refuses reviewers publishing and anonymous callers everything', () => {
    expect(checkTransition('publish', 'approved', personaReviewer)).toMatchObject({ ok: false, status: 403 })
    for (const action of ['submit', 'approve', 'request_changes', 'publish', 'unpublish'] as const) {
      expect(checkTransition(action, 'approved', anonymous).ok).toBe(false)
    }
  })
})

describe('availableActions', () => {
  it('offers each user only the buttons they may use', () => {
    expect(availableActions('draft', editor)).toEqual(['submit'])
    expect(availableActions('in_review', editor)).toEqual([])
    expect(availableActions('in_review', personaReviewer)).toEqual(['approve', 'request_changes'])
    expect(availableActions('in_review', otherReviewer)).toEqual([])
    expect(availableActions('approved', editor)).toEqual(['publish'])
    expect(availableActions('approved', admin)).toEqual(['request_changes', 'publish'])
    expect(availableActions('published', editor)).toEqual(['unpublish'])
  })
})

describe('stageAfterSave', () => {
  it('dismisses an approval when content changes, and starts a new draft over a published one', () => {
    expect(stageAfterSave('approved', true)).toBe('in_review')
    expect(stageAfterSave('approved', false)).toBe('approved')
    expect(stageAfterSave('published', true)).toBe('draft')
    expect(stageAfterSave('in_review', true)).toBe('in_review')
    expect(stageAfterSave('changes_requested', true)).toBe('changes_requested')
  })
})

describe('contentFingerprint', () => {
  const fields = { relations: ['tool'], values: ['decision', 'quote'] }
  it('is equal for the same content, populated or not, whatever the key order', () => {
    const a = contentFingerprint({ decision: 'ship', quote: { root: { a: 1, b: 2 } }, tool: 7 }, fields)
    const b = contentFingerprint(
      { quote: { root: { b: 2, a: 1 } }, tool: { id: 7, name: 'x' }, decision: 'ship' },
      fields,
    )
    expect(a).toBe(b)
  })

  it('changes with the decision or the quote', () => {
    const base = { decision: 'ship', quote: 'x', tool: 7 }
    expect(contentFingerprint(base, fields)).not.toBe(contentFingerprint({ ...base, decision: 'skip' }, fields))
    expect(contentFingerprint(base, fields)).not.toBe(contentFingerprint({ ...base, quote: 'y' }, fields))
  })
})

describe('four eyes (issue 13, finding 4)', () => {
  const adminAuthor: WorkflowActor = { ...admin, touchedDocument: true }

  it('refuses an admin judging their own work', () => {
    expect(checkTransition('approve', 'in_review', adminAuthor)).toEqual({
      message: 'you cannot approve your own verdict: you wrote or last edited it',
      ok: false,
      status: 403,
    })
    expect(checkTransition('request_changes', 'in_review', adminAuthor, { comment: 'x' })).toMatchObject({
      ok: false,
      status: 403,
    })
    expect(availableActions('in_review', adminAuthor)).toEqual([])
  })

  it('still lets them publish what someone else approved', () => {
    expect(checkTransition('publish', 'approved', adminAuthor)).toEqual({ ok: true, to: 'published' })
  })

  it('allows self-approval only when the publication opts in', () => {
    expect(checkTransition('approve', 'in_review', { ...adminAuthor, mayJudgeOwnWork: true })).toEqual({
      ok: true,
      to: 'approved',
    })
    expect(
      checkTransition('approve', 'in_review', { ...personaReviewer, mayJudgeOwnWork: true, touchedDocument: true }),
    ).toEqual({ ok: true, to: 'approved' })
  })
})
