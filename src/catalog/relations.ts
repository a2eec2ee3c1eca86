import type { DefaultDocumentIDType } from 'payload'

import type { Id } from '../domain/ids.ts'

/**
 * An id typed as Payload's declared document id. The app's generated types declare the id type
 * of the database they were generated on (a number on SQL); at run time it is whichever the
 * database uses, a string on MongoDB, and the plugin works with both.
 */
export function documentId(id: Id): DefaultDocumentIDType {
  return id as DefaultDocumentIDType
}

/** A relationship value as Payload hands it over: an id, a populated document, or nothing. */
export type RelationValue = null | number | string | undefined | { id: number | string }

export function idOf(value: RelationValue | unknown): null | number | string {
  if (typeof value === 'number' || typeof value === 'string') {
    return value
  }
  if (value && typeof value === 'object' && 'id' in value) {
    const { id } = value as { id: unknown }
    return typeof id === 'number' || typeof id === 'string' ? id : null
  }
  return null
}

/** Compares ids across adapters (SQLite numbers, MongoDB strings). */
export function sameId(a: RelationValue | unknown, b: RelationValue | unknown): boolean {
  const left = idOf(a)
  const right = idOf(b)
  return left !== null && right !== null && String(left) === String(right)
}
