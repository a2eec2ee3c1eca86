import type { Field } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'

import { stageLabels, workflowStages } from './rules.ts'

/**
 * One publish control, the workflow panel's (Payload's header button is left out), and
 * one-click stage filters with counts above the list.
 */
export const workflowAdminComponents = {
  beforeListTable: ['verdicts-cms/client#StageQuickFilters'],
  edit: { PublishButton: 'verdicts-cms/client#PublishThroughWorkflow' },
}

/**
 * The workflow's state beside Payload's `_status`. Hooks own every one of these fields:
 * values sent by clients are ignored.
 */
export function workflowFields(options: SanitizedVerdictsOptions): Field[] {
  const users = options.collectionSlugs.users
  const sidebarReadOnly = { position: 'sidebar' as const, readOnly: true }
  return [
    {
      name: 'workflowStage',
      type: 'select',
      admin: { ...sidebarReadOnly, description: 'Changes only through the workflow buttons below.' },
      defaultValue: 'draft',
      index: true,
      label: 'Stage',
      options: workflowStages.map((stage) => ({ label: stageLabels[stage], value: stage })),
      required: true,
    },
    {
      name: 'workflow',
      type: 'ui',
      admin: {
        components: { Field: 'verdicts-cms/client#WorkflowPanel' },
        position: 'sidebar',
      },
    },
    { name: 'approvedBy', type: 'relationship', admin: sidebarReadOnly, relationTo: users },
    { name: 'approvedAt', type: 'date', admin: { ...sidebarReadOnly, date: { pickerAppearance: 'dayAndTime' } } },
    // Internal: which content the approval covers. Not a column, not a filter.
    {
      name: 'approvedFingerprint',
      type: 'text',
      admin: { disableListColumn: true, disableListFilter: true, hidden: true },
    },
    {
      name: 'firstPublishedAt',
      type: 'date',
      admin: {
        ...sidebarReadOnly,
        date: { pickerAppearance: 'dayAndTime' },
        description: 'When it first went live; later publishes keep this date.',
      },
      // The feed sorts comparisons by it.
      index: true,
    },
    { name: 'createdBy', type: 'relationship', admin: sidebarReadOnly, relationTo: users },
    { name: 'lastEditedBy', type: 'relationship', admin: sidebarReadOnly, relationTo: users },
  ]
}
