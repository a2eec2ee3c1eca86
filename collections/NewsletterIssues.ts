import type { CollectionConfig } from 'payload'

import type { SanitizedVerdictsOptions } from '../src/options.ts'

import { countIssueDeliveries } from '../hooks/newsletter/countIssueDeliveries.ts'
import { enforceWorkflowRules } from '../hooks/workflow/enforceWorkflowRules.ts'
import { keepPublishedVersionLive } from '../hooks/workflow/keepPublishedVersionLive.ts'
import { notifyWorkflowParticipants } from '../hooks/workflow/notifyWorkflowParticipants.ts'
import { recordWorkflowTransition } from '../hooks/workflow/recordWorkflowTransition.ts'
import { isEditor, isEditorOrCheckedTransition, isStaff } from '../src/access/roles.ts'
import { createWorkflowEndpoints } from '../src/workflow/endpoints.ts'
import { createSendIssueEndpoint } from '../src/newsletter/sendJob.ts'
import { workflowAdminComponents, workflowFields } from '../src/workflow/fields.ts'
import { workflowTargets } from '../src/workflow/targets.ts'
import { contextKeys } from '../src/domain/contextKeys.ts'

export const issueDeliveryStatuses = ['not_sent', 'sending', 'sent'] as const

/**
 * The weekly digest. Composed as a draft by the scheduled job (or `newsletter compose`),
 * edited by editors, and approved through the same workflow as verdicts and matchups
 * before it can be sent. Not public content: only the editorial team reads issues.
 */
export function createNewsletterIssuesCollection(options: SanitizedVerdictsOptions): CollectionConfig {
  const workflow = workflowTargets(options).newsletterIssues
  const sidebarReadOnly = { position: 'sidebar' as const, readOnly: true }
  return {
    slug: options.collectionSlugs.newsletterIssues,
    access: {
      create: isEditor,
      delete: isEditor,
      read: isStaff,
      readVersions: isStaff,
      update: isEditorOrCheckedTransition(contextKeys.workflowTransition),
    },
    admin: {
      components: workflowAdminComponents,
      defaultColumns: [
        'title',
        'workflowStage',
        'deliveryStatus',
        'sentCount',
        'recipients',
        'failedCount',
        'updatedAt',
      ],
      description: 'Weekly AI Tool Verdicts. Composed every week as a draft; sent once approved.',
      group: 'Newsletter',
      useAsTitle: 'title',
    },
    defaultSort: '-createdAt',
    endpoints: options.enabled ? [...createWorkflowEndpoints(options, workflow), createSendIssueEndpoint(options)] : [],
    fields: [
      { name: 'title', type: 'text', required: true },
      { name: 'intro', type: 'textarea', admin: { description: 'Opens the mail. Blank lines separate paragraphs.' } },
      {
        name: 'items',
        type: 'array',
        admin: { description: 'Drag to reorder; remove what should not go out.' },
        fields: [
          {
            type: 'row',
            fields: [
              {
                name: 'kind',
                type: 'select',
                defaultValue: 'note',
                options: [
                  { label: 'New comparison', value: 'matchup' },
                  { label: 'Score moved', value: 'score' },
                  { label: 'Note', value: 'note' },
                ],
                required: true,
              },
              { name: 'title', type: 'text', required: true },
            ],
          },
          { name: 'text', type: 'textarea' },
          { name: 'url', type: 'text', admin: { description: 'Where the item links, e.g. the /compare page.' } },
        ],
        labels: { plural: 'Items', singular: 'Item' },
      },
      { name: 'periodStart', type: 'date', admin: { ...sidebarReadOnly, date: { pickerAppearance: 'dayAndTime' } } },
      { name: 'periodEnd', type: 'date', admin: { ...sidebarReadOnly, date: { pickerAppearance: 'dayAndTime' } } },
      {
        name: 'deliveryStatus',
        type: 'select',
        admin: sidebarReadOnly,
        defaultValue: 'not_sent',
        label: 'Delivery',
        options: [
          { label: 'Not sent', value: 'not_sent' },
          { label: 'Sending', value: 'sending' },
          { label: 'Sent', value: 'sent' },
        ],
      },
      {
        name: 'recipients',
        type: 'number',
        admin: { ...sidebarReadOnly, description: 'Confirmed subscribers when the send started.' },
        label: 'Total',
      },
      {
        name: 'sentCount',
        type: 'number',
        admin: sidebarReadOnly,
        hooks: { afterRead: options.enabled ? [countIssueDeliveries(options, 'sent')] : [] },
        label: 'Sent',
        virtual: true,
      },
      {
        name: 'failedCount',
        type: 'number',
        admin: sidebarReadOnly,
        hooks: { afterRead: options.enabled ? [countIssueDeliveries(options, 'failed')] : [] },
        label: 'Failed',
        virtual: true,
      },
      { name: 'sendStartedAt', type: 'date', admin: { ...sidebarReadOnly, date: { pickerAppearance: 'dayAndTime' } } },
      { name: 'sentAt', type: 'date', admin: { ...sidebarReadOnly, date: { pickerAppearance: 'dayAndTime' } } },
      ...workflowFields(options),
    ],
    hooks: options.enabled
      ? {
          afterChange: [recordWorkflowTransition(options, workflow), notifyWorkflowParticipants(options, workflow)],
          beforeChange: [enforceWorkflowRules(options, workflow)],
          beforeOperation: [keepPublishedVersionLive(options, workflow)],
        }
      : undefined,
    labels: { plural: 'Newsletter issues', singular: 'Newsletter issue' },
    versions: {
      drafts: { validate: true },
      maxPerDoc: 50,
    },
  }
}
