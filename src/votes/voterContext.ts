import type { PayloadRequest } from 'payload'

/** Where the vote endpoint leaves the verified voter's key for access rules and hooks. */
export const voterKeyContextField = 'verdictsVoterKey'

export function voterKeyOf(req: Pick<PayloadRequest, 'context'>): null | string {
  const value = req.context?.[voterKeyContextField]
  return typeof value === 'string' && value.length > 0 ? value : null
}
