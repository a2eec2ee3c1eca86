import type { Field } from 'payload'

import { nobody } from '../access/roles.ts'
import { flagCell, readOnlyJson } from '../catalog/adminComponents.ts'

/**
 * A verdict's review bookkeeping. Only the plugin writes these (an approval, the daily
 * freshness job, a tool change); clients cannot set them.
 */
export function reviewFields(): Field[] {
  const owned = { create: nobody, update: nobody }
  return [
    {
      name: 'reviewedAt',
      type: 'date',
      access: owned,
      admin: {
        date: { pickerAppearance: 'dayAndTime' },
        description:
          "When the verdict was last approved (or imported). It falls due for re-review after its persona's interval.",
        position: 'sidebar',
        readOnly: true,
      },
      index: true,
      label: 'Reviewed',
    },
    {
      name: 'stale',
      type: 'checkbox',
      access: owned,
      admin: {
        components: { Cell: flagCell },
        description: 'Past its re-review date. The verdict stays live; approving it again clears this.',
        position: 'sidebar',
        readOnly: true,
      },
      defaultValue: false,
      index: true,
      label: 'Due for re-review',
    },
    {
      name: 'toolChangedSinceReview',
      type: 'checkbox',
      access: owned,
      admin: {
        components: { Cell: flagCell },
        description:
          "The tool's pricing, tagline, description or category changed after this verdict was approved. Approving it again clears this.",
        position: 'sidebar',
        readOnly: true,
      },
      defaultValue: false,
      index: true,
      label: 'Tool changed since review',
    },
    {
      name: 'toolChanges',
      type: 'json',
      access: owned,
      admin: {
        components: { Field: readOnlyJson },
        description: 'What changed on the tool since the approval: field, old → new, when.',
        disableListColumn: true,
        disableListFilter: true,
        position: 'sidebar',
        readOnly: true,
      },
      label: 'Tool changes',
    },
  ]
}
