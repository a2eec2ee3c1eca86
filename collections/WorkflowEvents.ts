import type { CollectionConfig } from 'payload'

import type { SanitizedVerdictsOptions } from '../src/options.ts'

import { appendOnlyAccess, isStaff } from '../src/access/roles.ts'
import { stageLabels, workflowEventActions, workflowStages } from '../src/workflow/rules.ts'

/** Append-only audit trail: every stage change of a verdict or matchup. */
export function createWorkflowEventsCollection(options: SanitizedVerdictsOptions): CollectionConfig {
  const { collectionSlugs } = options
  const stageOptions = workflowStages.map((stage) => ({ label: stageLabels[stage], value: stage }))
  return {
    slug: collectionSlugs.workflowEvents,
    access: appendOnlyAccess(isStaff),
    admin: {
      defaultColumns: ['createdAt', 'title', 'action', 'from', 'to', 'user'],
      description: 'Who moved what, when, from which stage to which, and why. Read-only.',
      group: 'Workflow',
      useAsTitle: 'title',
    },
    defaultSort: '-createdAt',
    fields: [
      {
        name: 'document',
        type: 'relationship',
        index: true,
        relationTo: [collectionSlugs.verdicts, collectionSlugs.matchups, collectionSlugs.newsletterIssues],
        required: true,
      },
      { name: 'title', type: 'text' },
      { name: 'action', type: 'select', options: [...workflowEventActions], required: true },
      { name: 'from', type: 'select', options: stageOptions },
      { name: 'to', type: 'select', options: stageOptions, required: true },
      { name: 'comment', type: 'textarea' },
      { name: 'user', type: 'relationship', relationTo: collectionSlugs.users },
    ],
    labels: { plural: 'Workflow history', singular: 'Workflow event' },
  }
}
