import type { CollectionSlug, PayloadRequest } from 'payload'

import type { TransitionContext } from './targets.ts'

import { findRelated } from '../catalog/lookups.ts'
import { sameId } from '../catalog/relations.ts'
import { contextKeys } from '../domain/contextKeys.ts'

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

/**
 * The live document when it is published under an edit in progress (the latest version,
 * `latest`, is a draft), else null: what an editor may still unpublish. One read, with the
 * caller's own access (the workflow's endpoints call it), only for a document whose latest
 * version is a draft.
 */
export async function publishedUnderDraft(
  req: PayloadRequest,
  collection: CollectionSlug,
  latest: Record<string, unknown> & { id: number | string },
): Promise<null | (Record<string, unknown> & { id: number | string })> {
  if (latest._status === 'published') {
    return null
  }
  const live = (await req.payload.findByID({
    id: latest.id,
    collection,
    depth: 0,
    disableErrors: true,
    overrideAccess: false,
    req,
  })) as (Record<string, unknown> & { id: number | string }) | null
  return live?._status === 'published' ? live : null
}

/**
 * The document as the public saw it before this save, for the hooks that react to what goes
 * live or down (recounts, tool visibility, pages and webhooks, the history's "from"). Payload's
 * `previousDoc` is the latest version, which for an unpublish over an edit in progress is the
 * draft: there the workflow's transition carries the live document it read first.
 */
export function documentBeforeSave(
  req: PayloadRequest,
  collection: string,
  previousDoc: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  const live = (req.context[contextKeys.workflowTransition] as TransitionContext | undefined)?.liveBefore
  return live && previousDoc && live.collection === collection && sameId(live.doc.id, previousDoc.id)
    ? live.doc
    : previousDoc
}
