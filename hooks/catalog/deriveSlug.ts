import type { FieldHook } from 'payload'

import { slugify } from '../../src/catalog/slugify.ts'

/**
 * Fills an empty slug from another field (usually `name`) and normalises a typed one,
 * so "Mistral 3 Small" and " Mistral 3 small " both end up as "mistral-3-small".
 */
export function deriveSlug(sourceField: string): FieldHook {
  return ({ data, originalDoc, value }) => {
    if (typeof value === 'string' && value.trim() !== '') {
      return slugify(value)
    }
    const source = data?.[sourceField] ?? originalDoc?.[sourceField]
    return typeof source === 'string' ? slugify(source) : value
  }
}
