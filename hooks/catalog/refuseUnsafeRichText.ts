import type { CollectionBeforeOperationHook, CollectionConfig } from 'payload'

import { ValidationError } from 'payload'

import { richTextProblem } from '../../src/catalog/richTextInput.ts'

/** Names of a collection's top-level rich text fields. */
export function richTextFieldNames(collection: CollectionConfig): string[] {
  return collection.fields.flatMap((field) => (field.type === 'richText' && 'name' in field ? [field.name] : []))
}

/**
 * Refuses a create or update whose rich text is malformed or links somewhere unsafe, with
 * a 400 naming the field. Runs before the operation: Payload's Lexical field hooks, which
 * run before any validation, fail with a 500 on a malformed tree.
 */
export function refuseUnsafeRichText(collectionSlug: string, fieldNames: string[]): CollectionBeforeOperationHook {
  return ({ args, operation, req }) => {
    if (operation !== 'create' && operation !== 'update') {
      return args
    }
    const data = (args as { data?: unknown }).data
    if (!data || typeof data !== 'object') {
      return args
    }
    const errors = fieldNames.flatMap((name) => {
      const problem = richTextProblem((data as Record<string, unknown>)[name])
      return problem ? [{ message: `${name} ${problem}`, path: name }] : []
    })
    if (errors.length > 0) {
      throw new ValidationError({ collection: collectionSlug, errors }, req.t)
    }
    return args
  }
}
