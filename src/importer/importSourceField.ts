import type { Field, GroupField } from 'payload'

import { nobody } from '../access/roles.ts'

const readOnlyAccess = { create: nobody, update: nobody }

/**
 * Where an imported record came from: the page file, its title and the line. Only the
 * importer writes it (through the Local API); REST, GraphQL and the admin show it
 * read-only. Empty for records made by hand.
 */
export function importSourceField(extraFields: Field[] = []): GroupField {
  return {
    name: 'source',
    type: 'group',
    access: readOnlyAccess,
    admin: {
      description: 'Set by `verdicts import`: the page this record was created or last changed from.',
      position: 'sidebar',
      readOnly: true,
    },
    fields: [
      { name: 'file', type: 'text', access: readOnlyAccess },
      { name: 'pageTitle', type: 'text', access: readOnlyAccess, label: 'Page title' },
      { name: 'line', type: 'number', access: readOnlyAccess },
      ...extraFields.map((field) => ({ ...field, access: readOnlyAccess }) as Field),
    ],
    label: 'Imported from',
  }
}
