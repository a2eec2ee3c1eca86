/**
 * Document ids as they may appear in a URL. Parsed strictly: `1'`, `1 OR 1=1`, `1e309`,
 * `0012` or `abc` name no document, and must never reach a query (some databases coerce
 * them to a real id, others fail with a 500).
 */
export type IdType = 'number' | 'text'

const numberId = /^[1-9][0-9]{0,9}$/
/**
 * The largest number id: PostgreSQL's `serial` ids are 32-bit integers, and a larger number
 * in a query is an error there (a 500), not an id that is missing. SQLite's ids, counted from
 * 1, never reach it either.
 */
const largestNumberId = 2_147_483_647
const objectId = /^[0-9a-f]{24}$/i

/** The id in the database's id type, or null when `raw` cannot name a document there. */
export function parseStrictId(raw: unknown, idType: IdType): null | number | string {
  if (typeof raw === 'number') {
    return idType === 'number' && Number.isSafeInteger(raw) && raw > 0 && raw <= largestNumberId ? raw : null
  }
  if (typeof raw !== 'string') {
    return null
  }
  if (idType === 'number') {
    return numberId.test(raw) && Number(raw) <= largestNumberId ? Number(raw) : null
  }
  return objectId.test(raw) ? raw : null
}

/** What a refused id is told: the shape ids have on this database. */
export function idShape(idType: IdType): string {
  return idType === 'number'
    ? 'a whole number from 1 to 2147483647 without leading zeros'
    : 'a 24-character hexadecimal ObjectId'
}
