import type { PayloadRequest } from 'payload'

import { prefilledId } from './grid.ts'

/**
 * A relationship's default value taken from the admin page's query string (the admin's
 * create view builds its form with the page's query on `req.query`). Only an id-shaped
 * value is taken; the field's own validation still checks that the record exists.
 */
export function prefillFromQuery(param: string) {
  return ({ req }: { req?: Partial<PayloadRequest> }): number | string | undefined =>
    prefilledId((req?.query as Record<string, unknown> | undefined)?.[param])
}
