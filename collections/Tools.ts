import type { CollectionConfig, TextFieldSingleValidation } from 'payload'

import type { SanitizedVerdictsOptions } from '../src/options.ts'

import { deleteScoreHistoryOfTool } from '../hooks/scores/deleteScoreHistoryOfTool.ts'
import { notifyConsumers } from '../hooks/webhooks/notifyConsumers.ts'
import { refuseDeletingToolInUse } from '../hooks/catalog/refuseDeletingToolInUse.ts'
import { nobody, referenceDataAccess } from '../src/access/roles.ts'
import { importSourceField } from '../src/importer/importSourceField.ts'
import { scoreGroupField } from '../src/scores/fields.ts'
import { validateRichText } from '../src/catalog/validateRichText.ts'
import { slugField } from '../src/catalog/slugField.ts'
import { taglineMaxLength } from '../src/domain/limits.ts'
import { flagVerdictsOnToolChange } from '../hooks/freshness/flagVerdictsOnToolChange.ts'

const validateWebsite: TextFieldSingleValidation = (value) => {
  if (!value) {
    return true
  }
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? true : 'The website must be an http(s) address.'
  } catch {
    return 'The website must be a full address, such as https://example.com.'
  }
}

export function createToolsCollection(options: SanitizedVerdictsOptions): CollectionConfig {
  const { collectionSlugs, pricingTiers } = options
  const consumers = notifyConsumers(options, collectionSlugs.tools, 'tool')
  return {
    slug: collectionSlugs.tools,
    access: referenceDataAccess,
    admin: {
      defaultColumns: ['name', 'category', 'pricing.tier', 'panelScore.percent', 'updatedAt'],
      description: 'The AI tools the panel reviews. A variant of a product is its own tool.',
      group: 'Content',
      listSearchableFields: ['name', 'slug', 'tagline', 'vendor'],
      useAsTitle: 'name',
    },
    defaultSort: 'name',
    fields: [
      // Indexed: the public tools list sorts by name.
      { name: 'name', type: 'text', index: true, required: true },
      slugField({ sourceField: 'name', withHooks: options.enabled }),
      {
        name: 'tagline',
        type: 'text',
        admin: { description: 'One line under the name on comparison pages.' },
        maxLength: taglineMaxLength,
      },
      { name: 'category', type: 'relationship', relationTo: collectionSlugs.categories },
      { name: 'description', type: 'richText', validate: validateRichText({ label: 'The description' }) },
      {
        name: 'pricing',
        type: 'group',
        fields: [
          {
            name: 'tier',
            type: 'select',
            admin: { description: 'Printed as the "Entry" price on comparison pages.' },
            defaultValue: pricingTiers[0].value,
            options: pricingTiers,
            required: true,
          },
          {
            name: 'note',
            type: 'text',
            admin: { description: 'Optional detail, e.g. "pay per token, volume tiers".' },
          },
        ],
      },
      {
        type: 'row',
        fields: [
          { name: 'vendor', type: 'text' },
          { name: 'license', type: 'text' },
          { name: 'website', type: 'text', validate: validateWebsite },
        ],
      },
      scoreGroupField('panelScore', 'Panel score', 'Computed from the published verdicts of this tool.'),
      scoreGroupField(
        'communityScore',
        'Community score',
        `Computed from public votes; empty below ${options.community.minimumVotes} votes.`,
      ),
      {
        name: 'public',
        type: 'checkbox',
        access: { create: nobody, update: nobody },
        admin: {
          description:
            'Derived: the tool has a published verdict or is in a published matchup. Only public tools are listed.',
          position: 'sidebar',
          readOnly: true,
        },
        defaultValue: false,
        // What every public tools list filters on (src/catalog/toolVisibility.ts keeps it).
        index: true,
        label: 'Public',
      },
      importSourceField([
        { name: 'printedPanel', type: 'text', label: 'Printed panel ship' },
        { name: 'printedCommunity', type: 'text', label: 'Printed community' },
        { name: 'printedEntry', type: 'text', label: 'Printed entry price' },
      ]),
      {
        name: 'scoreHistory',
        type: 'join',
        admin: {
          allowCreate: false,
          defaultColumns: ['createdAt', 'kind', 'summary'],
          description: "Every change of this tool's scores, newest first, with its cause.",
        },
        collection: collectionSlugs.scoreHistory,
        defaultLimit: 20,
        defaultSort: '-createdAt',
        on: 'tool',
      },
    ],
    hooks: options.enabled
      ? {
          afterChange: [consumers.afterChange, flagVerdictsOnToolChange(options)],
          afterDelete: [consumers.afterDelete],
          beforeDelete: [refuseDeletingToolInUse(options), deleteScoreHistoryOfTool(options)],
        }
      : undefined,
    // The public tools list: public tools in name order, a page at a time (src/public/pages.ts);
    // filtered by tier, its page and its total are read from the second index, not by
    // checking every public tool's tier (a table scan at 10,000 tools).
    indexes: [{ fields: ['public', 'name', 'createdAt'] }, { fields: ['public', 'pricing.tier', 'name', 'createdAt'] }],
    labels: { plural: 'Tools', singular: 'Tool' },
  }
}
