import type { GroupField } from 'payload'

import { nobody } from '../access/roles.ts'

/**
 * A computed ship/skip tally. Only the plugin's hooks write it (through the Local API),
 * so the REST and GraphQL APIs refuse writes to it and the admin shows it read-only.
 */
export function scoreGroupField(name: string, label: string, description: string): GroupField {
  const readOnlyAccess = { create: nobody, update: nobody }
  return {
    name,
    type: 'group',
    access: readOnlyAccess,
    admin: { description, readOnly: true },
    fields: [
      { name: 'ship', type: 'number', access: readOnlyAccess, defaultValue: 0, min: 0 },
      { name: 'skip', type: 'number', access: readOnlyAccess, defaultValue: 0, min: 0 },
      { name: 'total', type: 'number', access: readOnlyAccess, defaultValue: 0, min: 0 },
      {
        name: 'percent',
        type: 'number',
        access: readOnlyAccess,
        admin: { description: 'Rounded ship share; empty when there is nothing to count.' },
        // A tool never recounted has no percent: SQL reads a NULL column, MongoDB no key at all.
        // Every API answers null on every database.
        hooks: { afterRead: [({ value }) => value ?? null] },
        max: 100,
        min: 0,
      },
      { name: 'computedAt', type: 'date', access: readOnlyAccess },
    ],
    label,
  }
}
