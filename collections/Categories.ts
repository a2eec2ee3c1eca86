import type { CollectionConfig } from 'payload'

import type { SanitizedVerdictsOptions } from '../src/options'

import { anyone, isAdmin, isEditor } from '../src/access/roles'
import { slugField } from '../src/fields/slug'

export function createCategoriesCollection(options: SanitizedVerdictsOptions): CollectionConfig {
  return {
    slug: options.collectionSlugs.categories,
    access: {
      create: isEditor,
      delete: isAdmin,
      read: anyone,
      update: isEditor,
    },
    admin: {
      defaultColumns: ['name', 'slug', 'updatedAt'],
      group: 'Content',
      useAsTitle: 'name',
    },
    defaultSort: 'name',
    fields: [
      { name: 'name', type: 'text', required: true },
      slugField({ sourceField: 'name', withHooks: options.enabled }),
    ],
    labels: { plural: 'Categories', singular: 'Category' },
  }
}
