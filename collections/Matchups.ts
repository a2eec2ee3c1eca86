import type { CollectionConfig } from 'payload'

import type { SanitizedVerdictsOptions } from '../src/options'

import { deriveMatchupIdentity } from '../hooks/deriveMatchupIdentity'
import { isEditor, isStaff, publishedOrStaff } from '../src/access/roles'
import { distinctMatchupPair, relationMustExist } from '../src/validation/pairRules'

/** An "X vs Y" comparison page. */
export function createMatchupsCollection(options: SanitizedVerdictsOptions): CollectionConfig {
  const { collectionSlugs } = options
  return {
    slug: collectionSlugs.matchups,
    access: {
      create: isEditor,
      delete: isEditor,
      read: publishedOrStaff,
      readVersions: isStaff,
      update: isEditor,
    },
    admin: {
      defaultColumns: ['title', 'leftTool', 'rightTool', '_status', 'updatedAt'],
      description: 'Comparison pages: two tools side by side with the panel\'s verdicts.',
      group: 'Content',
      listSearchableFields: ['title', 'slug'],
      useAsTitle: 'title',
    },
    defaultSort: '-updatedAt',
    fields: [
      {
        type: 'row',
        fields: [
          {
            name: 'leftTool',
            type: 'relationship',
            relationTo: collectionSlugs.tools,
            required: true,
            validate: relationMustExist(collectionSlugs.tools, 'tool'),
          },
          {
            name: 'rightTool',
            type: 'relationship',
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
      },
      {
        name: 'title',
        type: 'text',
        admin: { position: 'sidebar', readOnly: true },
      },
      {
        name: 'slug',
        type: 'text',
        admin: { description: 'Always <left>-vs-<right>, from the tools\' slugs.', position: 'sidebar', readOnly: true },
        index: true,
        unique: true,
      },
    ],
    hooks: options.enabled ? { beforeValidate: [deriveMatchupIdentity(collectionSlugs)] } : undefined,
    labels: { plural: 'Matchups', singular: 'Matchup' },
    versions: {
      drafts: { validate: true },
      maxPerDoc: 50,
    },
  }
}
