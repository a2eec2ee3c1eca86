import type { CollectionConfig } from 'payload'

import type { SanitizedVerdictsOptions } from '../src/options.js'

import { notifyConsumers } from '../hooks/webhooks/notifyConsumers.js'
import { referenceDataAccess } from '../src/access/roles.js'
import { importSourceField } from '../src/importer/importSourceField.js'
import { slugField } from '../src/catalog/slugField.js'

export function createCategoriesCollection(options: SanitizedVerdictsOptions): CollectionConfig {
  const consumers = notifyConsumers(options, options.collectionSlugs.categories, 'category')
  return {
    slug: options.collectionSlugs.categories,
    access: referenceDataAccess,
    admin: {
      defaultColumns: ['name', 'slug', 'updatedAt'],
      group: 'Content',
      useAsTitle: 'name',
    },
    defaultSort: 'name',
    fields: [
      { name: 'name', type: 'text', required: true },
      slugField({ sourceField: 'name', withHooks: options.enabled }),
      importSourceField(),
    ],
    hooks: options.enabled ? { afterChange: [consumers.afterChange], afterDelete: [consumers.afterDelete] } : undefined,
    labels: { plural: 'Categories', singular: 'Category' },
  }
}
