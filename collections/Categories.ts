import type { CollectionConfig } from 'payload'

import type { SanitizedVerdictsOptions } from '../src/options.ts'

import { notifyConsumers } from '../hooks/webhooks/notifyConsumers.ts'
import { refuseDeletingCategoryInUse } from '../hooks/catalog/refuseDeletingCategoryInUse.ts'
import { referenceDataAccess } from '../src/access/roles.ts'
import { importSourceField } from '../src/importer/importSourceField.ts'
import { slugField } from '../src/catalog/slugField.ts'

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
    hooks: options.enabled
      ? {
          afterChange: [consumers.afterChange],
          afterDelete: [consumers.afterDelete],
          beforeDelete: [refuseDeletingCategoryInUse(options)],
        }
      : undefined,
    labels: { plural: 'Categories', singular: 'Category' },
  }
}
