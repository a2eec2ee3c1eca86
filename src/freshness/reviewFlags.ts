import type { PayloadRequest } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'
import type { ToolChange } from './rules.ts'
import type { Id } from '../domain/ids.ts'

/** The bookkeeping a verdict carries about its own review; never content, never a stage. */
export type ReviewFlags = {
  stale?: boolean
  toolChangedSinceReview?: boolean
  toolChanges?: null | ToolChange[]
}

/**
 * Writes review flags onto a verdict without making it a new version: onto the live
 * document and onto its newest version (the draft an editor may have waiting over it).
 *
 * A save through the Local API would be wrong here: it would write a new version on top,
 * burying a waiting draft under a copy of the live one, or, written as a draft, leave the
 * live document (which the public pages read) unflagged. The flags are not content, the
 * approval fingerprint does not cover them, and no workflow rule depends on them, so the
 * adapter's own update is used, inside the caller's transaction (`req`).
 */
export async function writeReviewFlags(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  id: Id,
  flags: ReviewFlags,
  {
    appliesToVersion = () => true,
  }: {
    /** Whether the newest version shares the live one's review (a newer approval waiting to be published may not). */
    appliesToVersion?: (version: Record<string, unknown>) => boolean
  } = {},
): Promise<void> {
  const collection = options.collectionSlugs.verdicts
  await req.payload.db.updateOne({ id, collection, data: flags, req, returning: false })
  const { docs } = await req.payload.db.findVersions({
    collection,
    limit: 1,
    pagination: false,
    req,
    sort: '-updatedAt',
    where: { parent: { equals: id } },
  })
  const latest = docs[0] as undefined | { id: Id; version: Record<string, unknown> }
  if (latest && appliesToVersion(latest.version)) {
    await req.payload.db.updateVersion({
      id: latest.id,
      collection,
      req,
      returning: false,
      versionData: { version: { ...latest.version, ...flags } },
    })
  }
}
