import type { Access, CollectionConfig, Field, FieldAccess } from 'payload'

import type { SanitizedVerdictsOptions } from '../src/options.ts'

import { appendOnlyAccess, isEditorialUser } from '../src/access/roles.ts'
import { scoreActions, scoreKinds } from '../src/domain/scores.ts'

const tallyFields: Field[] = [
  { name: 'ship', type: 'number' },
  { name: 'skip', type: 'number' },
  { name: 'total', type: 'number' },
  { name: 'percent', type: 'number' },
]

/**
 * The panel figure's history is public (readers see why a figure moved: issue 19's
 * `/api/public/tools/:slug/history` reads it as the public does); the community figure's,
 * which moves with every vote, and who or which verdict caused a change stay with the team.
 */
const staffOrPanelHistory: Access = ({ req }) => isEditorialUser(req) || { kind: { equals: 'panel' } }
const staffOnlyField: FieldAccess = ({ req }) => isEditorialUser(req)

/**
 * Append-only: one entry per change of a tool's panel or community score, saying what
 * caused it. Written only by the plugin's hooks; nobody can edit or delete an entry
 * through any API.
 */
export function createScoreHistoryCollection(options: SanitizedVerdictsOptions): CollectionConfig {
  const { collectionSlugs } = options
  return {
    slug: collectionSlugs.scoreHistory,
    access: appendOnlyAccess(staffOrPanelHistory),
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
      // The summary names the persona and the verdict; the user is a person on the team.
      { name: 'verdict', type: 'relationship', access: { read: staffOnlyField }, relationTo: collectionSlugs.verdicts },
      { name: 'user', type: 'relationship', access: { read: staffOnlyField }, relationTo: collectionSlugs.users },
      { name: 'summary', type: 'text', access: { read: staffOnlyField } },
    ],
    labels: { plural: 'Score history', singular: 'Score change' },
  }
}
