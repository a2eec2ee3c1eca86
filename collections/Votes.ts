import type { Access, CollectionConfig, Where } from 'payload'

import type { SanitizedVerdictsOptions } from '../src/options.ts'

import { bindVoterKey } from '../hooks/votes/bindVoterKey.ts'
import { decisionOptions } from '../src/domain/decisions.ts'
import { recomputeCommunityScore } from '../hooks/scores/recomputeCommunityScore.ts'
import { hasRole } from '../src/access/roles.ts'
import { voterKeyOf } from '../src/votes/voterContext.ts'

/**
 * The vote endpoint proves who the anonymous voter is (a signed cookie) and puts the
 * derived voter key on `req.context`, which no client can set. That voter may touch
 * only their own votes; admins may read all of them; nobody else sees any.
 */
const ownVotesOrAdmin: Access = ({ req }) => {
  const voterKey = voterKeyOf(req)
  if (voterKey) {
    const ownVotes: Where = { voterKey: { equals: voterKey } }
    return ownVotes
  }
  return hasRole(req, 'admin')
}

const verifiedVoter: Access = ({ req }) => voterKeyOf(req) !== null

export function createVotesCollection(options: SanitizedVerdictsOptions): CollectionConfig {
  const { collectionSlugs } = options
  return {
    slug: collectionSlugs.votes,
    access: {
      create: verifiedVoter,
      delete: ownVotesOrAdmin,
      read: ownVotesOrAdmin,
      update: ownVotesOrAdmin,
    },
    admin: {
      defaultColumns: ['tool', 'decision', 'updatedAt'],
      description: 'Public community votes, one per voter and tool. Voters stay anonymous.',
      group: 'Scores',
    },
    fields: [
      { name: 'tool', type: 'relationship', index: true, relationTo: collectionSlugs.tools, required: true },
      {
        name: 'decision',
        type: 'radio',
        options: decisionOptions,
        required: true,
      },
      {
        // An HMAC of the voter's cookie token: it identifies repeat votes without storing
        // the token itself, and it never leaves the server.
        name: 'voterKey',
        type: 'text',
        access: { read: () => false },
        hidden: true,
        index: true,
        required: true,
      },
    ],
    hooks: options.enabled
      ? {
          afterChange: [recomputeCommunityScore(options)],
          afterDelete: [recomputeCommunityScore(options)],
          beforeValidate: [bindVoterKey],
        }
      : undefined,
    indexes: [{ fields: ['tool', 'voterKey'], unique: true }],
    labels: { plural: 'Votes', singular: 'Vote' },
  }
}
