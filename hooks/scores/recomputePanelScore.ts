import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionSlug, PayloadRequest } from 'payload'

import type { ScoreAction } from '../../src/domain/scores.ts'
import type { SanitizedVerdictsOptions } from '../../src/options.ts'

import { idOf, sameId } from '../../src/catalog/relations.ts'
import { recomputeToolScore } from '../../src/scores/recomputeToolScore.ts'
import { workflowUserOf } from '../../src/workflow/actor.ts'
import { documentBeforeSave, liveVersionIsPublished } from '../../src/workflow/liveVersion.ts'
import { contextKeys } from '../../src/domain/contextKeys.ts'

type VerdictLike = { _status?: string; decision?: string; id?: number | string; title?: string; tool?: unknown }

async function recountTools(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  toolIds: unknown[],
  action: ScoreAction,
  verdict: VerdictLike,
  keepVerdictLink: boolean,
): Promise<void> {
  const distinct = new Map<string, number | string>()
  for (const id of toolIds.map(idOf)) {
    if (id !== null) {
      distinct.set(String(id), id)
    }
  }
  // A release recounts each of its tools once, after all its items are live.
  const deferred = req.context[contextKeys.deferredRecounts] as Map<string, number | string> | undefined
  if (deferred) {
    distinct.forEach((id, key) => deferred.set(key, id))
    return
  }
  // A fixed order keeps two moves in opposite directions from locking each other's rows.
  for (const key of [...distinct.keys()].sort()) {
    await recomputeToolScore(req, options, distinct.get(key)!, 'panel', {
      action,
      label: verdict.title,
      userId: workflowUserOf(req, options)?.id ?? null,
      verdictId: keepVerdictLink ? verdict.id : null,
    })
  }
}

/**
 * The tools of the verdict's two latest published versions. A draft that moved the verdict
 * to another tool is the `previousDoc` when it gets published, so the tool that loses the
 * verdict is found here rather than there.
 */
async function toolsOfLatestPublishedVersions(
  req: PayloadRequest,
  collection: CollectionSlug,
  id: number | string,
): Promise<unknown[]> {
  const { docs } = await req.payload.findVersions({
    collection: collection,
    depth: 0,
    limit: 2,
    overrideAccess: true,
    // Two rows are all it needs; no count of every version.
    pagination: false,
    req,
    sort: '-updatedAt',
    where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
  })
  return docs.map((version) => (version as { version?: VerdictLike }).version?.tool)
}

/**
 * Keeps every affected tool's panel score exact when a verdict's published state moves:
 * publish, unpublish, a published edit that flips the decision, a move to another tool.
 * Draft saves (also over a published verdict) change nothing that counts, so they skip
 * the recount.
 */
export function recomputePanelScoreAfterChange(options: SanitizedVerdictsOptions): CollectionAfterChangeHook {
  return async ({ collection, doc, previousDoc, req }) => {
    const current = doc as VerdictLike
    const previous = (documentBeforeSave(req, collection.slug, previousDoc) ?? {}) as VerdictLike
    const isPublished = current._status === 'published'
    const wasPublished = previous._status === 'published'
    if (!isPublished && !wasPublished) {
      return doc
    }
    const sameTool = previous.tool === undefined || sameId(previous.tool, current.tool)
    if (isPublished && wasPublished && sameTool && previous.decision === current.decision) {
      return doc
    }
    if (!isPublished && wasPublished) {
      // Either an unpublish, or a draft saved over the published version. Only the first
      // changes what counts, and it shows as the stored document no longer being published.
      if (await liveVersionIsPublished(req, collection.slug, current.id!)) {
        return doc
      }
    }
    const tools = [
      current.tool,
      previous.tool,
      ...(await toolsOfLatestPublishedVersions(req, collection.slug, current.id!)),
    ]
    const moved =
      new Set(
        tools
          .map(idOf)
          .filter((id) => id !== null)
          .map(String),
      ).size > 1
    const action: ScoreAction = moved ? 'move' : !wasPublished ? 'publish' : !isPublished ? 'unpublish' : 'edit'
    await recountTools(req, options, tools, action, current, true)
    return doc
  }
}

export function recomputePanelScoreAfterDelete(options: SanitizedVerdictsOptions): CollectionAfterDeleteHook {
  return async ({ doc, req }) => {
    const verdict = doc as VerdictLike
    if (verdict._status !== 'published') {
      return doc
    }
    const action: ScoreAction = req.context?.[contextKeys.personaDeleted] ? 'persona-deleted' : 'delete'
    await recountTools(req, options, [verdict.tool], action, verdict, false)
    return doc
  }
}
