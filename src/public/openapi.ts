import type { SanitizedVerdictsOptions } from '../options.ts'
import { decisions } from '../domain/decisions.ts'
import { newsletterOpenApi } from '../newsletter/openapi.ts'
import { matchupToolPairSchema, readerOpenApi } from './openapiReader.ts'

const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] })

/** OpenAPI 3.1 description of /api/public; its schemas are JSON Schema 2020-12. */
export function buildOpenApiDocument(options: SanitizedVerdictsOptions, serverURL?: string) {
  const tiers = options.pricingTiers.map((tier) => tier.value)
  const slugParameter = (name: string) => ({
    in: 'path',
    name,
    required: true,
    schema: { pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', type: 'string' },
  })
  const query = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }) => ({
    description,
    in: 'query',
    name,
    required: false,
    schema,
  })
  const listParameters = [
    query('category', 'Category slug.'),
    query('tier', 'Pricing tier.', { enum: tiers, type: 'string' }),
    query('q', 'Case-insensitive search in names (tools) or titles (matchups).', {
      maxLength: 100,
      minLength: 1,
      type: 'string',
    }),
    query('page', 'Page number, from 1.', { minimum: 1, type: 'integer' }),
    query('limit', 'Items per page, 1 to 100 (default 20).', { maximum: 100, minimum: 1, type: 'integer' }),
  ]
  const cacheHeaders = {
    'Cache-Control': { schema: { type: 'string' } },
    ETag: { description: 'Strong validator; send it back as If-None-Match.', schema: { type: 'string' } },
  }
  const cachedResponse = (schema: string, description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } },
    headers: cacheHeaders,
  })
  const errors = (...codes: number[]) =>
    Object.fromEntries(
      codes.map((code) => [
        String(code),
        {
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } },
          description:
            code === 404 ? 'Unknown or unpublished.' : 'A query parameter is unknown or malformed; `field` names it.',
        },
      ]),
    )
  const toolProperties = {
    category: { $ref: '#/components/schemas/Category' },
    community: { $ref: '#/components/schemas/Score' },
    name: { type: 'string' },
    panel: { $ref: '#/components/schemas/Score' },
    pricing: { $ref: '#/components/schemas/Pricing' },
    slug: { type: 'string' },
    tagline: { type: ['string', 'null'] },
  }
  const notModified = { '304': { description: 'Not modified: the If-None-Match ETag is current.' } }
  // Votes count from the publication's own pages only (README › Security).
  const voteRefusals = {
    '403': { description: 'Cross-site: not from the publication’s own pages or allowed origins.' },
  }
  const page = (item: string) => ({
    additionalProperties: false,
    properties: {
      docs: { items: { $ref: `#/components/schemas/${item}` }, type: 'array' },
      limit: { type: 'integer' },
      page: { type: 'integer' },
      totalDocs: { type: 'integer' },
      totalPages: { type: 'integer' },
    },
    required: ['docs', 'page', 'limit', 'totalDocs', 'totalPages'],
    type: 'object',
  })

  const reader = readerOpenApi({ cached: cachedResponse, slug: slugParameter('slug') })
  const newsletter = newsletterOpenApi({ maxBodyBytes: options.security.publicMaxBodyBytes })

  return {
    components: {
      schemas: {
        ...reader.schemas,
        ...newsletter.schemas,
        Category: nullable({
          additionalProperties: false,
          properties: { name: { type: 'string' }, slug: { type: 'string' } },
          required: ['slug', 'name'],
          type: 'object',
        }),
        Errors: {
          properties: {
            errors: {
              items: {
                properties: { field: { type: 'string' }, message: { type: 'string' } },
                required: ['message'],
                type: 'object',
              },
              type: 'array',
            },
          },
          required: ['errors'],
          type: 'object',
        },
        MatchupListItem: {
          additionalProperties: false,
          properties: {
            slug: { type: 'string' },
            title: { type: 'string' },
            tools: matchupToolPairSchema,
            updatedAt: { format: 'date-time', type: 'string' },
          },
          required: ['slug', 'title', 'tools', 'updatedAt'],
          type: 'object',
        },
        MatchupPage: {
          additionalProperties: false,
          properties: {
            intro: nullable({ $ref: '#/components/schemas/RichText' }),
            scorecard: { items: { $ref: '#/components/schemas/ScorecardEntry' }, type: 'array' },
            slug: { type: 'string' },
            title: { type: 'string' },
            tools: { items: { $ref: '#/components/schemas/Tool' }, maxItems: 2, minItems: 2, type: 'array' },
            updatedAt: { format: 'date-time', type: 'string' },
          },
          required: ['slug', 'title', 'intro', 'updatedAt', 'tools', 'scorecard'],
          type: 'object',
        },
        Pricing: {
          additionalProperties: false,
          properties: {
            label: { type: 'string' },
            note: { type: ['string', 'null'] },
            tier: { enum: tiers, type: 'string' },
          },
          required: ['tier', 'label', 'note'],
          type: 'object',
        },
        Reviewer: {
          additionalProperties: false,
          properties: { lens: { type: 'string' }, name: { type: 'string' }, slug: { type: 'string' } },
          required: ['slug', 'name', 'lens'],
          type: 'object',
        },
        RichText: {
          additionalProperties: false,
          description: 'Rendered on the server from Lexical; text is escaped and unsafe links are removed.',
          properties: { html: { type: 'string' } },
          required: ['html'],
          type: 'object',
        },
        ScorecardEntry: {
          additionalProperties: false,
          properties: {
            decision: { enum: [...decisions], type: 'string' },
            quote: { $ref: '#/components/schemas/RichText' },
            reviewedAt: {
              description: 'The day the verdict was last reviewed (approved, or imported); null if never.',
              format: 'date',
              type: ['string', 'null'],
            },
            stale: {
              description: 'True when the verdict is past its re-review date. It stays published.',
              type: 'boolean',
            },
            reviewer: { $ref: '#/components/schemas/Reviewer' },
            tool: { description: 'Slug of the tool the quote is about.', type: 'string' },
          },
          required: ['reviewer', 'tool', 'decision', 'quote', 'reviewedAt', 'stale'],
          type: 'object',
        },
        Score: {
          additionalProperties: false,
          description:
            'percent = round(100 × ship / total); null when there is nothing (or, for the community, too little) to count.',
          properties: {
            percent: { maximum: 100, minimum: 0, type: ['integer', 'null'] },
            ship: { minimum: 0, type: 'integer' },
            skip: { minimum: 0, type: 'integer' },
            total: { minimum: 0, type: 'integer' },
          },
          required: ['ship', 'skip', 'total', 'percent'],
          type: 'object',
        },
        Tool: {
          additionalProperties: false,
          properties: { ...toolProperties, description: { $ref: '#/components/schemas/RichText' } },
          required: ['slug', 'name', 'tagline', 'category', 'pricing', 'description', 'panel', 'community'],
          type: 'object',
        },
        ToolListItem: {
          additionalProperties: false,
          properties: toolProperties,
          required: ['slug', 'name', 'tagline', 'category', 'pricing', 'panel', 'community'],
          type: 'object',
        },
        ToolPage: {
          additionalProperties: false,
          properties: {
            ...toolProperties,
            description: { $ref: '#/components/schemas/RichText' },
            matchups: {
              items: {
                additionalProperties: false,
                properties: { slug: { type: 'string' }, title: { type: 'string' } },
                required: ['slug', 'title'],
                type: 'object',
              },
              type: 'array',
            },
            updatedAt: { format: 'date-time', type: 'string' },
            verdicts: {
              items: {
                additionalProperties: false,
                properties: {
                  decision: { enum: [...decisions], type: 'string' },
                  quote: { $ref: '#/components/schemas/RichText' },
                  reviewedAt: {
                    description: 'The day the verdict was last reviewed (approved, or imported); null if never.',
                    format: 'date',
                    type: ['string', 'null'],
                  },
                  stale: {
                    description: 'True when the verdict is past its re-review date. It stays published.',
                    type: 'boolean',
                  },
                  reviewer: { $ref: '#/components/schemas/Reviewer' },
                },
                required: ['reviewer', 'decision', 'quote', 'reviewedAt', 'stale'],
                type: 'object',
              },
              type: 'array',
            },
          },
          required: [
            'slug',
            'name',
            'tagline',
            'category',
            'pricing',
            'description',
            'panel',
            'community',
            'updatedAt',
            'verdicts',
            'matchups',
          ],
          type: 'object',
        },
        MatchupList: page('MatchupListItem'),
        ToolList: page('ToolListItem'),
      },
    },
    info: {
      description:
        'Published-only content for consumer sites of the verdicts CMS. Anonymous; every answer is the same for every caller.',
      title: 'Verdicts public API',
      version: '1.0.0',
    },
    openapi: '3.1.0',
    paths: {
      ...reader.paths,
      ...newsletter.paths,
      '/api/public/openapi.json': {
        get: {
          operationId: 'getOpenApiDocument',
          responses: {
            '200': {
              content: { 'application/json': { schema: { type: 'object' } } },
              description: 'This OpenAPI 3.1 document.',
              headers: cacheHeaders,
            },
            ...notModified,
          },
        },
      },
      '/api/public/matchups': {
        get: {
          operationId: 'listMatchups',
          parameters: [query('tool', 'Only matchups with this tool (slug).'), ...listParameters],
          responses: {
            '200': cachedResponse('MatchupList', 'A page of published matchups.'),
            ...notModified,
            ...errors(400),
          },
        },
      },
      '/api/public/matchups/{slug}': {
        get: {
          operationId: 'getMatchupPage',
          parameters: [slugParameter('slug')],
          responses: {
            '200': cachedResponse('MatchupPage', 'Everything one comparison page shows.'),
            ...notModified,
            ...errors(404),
          },
        },
      },
      '/api/public/tools': {
        get: {
          operationId: 'listTools',
          parameters: listParameters,
          responses: {
            '200': cachedResponse('ToolList', 'A page of published tools.'),
            ...notModified,
            ...errors(400),
          },
        },
      },
      '/api/public/tools/{slug}': {
        get: {
          operationId: 'getToolPage',
          parameters: [slugParameter('slug')],
          responses: {
            '200': cachedResponse('ToolPage', 'A tool with its published verdicts and matchups.'),
            ...notModified,
            ...errors(404),
          },
        },
      },
      '/api/public/tools/{slug}/vote': {
        get: reader.ownVote,
        delete: {
          operationId: 'withdrawVote',
          parameters: [slugParameter('slug')],
          responses: {
            '200': { description: 'Withdrawn (or there was no vote).' },
            ...voteRefusals,
            '404': { description: 'Unknown or unpublished tool.' },
            '429': { description: 'Too many requests; see Retry-After.' },
          },
        },
        post: {
          operationId: 'castVote',
          parameters: [slugParameter('slug')],
          requestBody: {
            content: {
              'application/json': {
                schema: {
                  properties: { decision: { enum: [...decisions], type: 'string' } },
                  required: ['decision'],
                  type: 'object',
                },
              },
            },
            required: true,
          },
          responses: {
            '200': { description: 'Changed or unchanged.' },
            '201': { description: 'Created; sets the voter cookie.' },
            '400': { description: 'Bad decision.' },
            ...voteRefusals,
            '404': { description: 'Unknown or unpublished tool.' },
            '413': { description: 'The body is larger than a vote.' },
            '415': { description: 'The body is not application/json.' },
            '429': { description: 'Too many requests; see Retry-After.' },
          },
        },
      },
    },
    servers: [{ url: serverURL || '/' }],
  }
}
