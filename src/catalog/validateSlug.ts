import type { CollectionSlug, TextFieldSingleValidation } from 'payload'

import { isValidSlug } from './slugify.ts'
import { anotherRecordMatches } from './lookups.ts'

/**
 * A well-formed slug that no other record of the collection has. The unique index still
 * guards against two writers racing; this check names the field on every database (a
 * FerretDB duplicate-key error does not say which index it hit).
 */
export const validateSlug: TextFieldSingleValidation = async (value, { collectionSlug, id, req }) => {
  if (value === null || value === undefined || value === '') {
    return 'A slug is required (it is derived from the name when left empty).'
  }
  if (!isValidSlug(value)) {
    return 'Use lowercase letters, digits and single dashes, for example "mistral-3-small".'
  }
  // Payload names the collection being validated, a slug of this app, as a plain string.
  const collection = collectionSlug as CollectionSlug | undefined
  if (collection && (await anotherRecordMatches(req, collection, { slug: { equals: value } }, id))) {
    return `The slug "${value}" is already taken; choose another.`
  }
  return true
}
