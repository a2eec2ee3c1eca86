import type { PluginCollectionSlugs, SanitizedVerdictsOptions } from '../options.ts'
import type { WorkflowAction, WorkflowStage } from './rules.ts'

/** What the workflow needs to know about a collection that goes through review. */
export type WorkflowTarget = {
  /** The fields an approval covers: editing any of them dismisses the approval. */
  fingerprint: { relations: string[]; values: string[] }
  /** Names the document in messages: "only approved verdicts can be published". */
  kind: 'matchup' | 'newsletter issue' | 'verdict'
  /** For verdicts: the persona whose approvers may judge the document. */
  personaField?: string
  slug: PluginCollectionSlugs['matchups' | 'newsletterIssues' | 'verdicts']
}

export function workflowTargets(
  options: SanitizedVerdictsOptions,
): Record<'matchups' | 'newsletterIssues' | 'verdicts', WorkflowTarget> {
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

export type WorkflowNote = { action: 'import'; comment: string }

export type TransitionContext = {
  action: WorkflowAction
  comment?: string
  /**
   * An unpublish over an edit in progress: the live, published document as it was before the
   * save. Payload gives the save's hooks the latest version as `previousDoc`, which is the
   * draft; the hooks that react to the published version going down read this instead
   * (`documentBeforeSave` in liveVersion.ts).
   */
  liveBefore?: { collection: string; doc: Record<string, unknown> & { id: number | string } }
  to: WorkflowStage
}
