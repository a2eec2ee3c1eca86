import type { CollectionSlug, RelationshipFieldSingleValidation } from 'payload'

import { relationship } from 'payload/shared'

import type { CollectionSlugs } from '../options.ts'

import { anotherRecordMatches, findRelated, strictRelationId } from './lookups.ts'
import { idOf, sameId } from './relations.ts'

/** Payload's own relationship checks, then: the related record must exist. */
export function relationMustExist(collection: CollectionSlug, label: string): RelationshipFieldSingleValidation {
  return async (value, args) => {
    const base = await relationship(value, args)
    if (base !== true || value === null || value === undefined) {
      return base
    }
    const found = await findRelated(args.req, collection, value)
    return found ? true : `No ${label} exists with id ${String(idOf(value))}.`
  }
}

/** One verdict per (reviewer persona, tool): the quote belongs to the pair, not to a page. */
export function oneVerdictPerPair(slugs: CollectionSlugs): RelationshipFieldSingleValidation {
  const toolMustExist = relationMustExist(slugs.tools, 'tool')
  return async (value, args) => {
    const exists = await toolMustExist(value, args)
    if (exists !== true || value === null || value === undefined) {
      return exists
    }
    // A malformed persona id is the reviewer field's own error to report.
    const reviewer = strictRelationId(args.req, (args.data as { reviewer?: unknown } | undefined)?.reviewer)
    if (reviewer === null) {
      return true
    }
    const taken = await anotherRecordMatches(
      args.req,
      slugs.verdicts,
      { and: [{ reviewer: { equals: reviewer } }, { tool: { equals: idOf(value) } }] },
      args.id,
    )
    return taken ? 'This reviewer persona already has a verdict on this tool; edit that verdict instead.' : true
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
