import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { SanitizedVerdictsOptions } from '../../src/options.ts'

import { idOf, sameId } from '../../src/catalog/relations.ts'
import { recomputeToolVisibility } from '../../src/catalog/toolVisibility.ts'
import { documentBeforeSave } from '../../src/workflow/liveVersion.ts'

type MatchupLike = { _status?: string; leftTool?: unknown; rightTool?: unknown }

async function recomputeTools(
  req: Parameters<CollectionAfterChangeHook>[0]['req'],
  options: SanitizedVerdictsOptions,
  tools: unknown[],
) {
  const distinct = new Map<string, number | string>()
  for (const id of tools.map(idOf)) {
    if (id !== null) {
      distinct.set(String(id), id)
    }
  }
  // A fixed order keeps two saves from locking each other's rows.
  for (const key of [...distinct.keys()].sort()) {
    await recomputeToolVisibility(req, options, distinct.get(key)!)
  }
}

/**
 * A matchup's publish, unpublish or move to other tools can make a tool public (listed) or
 * not: recount the flag of every tool it names, before and after. Saves that leave the
 * published state and the tools alone cost nothing.
 */
export function recomputeToolVisibilityAfterChange(options: SanitizedVerdictsOptions): CollectionAfterChangeHook {
  return async ({ collection, doc, previousDoc, req }) => {
    const current = doc as MatchupLike
    const previous = (documentBeforeSave(req, collection.slug, previousDoc) ?? {}) as MatchupLike
    const isPublished = current._status === 'published'
    const wasPublished = previous._status === 'published'
    const sameTools = sameId(previous.leftTool, current.leftTool) && sameId(previous.rightTool, current.rightTool)
    if ((!isPublished && !wasPublished) || (isPublished && wasPublished && sameTools)) {
      return doc
    }
    await recomputeTools(req, options, [current.leftTool, current.rightTool, previous.leftTool, previous.rightTool])
    return doc
  }
}

export function recomputeToolVisibilityAfterDelete(options: SanitizedVerdictsOptions): CollectionAfterDeleteHook {
  return async ({ doc, req }) => {
    const matchup = doc as MatchupLike
    if (matchup._status === 'published') {
      await recomputeTools(req, options, [matchup.leftTool, matchup.rightTool])
    }
    return doc
  }
}
