import type { CollectionBeforeValidateHook } from 'payload'

/** A new persona without a position joins the end of the scorecard order. */
export const appendToPanelOrder: CollectionBeforeValidateHook = async ({ collection, data, operation, req }) => {
  if (operation !== 'create' || !data || typeof data.position === 'number') {
    return data
  }
  const last = await req.payload.find({
    collection: collection.slug,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    req,
    select: { position: true },
    sort: '-position',
  })
  const lastPosition = (last.docs[0] as undefined | { position?: number })?.position ?? 0
  return { ...data, position: lastPosition + 1 }
}
