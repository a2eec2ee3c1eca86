import type { CollectionConfig } from 'payload'

import type { SanitizedVerdictsOptions } from '../src/options.ts'

import { deriveMatchupIdentity } from '../hooks/catalog/deriveMatchupIdentity.ts'
import {
  recomputeToolVisibilityAfterChange,
  recomputeToolVisibilityAfterDelete,
} from '../hooks/catalog/recomputeToolVisibility.ts'
import { enforceWorkflowRules } from '../hooks/workflow/enforceWorkflowRules.ts'
import { keepPublishedVersionLive } from '../hooks/workflow/keepPublishedVersionLive.ts'
import { notifyConsumers } from '../hooks/webhooks/notifyConsumers.ts'
import { notifyWorkflowParticipants } from '../hooks/workflow/notifyWorkflowParticipants.ts'
import { recordWorkflowTransition } from '../hooks/workflow/recordWorkflowTransition.ts'
import { reviewedContentAccess } from '../src/access/roles.ts'
import { createMatchupPreviewEndpoint } from '../src/public/previewEndpoint.ts'
import { createCoverageEndpoint } from '../src/coverage/endpoint.ts'
import { createWorkflowEndpoints } from '../src/workflow/endpoints.ts'
import { importSourceField } from '../src/importer/importSourceField.ts'
import { inlineFieldError } from '../src/catalog/adminComponents.ts'
import { validateRichText } from '../src/catalog/validateRichText.ts'
import { workflowAdminComponents, workflowFields } from '../src/workflow/fields.ts'
import { workflowTargets } from '../src/workflow/targets.ts'
import { distinctMatchupPair, relationMustExist } from '../src/catalog/pairRules.ts'
import { contextKeys } from '../src/domain/contextKeys.ts'

/** An "X vs Y" comparison page. */
export function createMatchupsCollection(options: SanitizedVerdictsOptions): CollectionConfig {
  const { collectionSlugs } = options
  const workflow = workflowTargets(options).matchups
  const consumers = notifyConsumers(options, collectionSlugs.matchups, 'matchup')
  return {
    slug: collectionSlugs.matchups,
    access: reviewedContentAccess(contextKeys.workflowTransition),
    admin: {
      components: workflowAdminComponents,
      defaultColumns: ['title', 'leftTool', 'rightTool', 'workflowStage', 'updatedAt'],
      description: "Comparison pages: two tools side by side with the panel's verdicts.",
      group: 'Content',
      listSearchableFields: ['title', 'slug'],
      useAsTitle: 'title',
    },
    defaultSort: '-updatedAt',
    endpoints: options.enabled
      ? [
          ...createWorkflowEndpoints(options, workflow),
          createMatchupPreviewEndpoint(options),
          createCoverageEndpoint(options),
        ]
      : [],
    fields: [
      {
        type: 'row',
        fields: [
          {
            name: 'leftTool',
            type: 'relationship',
            index: true,
            relationTo: collectionSlugs.tools,
            required: true,
            validate: relationMustExist(collectionSlugs.tools, 'tool'),
          },
          {
            name: 'rightTool',
            type: 'relationship',
            admin: {
              components: {
                Error: inlineFieldError({
                  collection: collectionSlugs.matchups,
                  eitherOrder: true,
                  fields: ['leftTool', 'rightTool'],
                  linkLabel: 'Open the existing matchup',
                }),
              },
            },
            index: true,
            relationTo: collectionSlugs.tools,
            required: true,
            validate: distinctMatchupPair(collectionSlugs),
          },
        ],
      },
      {
        name: 'customTitle',
        type: 'text',
        admin: { description: 'Leave empty for "Left vs Right".' },
      },
      {
        name: 'intro',
        type: 'richText',
        admin: { description: 'Optional editorial introduction shown above the comparison.' },
        validate: validateRichText({ label: 'The introduction' }),
      },
      ...(options.enabled
        ? [
            {
              name: 'coverage',
              type: 'ui' as const,
              admin: { components: { Field: 'verdicts-cms/client#CoverageGrid' } },
            },
          ]
        : []),
      {
        name: 'title',
        type: 'text',
        admin: { position: 'sidebar', readOnly: true },
        // Indexed: the public matchups list sorts by title.
        index: true,
      },
      {
        name: 'slug',
        type: 'text',
        admin: { description: "Always <left>-vs-<right>, from the tools' slugs.", position: 'sidebar', readOnly: true },
        index: true,
        unique: true,
      },
      ...workflowFields(options),
      importSourceField(),
    ],
    hooks: options.enabled
      ? {
          afterChange: [
            recomputeToolVisibilityAfterChange(options),
            recordWorkflowTransition(options, workflow),
            notifyWorkflowParticipants(options, workflow),
            consumers.afterChange,
          ],
          afterDelete: [recomputeToolVisibilityAfterDelete(options), consumers.afterDelete],
          beforeChange: [enforceWorkflowRules(options, workflow)],
          beforeOperation: [keepPublishedVersionLive(options, workflow)],
          beforeValidate: [deriveMatchupIdentity(collectionSlugs)],
        }
      : undefined,
    // The public matchups list: published matchups in title order, a page at a time.
    indexes: [{ fields: ['_status', 'title', 'createdAt'] }],
    labels: { plural: 'Matchups', singular: 'Matchup' },
    versions: {
      drafts: { validate: true },
      maxPerDoc: 50,
    },
  }
}
