import type { CollectionConfig, Field } from 'payload'

import type { SanitizedVerdictsOptions } from '../src/options.ts'

import { appendOnlyAccess, isStaff } from '../src/access/roles.ts'
import { scoreActions, scoreKinds } from '../src/domain/scores.ts'

const tallyFields: Field[] = [
  { name: 'ship', type: 'number' },
  { name: 'skip', type: 'number' },
  { name: 'total', type: 'number' },
  { name: 'percent', type: 'number' },
]

/**
 * Append-only: one entry per change of a tool's panel or community score, saying what
 * caused it. Written only by the plugin's hooks; nobody can edit or delete an entry
 * through any API.
 */
export function createScoreHistoryCollection(options: SanitizedVerdictsOptions): CollectionConfig {
  const { collectionSlugs } = options
  return {
    slug: collectionSlugs.scoreHistory,
    access: appendOnlyAccess(isStaff),
    admin: {
      defaultColumns: ['createdAt', 'tool', 'kind', 'summary'],
      description: "Why a tool's score moved: every change, with its cause. Read-only.",
      group: 'Scores',
      useAsTitle: 'summary',
    },
    defaultSort: '-createdAt',
    fields: [
      { name: 'tool', type: 'relationship', index: true, relationTo: collectionSlugs.tools, required: true },
      { name: 'kind', type: 'select', options: [...scoreKinds], required: true },
      { name: 'from', type: 'group', fields: tallyFields },
      { name: 'to', type: 'group', fields: tallyFields },
      { name: 'action', type: 'select', options: [...scoreActions], required: true },
      { name: 'verdict', type: 'relationship', relationTo: collectionSlugs.verdicts },
      { name: 'user', type: 'relationship', relationTo: collectionSlugs.users },
      { name: 'summary', type: 'text' },
    ],
    labels: { plural: 'Score history', singular: 'Score change' },
  }
}
