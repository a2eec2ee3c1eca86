import type { PayloadRequest } from 'payload'

/**
 * Whether the live (non-draft) document is published. After a save over a published
 * document that left it a draft, this tells a new draft (still published) from an
 * unpublish (no longer published).
 */
export async function liveVersionIsPublished(
  req: PayloadRequest,
  collection: string,
  id: number | string,
): Promise<boolean> {
  const live = (await req.payload.findByID({
    id,
    collection: collection as never,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    req,
  })) as null | { _status?: string }
  return live?._status === 'published'
}
