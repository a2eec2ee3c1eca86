import type { UserRole } from '../access/roles.ts'

/**
 * The editorial workflow as plain rules: which transitions exist, who may make them, and
 * the message that explains a refusal. Shared by the server (which enforces) and the
 * admin panel (which shows only the buttons a user may use).
 */

export const workflowStages = ['draft', 'in_review', 'changes_requested', 'approved', 'published'] as const
export type WorkflowStage = (typeof workflowStages)[number]

export const workflowActions = ['submit', 'approve', 'request_changes', 'publish', 'unpublish'] as const
export type WorkflowAction = (typeof workflowActions)[number]

/**
 * What the workflow history records: the transitions, plus creation, edits and imports, and
 * the two reasons a published verdict is asked for re-review (it fell due; its tool changed).
 */
export const workflowEventActions = ['create', ...workflowActions, 'edit', 'import', 'stale', 'tool_changed'] as const
export type WorkflowEventAction = (typeof workflowEventActions)[number]

export const stageLabels: Record<WorkflowStage, string> = {
  approved: 'Approved',
  changes_requested: 'Changes requested',
  draft: 'Draft',
  in_review: 'In review',
  published: 'Published',
}

export const actionLabels: Record<WorkflowAction, string> = {
  approve: 'Approve',
  publish: 'Publish',
  request_changes: 'Request changes',
  submit: 'Submit for review',
  unpublish: 'Unpublish',
}

export type WorkflowActor = {
  /** For a verdict: the user is an approver of its persona. For a matchup: any reviewer. */
  approvesForDocument: boolean
  /**
   * Four eyes: whoever created the document or made its last content edit may not judge
   * it, admins included, unless the publication allows it (`workflow.allowSelfApproval`,
   * for a one-person team). Absent means not allowed.
   */
  mayJudgeOwnWork?: boolean
  role: null | UserRole
  /** The user created the document or made its last content edit. */
  touchedDocument: boolean
}

type Transition = { from: WorkflowStage[]; roles: UserRole[]; to: WorkflowStage }

export const transitions: Record<WorkflowAction, Transition> = {
  approve: { from: ['in_review'], roles: ['admin', 'reviewer'], to: 'approved' },
  publish: { from: ['approved'], roles: ['admin', 'editor'], to: 'published' },
  request_changes: { from: ['in_review', 'approved'], roles: ['admin', 'reviewer'], to: 'changes_requested' },
  submit: { from: ['draft', 'changes_requested'], roles: ['admin', 'editor'], to: 'in_review' },
  unpublish: { from: ['published'], roles: ['admin', 'editor'], to: 'draft' },
}

export type TransitionCheck = { message: string; ok: false; status: 400 | 403 | 409 } | { ok: true; to: WorkflowStage }

const wrongStage: Record<WorkflowAction, string> = {
  approve: 'only {kind}s in review can be approved',
  publish: 'only approved {kind}s can be published',
  request_changes: 'changes can only be requested on {kind}s in review or approved',
  submit: 'only drafts, or {kind}s with changes requested, can be submitted for review',
  unpublish: 'only published {kind}s can be unpublished',
}

const wrongRole: Record<WorkflowAction, string> = {
  approve: 'only a reviewer of this persona, or an admin, can approve',
  publish: 'only editors and admins can publish',
  request_changes: 'only a reviewer of this persona, or an admin, can request changes',
  submit: 'only editors and admins can submit for review',
  unpublish: 'only editors and admins can unpublish',
}

/**
 * Whether `actor` may take `action` on a document at `stage`, and where it leads.
 * `kind` names the document in messages ("verdict", "matchup").
 */
export function checkTransition(
  action: WorkflowAction,
  stage: WorkflowStage,
  actor: WorkflowActor,
  { comment, kind = 'verdict' }: { comment?: null | string; kind?: string } = {},
): TransitionCheck {
  const transition = transitions[action]
  const say = (text: string) => text.replaceAll('{kind}', kind)
  if (!actor.role || !transition.roles.includes(actor.role)) {
    return { message: say(wrongRole[action]), ok: false, status: 403 }
  }
  const judging = action === 'approve' || action === 'request_changes'
  if (judging) {
    if (actor.role !== 'admin' && !actor.approvesForDocument) {
      return { message: say(wrongRole[action]), ok: false, status: 403 }
    }
    if (actor.touchedDocument && !actor.mayJudgeOwnWork) {
      return {
        message: say(
          `you cannot ${action === 'approve' ? 'approve' : 'review'} your own {kind}: you wrote or last edited it`,
        ),
        ok: false,
        status: 403,
      }
    }
  }
  if (!transition.from.includes(stage)) {
    return { message: say(wrongStage[action]), ok: false, status: 409 }
  }
  if (action === 'request_changes' && !comment?.trim()) {
    return { message: 'a comment is required when requesting changes', ok: false, status: 400 }
  }
  return { ok: true, to: transition.to }
}

/**
 * The stage an action is checked against. Every action acts on the latest version but
 * `unpublish`, which takes down the live one: published still while an edit of it is in
 * progress (`livePublished`).
 */
export function stageActedOn(
  action: WorkflowAction,
  latestStage: WorkflowStage,
  livePublished: boolean,
): WorkflowStage {
  return action === 'unpublish' && livePublished ? 'published' : latestStage
}

/** The actions `actor` may take now, in the order the admin shows them. */
export function availableActions(stage: WorkflowStage, actor: WorkflowActor, livePublished = false): WorkflowAction[] {
  return workflowActions.filter(
    (action) => checkTransition(action, stageActedOn(action, stage, livePublished), actor, { comment: 'x' }).ok,
  )
}

/**
 * The stage after a save that is not a workflow transition: editing approved content
 * dismisses the approval (back to review); any save over a published document starts a
 * new draft, which needs approval again.
 */
export function stageAfterSave(previous: WorkflowStage, contentChanged: boolean): WorkflowStage {
  if (previous === 'published') {
    return 'draft'
  }
  if (previous === 'approved' && contentChanged) {
    return 'in_review'
  }
  return previous
}
