import type { Access, CollectionConfig, DateFieldValidation, FieldAccess } from 'payload'

import { readOnlyJson } from '../src/catalog/adminComponents.ts'
import type { SanitizedVerdictsOptions } from '../src/options.ts'

import { stampReleaseScheduler } from '../hooks/releases/stampReleaseScheduler.ts'
import { isAdmin, isStaff, hasRole } from '../src/access/roles.ts'
import { contextKeys } from '../src/domain/contextKeys.ts'
import { createReleaseEndpoints } from '../src/releases/endpoints.ts'
import { releaseStatusLabels, releaseStatuses } from '../src/releases/rules.ts'

/** Editors schedule releases; the release operations write the status after their checks. */
const isEditorOrReleaseOperation: Access = ({ req }) =>
  hasRole(req, 'admin', 'editor') || Boolean(req.context?.[contextKeys.releaseTransition])
const onlyReleaseOperations: FieldAccess = ({ req }) => Boolean(req.context?.[contextKeys.releaseTransition])

const unpublishAfterPublish: DateFieldValidation = (value, { siblingData }) => {
  const publishAt = (siblingData as { publishAt?: null | string }).publishAt
  if (value && publishAt && new Date(value).getTime() <= new Date(publishAt).getTime()) {
    return 'Unpublish at must be after publish at.'
  }
  return true
}

/**
 * A release: a matchup and its verdicts (or any verdicts and matchups) that go live
 * together, at `publishAt` or at once, only if every item is approved at that moment.
 */
export function createReleasesCollection(options: SanitizedVerdictsOptions): CollectionConfig {
  const { collectionSlugs } = options
  const owned = { create: onlyReleaseOperations, update: onlyReleaseOperations }
  const sidebarReadOnly = { position: 'sidebar' as const, readOnly: true }
  return {
    slug: collectionSlugs.releases,
    access: { create: isEditorOrReleaseOperation, delete: isAdmin, read: isStaff, update: isEditorOrReleaseOperation },
    admin: {
      defaultColumns: ['title', 'status', 'publishAt', 'unpublishAt', 'scheduledBy'],
      description:
        'Content that goes live together, now or at a set time, and only if every item is approved at that moment.',
      group: 'Workflow',
      useAsTitle: 'title',
    },
    defaultSort: 'publishAt',
    endpoints: options.enabled ? createReleaseEndpoints(options) : [],
    fields: [
      { name: 'title', type: 'text', required: true },
      {
        name: 'items',
        type: 'relationship',
        admin: {
          description:
            'The matchups and verdicts that go live together. A draft waiting over live content publishes that draft.',
        },
        hasMany: true,
        minRows: 1,
        relationTo: [collectionSlugs.matchups, collectionSlugs.verdicts],
        required: true,
      },
      {
        name: 'publishAt',
        type: 'date',
        admin: {
          date: { pickerAppearance: 'dayAndTime' },
          description: 'Empty: as soon as the queue next looks (within a minute).',
        },
        index: true,
      },
      {
        name: 'unpublishAt',
        type: 'date',
        admin: { date: { pickerAppearance: 'dayAndTime' }, description: 'Optional: when the items come down again.' },
        validate: unpublishAfterPublish,
      },
      ...(options.enabled
        ? [
            {
              name: 'release',
              type: 'ui' as const,
              admin: { components: { Field: 'verdicts-cms/client#ReleasePanel' }, position: 'sidebar' as const },
            },
          ]
        : []),
      {
        name: 'status',
        type: 'select',
        access: owned,
        admin: sidebarReadOnly,
        defaultValue: 'scheduled',
        index: true,
        options: releaseStatuses.map((status) => ({ label: releaseStatusLabels[status], value: status })),
        required: true,
      },
      {
        name: 'blockers',
        type: 'json',
        access: owned,
        admin: {
          ...sidebarReadOnly,
          components: { Field: readOnlyJson },
          description: 'Why the last attempt put nothing live: each item and the rule that stopped it.',
        },
      },
      {
        name: 'scheduledBy',
        type: 'relationship',
        access: owned,
        admin: sidebarReadOnly,
        relationTo: collectionSlugs.users,
      },
      { name: 'publishedAt', type: 'date', access: owned, admin: sidebarReadOnly },
      { name: 'unpublishedAt', type: 'date', access: owned, admin: sidebarReadOnly },
    ],
    hooks: options.enabled ? { beforeChange: [stampReleaseScheduler(options)] } : undefined,
    labels: { plural: 'Releases', singular: 'Release' },
  }
}
