import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import { parseStrictId } from '../http/strictId.ts'
import { idOf } from './relations.ts'

/**
 * A relationship value's id in the database's id type, or null when it cannot name a
 * record ("abc" on SQLite): querying with such a value fails with a 500.
 */
export function strictRelationId(req: PayloadRequest, value: unknown): null | number | string {
  return parseStrictId(idOf(value), req.payload.db.defaultIDType === 'number' ? 'number' : 'text')
}

/** Looks a related record up inside the caller's transaction; null when it does not exist. */
export async function findRelated(
  req: PayloadRequest,
  collection: CollectionSlug,
  value: unknown,
): Promise<null | Record<string, unknown>> {
  const id = strictRelationId(req, value)
  if (id === null) {
    return null
  }
  const doc = await req.payload.findByID({
    id,
    collection: collection,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    req,
  })
  return (doc as null | Record<string, unknown>) ?? null
}

/**
 * True when another record (not `ownId`) matches `where`. Uniqueness is a property of the
 * whole collection, so this counts records the caller may not be allowed to read; it only
 * ever answers yes or no.
 */
export async function anotherRecordMatches(
  req: PayloadRequest,
  collection: CollectionSlug,
  where: Where,
  ownId: number | string | undefined,
): Promise<boolean> {
  const conditions: Where[] = [where]
  if (ownId !== undefined && ownId !== null) {
    conditions.push({ id: { not_equals: ownId } })
  }
  const { totalDocs } = await req.payload.count({
    collection: collection,
    overrideAccess: true,
    req,
    where: { and: conditions },
  })
  return totalDocs > 0
}
