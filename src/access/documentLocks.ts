import type { Access, Field, Payload, PayloadRequest, Where } from 'payload'

/** Payload's own collection of document locks ("X is editing this document"). */
export const lockedDocumentsSlug = 'payload-locked-documents' as const

/** The collections a lock's `document` relation may name (Payload lists them in the field). */
function lockableCollections(payload: Payload): string[] {
  const locks = (payload.collections as Record<string, undefined | { config: { fields: Field[] } }>)[
    lockedDocumentsSlug
  ]?.config
  const documentField = locks?.fields.find((field) => 'name' in field && field.name === 'document')
  const relationTo = documentField && 'relationTo' in documentField ? documentField.relationTo : []
  return Array.isArray(relationTo) ? relationTo : [relationTo]
}

/**
 * The collections whose documents this user may edit at all: update access that is not
 * a flat `false`. A reviewer may not edit verdicts (only move them through the workflow),
 * so an editor's lock on a verdict is none of their business.
 */
async function editableCollections(req: PayloadRequest): Promise<string[]> {
  const editable = await Promise.all(
    Object.values(req.payload.collections).map(async ({ config }) => {
      if (!lockableCollections(req.payload).includes(config.slug)) {
        return null
      }
      const update = config.access?.update
      const allowed = typeof update === 'function' ? await update({ req } as never) : Boolean(req.user)
      return allowed === false ? null : config.slug
    }),
  )
  return editable.filter((slug) => slug !== null) as string[]
}

/**
 * Locks a user sees: on documents they may edit, and their own. Payload's document view
 * reads locks with the user's access, so someone who cannot edit a document never gets the
 * "Document locked … Take over" dialog for it (nothing to take over).
 */
export const readOwnOrEditableLocks: Access = async ({ req }) => {
  if (!req.user) {
    return false
  }
  const own: Where = { 'user.value': { equals: req.user.id } }
  // One `equals` per collection: SQL adapters cannot query a polymorphic relation's
  // `relationTo` with `in`.
  const editable: Where[] = (await editableCollections(req)).map((slug) => ({
    'document.relationTo': { equals: slug },
  }))
  return { or: [own, ...editable, { globalSlug: { exists: true } }] }
}

/** A user takes a lock only on a document they may edit (opening one to read takes none). */
export const createLockOnEditable: Access = async ({ data, req }) => {
  if (!req.user) {
    return false
  }
  const collection = (data as undefined | { document?: { relationTo?: string } })?.document?.relationTo
  return collection === undefined || (await editableCollections(req)).includes(collection)
}

/**
 * Payload adds its locks collection while sanitizing the config, after every plugin ran, so
 * its access can only be narrowed on the running instance. Called once from `onInit`.
 */
export function narrowDocumentLockAccess(payload: Payload): void {
  const locks = (payload.collections as Record<string, undefined | { config: { access: Record<string, Access> } }>)[
    lockedDocumentsSlug
  ]?.config
  if (!locks) {
    return
  }
  locks.access = { ...locks.access, create: createLockOnEditable, read: readOwnOrEditableLocks }
}

const lockCleanupSlot = Symbol.for('verdicts-cms.lock-cleanup')
type WithLockCleanup = Payload & { [lockCleanupSlot]?: true }

/**
 * Every update and delete makes Payload clear the document's locks with the adapter's
 * `deleteMany`, which on the SQL adapters is two statements (the ids, then a `delete`
 * that runs even when there are none: `where false`). Almost every write has no lock
 * (the API, jobs, the importer, the workflow's own saves), so one count decides first: one
 * statement when there is none, three when an editor holds one. Called once from `onInit`.
 */
export function skipEmptyLockCleanup(payload: Payload): void {
  const holder = payload as WithLockCleanup
  const { db } = payload
  if (holder[lockCleanupSlot] || (db.name !== 'sqlite' && db.name !== 'postgres')) {
    return
  }
  holder[lockCleanupSlot] = true
  const deleteMany = db.deleteMany.bind(db)
  db.deleteMany = async (args) => {
    if (args.collection === lockedDocumentsSlug) {
      const { totalDocs } = await db.count({ collection: args.collection, req: args.req, where: args.where })
      if (totalDocs === 0) {
        return
      }
    }
    return deleteMany(args)
  }
}
