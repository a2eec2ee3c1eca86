import type { SanitizedVerdictsOptions } from '../options'

/** What the workflow needs to know about a collection that goes through review. */
export type WorkflowTarget = {
  /** The fields an approval covers: editing any of them dismisses the approval. */
  fingerprint: { relations: string[]; values: string[] }
  /** Names the document in messages: "only approved verdicts can be published". */
  kind: 'matchup' | 'newsletter issue' | 'verdict'
  /** For verdicts: the persona whose approvers may judge the document. */
  personaField?: string
  slug: string
}

export function workflowTargets(options: SanitizedVerdictsOptions): Record<'matchups' | 'newsletterIssues' | 'verdicts', WorkflowTarget> {
  return {
    matchups: {
      fingerprint: { relations: ['leftTool', 'rightTool'], values: ['customTitle', 'intro'] },
      kind: 'matchup',
      slug: options.collectionSlugs.matchups,
    },
    // Like matchups, issues have no persona: any reviewer may judge them.
    newsletterIssues: {
      fingerprint: { relations: [], values: ['title', 'intro', 'items'] },
      kind: 'newsletter issue',
      slug: options.collectionSlugs.newsletterIssues,
    },
    verdicts: {
      fingerprint: { relations: ['reviewer', 'tool'], values: ['decision', 'quote'] },
      kind: 'verdict',
      personaField: 'reviewer',
      slug: options.collectionSlugs.verdicts,
    },
  }
}

/** Set by the transition operation after it checked the rules; never by a client. */
export const workflowTransitionContextField = 'verdictsWorkflowTransition'

/**
 * Set by a trusted system write (the importer) to say why it changed a stage; the
 * workflow history records it as the event's action and comment, and review mail quotes it.
 */
export const workflowNoteContextField = 'verdictsWorkflowNote'

export type WorkflowNote = { action: 'import'; comment: string }

export type TransitionContext = {
  action: 'approve' | 'publish' | 'request_changes' | 'submit' | 'unpublish'
  comment?: string
  to: 'approved' | 'changes_requested' | 'draft' | 'in_review' | 'published'
}
