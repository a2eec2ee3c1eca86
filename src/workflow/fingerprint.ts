import { createHash } from 'node:crypto'

import { idOf } from '../catalog/relations.ts'

/** Stable JSON: object keys sorted, so equal content always serialises the same way. */
function stableStringify(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(stableStringify).join(',')}]`
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${stableStringify(entry)}`).join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

/**
 * A hash of the fields an approval covers. Relations count by id, so a populated and an
 * unpopulated copy of the same document fingerprint alike.
 */
export function contentFingerprint(
  doc: Record<string, unknown>,
  fields: { relations: string[]; values: string[] },
): string {
  const content: Record<string, unknown> = {}
  for (const field of fields.relations) {
    const id = idOf(doc[field])
    content[field] = id === null ? null : String(id)
  }
  for (const field of fields.values) {
    content[field] = doc[field] ?? null
  }
  return createHash('sha256').update(stableStringify(content)).digest('hex')
}
