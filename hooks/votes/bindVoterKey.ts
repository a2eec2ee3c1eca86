import type { CollectionBeforeValidateHook } from 'payload'

import { voterKeyOf } from '../../src/votes/voterContext.ts'

/** A vote always belongs to the voter the endpoint verified, whatever the body says. */
export const bindVoterKey: CollectionBeforeValidateHook = ({ data, operation, req }) => {
  const voterKey = voterKeyOf(req)
  if (!data || operation !== 'create' || !voterKey) {
    return data
  }
  return { ...data, voterKey }
}
