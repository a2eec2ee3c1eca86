import type { CollectionSlug, RelationshipFieldSingleValidation } from 'payload'

import { relationship } from 'payload/shared'

import type { CollectionSlugs } from '../options.ts'

import { anotherRecordMatches, findRelated, strictRelationId } from './lookups.ts'
import { idOf, sameId } from './relations.ts'

/**
 * Whether a save keeps the relation the stored document has: then it was checked when it
 * was set, and records in use cannot be deleted, so its checks need not read again (a
 * publish or a workflow step re-validates every field).
 */
function unchangedRelation(value: unknown, args: { operation?: string; previousValue?: unknown }): boolean {
  return args.operation === 'update' && sameId(value, args.previousValue)
}

/** Payload's own relationship checks, then: the related record must exist. */
export function relationMustExist(collection: CollectionSlug, label: string): RelationshipFieldSingleValidation {
  return async (value, args) => {
    const base = await relationship(value, args)
    if (base !== true || value === null || value === undefined || unchangedRelation(value, args)) {
      return base
    }
    const found = await findRelated(args.req, collection, value)
    return found ? true : `No ${label} exists with id ${String(idOf(value))}.`
  }
}

/** Whether another verdict has this (persona, tool) pair: one verdict per pair. */
async function pairTaken(
  slugs: CollectionSlugs,
  args: Parameters<RelationshipFieldSingleValidation>[1],
  reviewerValue: unknown,
  toolValue: unknown,
): Promise<true | string> {
  const reviewer = strictRelationId(args.req, reviewerValue)
  const tool = strictRelationId(args.req, toolValue)
  // A malformed id is its own field's error to report.
  if (reviewer === null || tool === null) {
    return true
  }
  const taken = await anotherRecordMatches(
    args.req,
    slugs.verdicts,
    { and: [{ reviewer: { equals: reviewer } }, { tool: { equals: tool } }] },
    args.id,
  )
  return taken ? 'This reviewer persona already has a verdict on this tool; edit that verdict instead.' : true
}

/**
 * A verdict's tool: it exists, and one verdict per (reviewer persona, tool), the quote
 * belonging to the pair, not to a page. Checked when the tool is set or changed.
 */
export function oneVerdictPerPair(slugs: CollectionSlugs): RelationshipFieldSingleValidation {
  const toolMustExist = relationMustExist(slugs.tools, 'tool')
  return async (value, args) => {
    const exists = await toolMustExist(value, args)
    if (exists !== true || value === null || value === undefined || unchangedRelation(value, args)) {
      return exists
    }
    return pairTaken(slugs, args, (args.data as { reviewer?: unknown } | undefined)?.reviewer, value)
  }
}

/**
 * A verdict's persona: it exists, and a persona moved onto a tool that persona already has
 * a verdict on is refused here (the tool field checks the pair when the tool is set).
 */
export function verdictPersonaRule(slugs: CollectionSlugs): RelationshipFieldSingleValidation {
  const personaMustExist = relationMustExist(slugs.reviewers, 'reviewer persona')
  return async (value, args) => {
    const exists = await personaMustExist(value, args)
    if (exists !== true || value === null || value === undefined || args.operation !== 'update') {
      return exists
    }
    if (unchangedRelation(value, args)) {
      return true
    }
    return pairTaken(slugs, args, value, (args.data as { tool?: unknown } | undefined)?.tool)
  }
}

/** The right tool differs from the left, and a pair in either order is one matchup. */
export function distinctMatchupPair(slugs: CollectionSlugs): RelationshipFieldSingleValidation {
  const toolMustExist = relationMustExist(slugs.tools, 'tool')
  return async (value, args) => {
    const exists = await toolMustExist(value, args)
    if (exists !== true || value === null || value === undefined) {
      return exists
    }
    const left = strictRelationId(args.req, (args.data as { leftTool?: unknown } | undefined)?.leftTool)
    if (left === null) {
      return true
    }
    if (sameId(left, value)) {
      return 'The right tool must be different from the left tool.'
    }
    const right = idOf(value)
    const taken = await anotherRecordMatches(
      args.req,
      slugs.matchups,
      {
        or: [
          { and: [{ leftTool: { equals: left } }, { rightTool: { equals: right } }] },
          { and: [{ leftTool: { equals: right } }, { rightTool: { equals: left } }] },
        ],
      },
      args.id,
    )
    return taken ? 'A matchup of these two tools already exists (in either order).' : true
  }
}
