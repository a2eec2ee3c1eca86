import Ajv2020 from 'ajv/dist/2020.js'

import { buildOpenApiDocument } from '../../src/public/openapi.ts'
import { sanitizeOptions } from '../../src/options.ts'

/**
 * Validates a response body against a schema of the served OpenAPI document, e.g.
 * `expectMatchesSchema('MatchupPage', body)`. Returns Ajv's errors (empty when valid).
 */
export function schemaErrors(
  document: ReturnType<typeof buildOpenApiDocument>,
  schemaName: string,
  body: unknown,
): string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: false })
  ajv.addFormat('date-time', { type: 'string', validate: (value: string) => !Number.isNaN(Date.parse(value)) })
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/)
  ajv.addSchema({ $id: 'openapi.json', components: document.components })
  const validate = ajv.compile({ $ref: `openapi.json#/components/schemas/${schemaName}` })
  return validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`)
}

export const defaultOpenApiDocument = () => buildOpenApiDocument(sanitizeOptions())
