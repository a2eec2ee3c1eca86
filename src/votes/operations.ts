import type { PayloadRequest, RequiredDataFromCollectionSlug } from 'payload'

import type { Score } from '../scores/score.ts'
import type { SanitizedVerdictsOptions } from '../options.ts'

import { documentId } from '../catalog/relations.ts'
import { PublicPages } from '../public/pages.ts'
import type { Decision } from '../domain/decisions.ts'
import type { Id } from '../domain/ids.ts'
import { contextKeys } from '../domain/contextKeys.ts'

export type PublicTool = { communityScore?: Partial<Score>; id: Id; name: string; slug: string }

/** A tool by slug, if the public may see it (see `PublicPages.isPublicTool`). */
export async function findPublicTool(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  slug: string,
): Promise<null | PublicTool> {
  const { docs } = await req.payload.find({
    collection: options.collectionSlugs.tools,
    depth: 0,
    limit: 1,
    overrideAccess: false,
    pagination: false,
    req,
    where: { slug: { equals: slug } },
  })
  const tool = docs[0] as PublicTool | undefined
  return tool && (await new PublicPages(req.payload, options).isPublicTool(tool.id)) ? tool : null
}

/** Runs `work` as the verified voter: the votes collection's access rules read this. */
async function asVoter<T>(req: PayloadRequest, voterKey: string, work: () => Promise<T>): Promise<T> {
  const previous = req.context[contextKeys.voterKey]
  req.context[contextKeys.voterKey] = voterKey
  try {
    return await work()
  } finally {
    req.context[contextKeys.voterKey] = previous
  }
}

async function ownVoteOn(req: PayloadRequest, options: SanitizedVerdictsOptions, toolId: Id) {
  const { docs } = await req.payload.find({
    collection: options.collectionSlugs.votes,
    depth: 0,
    limit: 1,
    overrideAccess: false,
    pagination: false,
    req,
    where: { tool: { equals: toolId } },
  })
  return docs[0] as undefined | { decision: Decision; id: Id }
}

export type VoteOutcome = 'changed' | 'created' | 'unchanged'

/** One vote per voter per tool: a new vote is created, a repeated one changes the decision. */
export async function castVote(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  args: { decision: Decision; toolId: Id; voterKey: string },
): Promise<VoteOutcome> {
  const collection = options.collectionSlugs.votes
  return asVoter(req, args.voterKey, async () => {
    for (let attempt = 1; ; attempt += 1) {
      const existing = await ownVoteOn(req, options, args.toolId)
      if (existing) {
        if (existing.decision === args.decision) {
          return 'unchanged'
        }
        await req.payload.update({
          id: existing.id,
          collection,
          data: { decision: args.decision },
          depth: 0,
          overrideAccess: false,
          req,
        })
        return 'changed'
      }
      try {
        await req.payload.create({
          collection,
          // The voter's key is bound by the collection's own hook, from the context set above.
          data: { decision: args.decision, tool: documentId(args.toolId) } as RequiredDataFromCollectionSlug<
            typeof collection
          >,
          depth: 0,
          overrideAccess: false,
          req,
        })
        return 'created'
      } catch (error) {
        // The same voter's concurrent first vote won the unique (tool, voter) index:
        // look again and change that one instead.
        if (attempt >= 3) {
          throw error
        }
      }
    }
  })
}

/** The voter's own decision on a tool, or null when they have not voted on it. */
export async function readOwnVote(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  args: { toolId: Id; voterKey: string },
): Promise<Decision | null> {
  return asVoter(req, args.voterKey, async () => (await ownVoteOn(req, options, args.toolId))?.decision ?? null)
}

/** Withdraws the voter's vote on a tool; false when there was none. */
export async function withdrawVote(
  req: PayloadRequest,
  options: SanitizedVerdictsOptions,
  args: { toolId: Id; voterKey: string },
): Promise<boolean> {
  return asVoter(req, args.voterKey, async () => {
    const existing = await ownVoteOn(req, options, args.toolId)
    if (!existing) {
      return false
    }
    await req.payload.delete({
      id: existing.id,
      collection: options.collectionSlugs.votes,
      depth: 0,
      overrideAccess: false,
      req,
    })
    return true
  })
}
