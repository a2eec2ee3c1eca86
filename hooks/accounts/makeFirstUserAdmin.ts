import type { CollectionBeforeChangeHook } from 'payload'

/**
 * The account created on the admin's "create first user" screen becomes an admin, so a
 * fresh install is never left without one.
 */
export const makeFirstUserAdmin: CollectionBeforeChangeHook = async ({ collection, data, operation, req }) => {
  if (operation !== 'create') {
    return data
  }
  const { totalDocs } = await req.payload.count({
    collection: collection.slug,
    overrideAccess: true,
    req,
  })
  return totalDocs === 0 ? { ...data, role: 'admin' } : data
}
