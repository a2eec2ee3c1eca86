import { decisions } from '../domain/decisions.ts'

/** A comparison's two tools, by slug and name: in list items and in the feed. */
export const matchupToolPairSchema = {
  items: {
    additionalProperties: false,
    properties: { name: { type: 'string' }, slug: { type: 'string' } },
    required: ['slug', 'name'],
    type: 'object',
  },
  maxItems: 2,
  minItems: 2,
  type: 'array',
}

/**
 * The OpenAPI parts of the reader endpoints (history, methodology, own vote), merged into
 * the document by openapi.ts. `cached` and `slug` are that document's own builders.
 */
export function readerOpenApi({
  cached,
  slug,
}: {
  cached: (schema: string, description: string) => Record<string, unknown>
  slug: Record<string, unknown>
}) {
  const score = { $ref: '#/components/schemas/Score' }
  const example = {
    additionalProperties: false,
    properties: {
      percent: { type: ['integer', 'null'] },
      ship: { minimum: 0, type: 'integer' },
      total: { minimum: 0, type: 'integer' },
    },
    required: ['ship', 'total', 'percent'],
    type: 'object',
  }
  const notModified = { description: 'Not modified: the If-None-Match ETag is current.' }
  const notFound = {
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } },
    description: 'Unknown or unpublished.',
  }
  const pageRef = {
    additionalProperties: false,
    properties: { slug: { type: 'string' }, updatedAt: { format: 'date-time', type: 'string' } },
    required: ['slug', 'updatedAt'],
    type: 'object',
  }
  return {
    schemas: {
      Feed: {
        additionalProperties: false,
        properties: {
          docs: {
            description: 'The newest 50 published comparisons, newest first publication first.',
            items: {
              additionalProperties: false,
              properties: {
                publishedAt: { description: 'When it first went live.', format: 'date-time', type: 'string' },
                slug: { type: 'string' },
                title: { type: 'string' },
                tools: matchupToolPairSchema,
                updatedAt: { format: 'date-time', type: 'string' },
              },
              required: ['slug', 'title', 'tools', 'publishedAt', 'updatedAt'],
              type: 'object',
            },
            type: 'array',
          },
        },
        required: ['docs'],
        type: 'object',
      },
      Sitemap: {
        additionalProperties: false,
        properties: {
          matchups: { items: pageRef, type: 'array' },
          tools: { items: pageRef, type: 'array' },
        },
        required: ['matchups', 'tools'],
        type: 'object',
      },
      Methodology: {
        additionalProperties: false,
        properties: {
          community: {
            additionalProperties: false,
            properties: {
              examples: { items: example, type: 'array' },
              minimumVotes: { description: 'Below this many votes the community percent is null.', type: 'integer' },
            },
            required: ['minimumVotes', 'examples'],
            type: 'object',
          },
          panel: {
            additionalProperties: false,
            properties: { examples: { items: example, type: 'array' } },
            required: ['examples'],
            type: 'object',
          },
          personas: {
            description: 'The panel, in scorecard order.',
            items: { $ref: '#/components/schemas/Reviewer' },
            type: 'array',
          },
          reReviewEveryDays: { description: 'A verdict is due for re-review after this many days.', type: 'integer' },
        },
        required: ['personas', 'panel', 'community', 'reReviewEveryDays'],
        type: 'object',
      },
      OwnVote: {
        additionalProperties: false,
        properties: {
          community: {
            additionalProperties: false,
            properties: {
              minimumVotes: { type: 'integer' },
              percent: { type: ['integer', 'null'] },
              ship: { type: 'integer' },
              skip: { type: 'integer' },
              total: { type: 'integer' },
            },
            required: ['minimumVotes'],
            type: 'object',
          },
          decision: { enum: [...decisions, null], type: ['string', 'null'] },
          tool: { type: 'string' },
        },
        required: ['tool', 'decision', 'community'],
        type: 'object',
      },
      ToolHistory: {
        additionalProperties: false,
        properties: {
          changes: {
            description: 'Changes of the panel figure, newest first (at most 100).',
            items: {
              additionalProperties: false,
              properties: {
                cause: { description: 'Why, in public words; never who.', type: 'string' },
                date: { format: 'date-time', type: 'string' },
                from: score,
                to: score,
              },
              required: ['date', 'from', 'to', 'cause'],
              type: 'object',
            },
            type: 'array',
          },
          slug: { type: 'string' },
        },
        required: ['slug', 'changes'],
        type: 'object',
      },
    },
    paths: {
      '/api/public/feed': {
        get: {
          operationId: 'getFeed',
          responses: {
            '200': cached('Feed', 'Published comparisons by first publication, for feeds.'),
            '304': notModified,
          },
        },
      },
      '/api/public/sitemap': {
        get: {
          operationId: 'getSitemap',
          responses: {
            '200': cached('Sitemap', 'Every published comparison and public tool, with its last change.'),
            '304': notModified,
          },
        },
      },
      '/api/public/methodology': {
        get: {
          operationId: 'getMethodology',
          responses: {
            '200': cached('Methodology', 'The panel and the rules of the numbers, as applied.'),
            '304': notModified,
          },
        },
      },
      '/api/public/tools/{slug}/history': {
        get: {
          operationId: 'getToolHistory',
          parameters: [slug],
          responses: {
            '200': cached('ToolHistory', "Why a tool's panel figure moved, and when."),
            '304': notModified,
            '404': notFound,
          },
        },
      },
    },
    ownVote: {
      operationId: 'readOwnVote',
      parameters: [slug],
      responses: {
        '200': {
          content: { 'application/json': { schema: { $ref: '#/components/schemas/OwnVote' } } },
          description: "The caller's vote (by the voter cookie), null when none. Never cached.",
        },
        '404': notFound,
      },
    },
  }
}
