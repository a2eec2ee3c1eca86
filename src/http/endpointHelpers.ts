import type { PayloadRequest } from 'payload'

import { parseStrictId } from './strictId.ts'

/** A JSON error body in Payload's shape, naming the field when there is one. */
export function errorResponse(
  status: number,
  message: string,
  options: { field?: string; headers?: HeadersInit } = {},
): Response {
  const error = options.field ? { field: options.field, message } : { message }
  return Response.json({ errors: [error] }, { headers: options.headers, status })
}

/** The request body as JSON, or undefined when it is missing or not JSON. */
export async function readJsonBody(req: PayloadRequest): Promise<unknown> {
  try {
    return await req.json?.()
  } catch {
    return undefined
  }
}

/**
 * The route's `:id` in the database's id type, or null when it cannot name a document
 * there (so the caller answers 404 instead of letting the query fail with a 500).
 */
export function documentIdParam(req: PayloadRequest): null | number | string {
  const raw = String(req.routeParams?.id ?? '')
  return parseStrictId(raw, req.payload.db.defaultIDType === 'number' ? 'number' : 'text')
}
