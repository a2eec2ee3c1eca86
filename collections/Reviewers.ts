import type { CollectionConfig } from 'payload'

import type { SanitizedVerdictsOptions } from '../src/options.ts'

import { appendToPanelOrder } from '../hooks/catalog/appendToPanelOrder.ts'
import { deleteVerdictsOfPersona } from '../hooks/catalog/deleteVerdictsOfPersona.ts'
import { notifyConsumers } from '../hooks/webhooks/notifyConsumers.ts'
import { referenceDataAccess } from '../src/access/roles.ts'
import { importSourceField } from '../src/importer/importSourceField.ts'
import { slugField } from '../src/catalog/slugField.ts'

/** The panel's personas: public reviewer identities, each with its own lens. */
export function createReviewersCollection(options: SanitizedVerdictsOptions): CollectionConfig {
  const { collectionSlugs } = options
  const consumers = notifyConsumers(options, collectionSlugs.reviewers, 'persona')
  return {
    slug: collectionSlugs.reviewers,
    access: referenceDataAccess,
    admin: {
      defaultColumns: ['position', 'name', 'lens', 'approvers', 'needsAttention'],
      description:
        'The panel. Each persona judges tools through one lens; its verdicts appear in this order on every scorecard.',
      group: 'Panel',
      useAsTitle: 'name',
    },
    defaultSort: 'position',
    fields: [
      { name: 'name', type: 'text', required: true },
      slugField({ sourceField: 'name', withHooks: options.enabled }),
      {
        name: 'lens',
        type: 'textarea',
        admin: { description: 'What this persona judges a tool by, in a sentence.' },
        required: true,
      },
      {
        name: 'position',
        type: 'number',
        admin: {
          description: 'Order on the scorecard, lowest first. New personas join the end.',
          position: 'sidebar',
          step: 1,
        },
        index: true,
        min: 0,
        required: true,
      },
      {
        name: 'voiceMarkers',
        type: 'text',
        admin: {
          description: 'Phrases that identify this persona\'s voice, such as "the moat" or "the DX bet".',
        },
        hasMany: true,
      },
      {
        name: 'approvers',
        type: 'relationship',
        admin: {
          description: "Reviewer accounts allowed to approve verdicts written in this persona's voice.",
        },
        filterOptions: { role: { in: ['reviewer', 'admin'] } },
        hasMany: true,
        relationTo: collectionSlugs.users,
      },
      {
        name: 'reviewEveryDays',
        type: 'number',
        admin: {
          description: `Days after its last review at which a verdict of this persona is due again. Empty: the panel's ${options.freshness.reviewEveryDays}.`,
          position: 'sidebar',
          step: 1,
        },
        label: 'Re-review every … days',
        min: 1,
      },
      {
        name: 'needsAttention',
        type: 'checkbox',
        admin: {
          description:
            "Set by the importer on a placeholder persona: a quote in a voice no persona's markers matched. Name the persona, write its lens and voice markers (or move its verdicts), then clear this.",
          position: 'sidebar',
        },
        defaultValue: false,
        index: true,
        label: 'Needs an editor',
      },
      importSourceField(),
    ],
    hooks: options.enabled
      ? {
          afterChange: [consumers.afterChange],
          afterDelete: [consumers.afterDelete],
          beforeDelete: [deleteVerdictsOfPersona(options)],
          beforeValidate: [appendToPanelOrder],
        }
      : undefined,
    labels: { plural: 'Reviewer personas', singular: 'Reviewer persona' },
  }
}
