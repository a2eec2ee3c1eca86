import type { PayloadRequest } from 'payload'
import { contextKeys } from '../domain/contextKeys.ts'

export function voterKeyOf(req: Pick<PayloadRequest, 'context'>): null | string {
  const value = req.context?.[contextKeys.voterKey]
  return typeof value === 'string' && value.length > 0 ? value : null
}
