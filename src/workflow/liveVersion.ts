import type { CollectionSlug, PayloadRequest } from 'payload'

import { findRelated } from '../catalog/lookups.ts'

/**
 * Whether the live (non-draft) document is published. After a save over a published
 * document that left it a draft, this tells a new draft (still published) from an
 * unpublish (no longer published).
 */
export async function liveVersionIsPublished(
  req: PayloadRequest,
  collection: CollectionSlug,
  id: number | string,
): Promise<boolean> {
  return (await findRelated(req, collection, id))?._status === 'published'
}
