import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'

import type { Fixtures, Id } from '../helpers/fixtures.ts'
import type { RestClient } from '../helpers/rest.ts'

import { socketAddressHeader, socketAddressProof, socketProofHeader } from '../../src/http/clientAddress.ts'
import { reconcileScores } from '../../src/scores/reconcile.ts'
import { matchupData, verdictData } from '../helpers/createData.ts'
import { accounts, createFixtures, password, quote, richTextWithLink, slugs } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient, tokenFor } from '../helpers/rest.ts'

/**
 * Property-based fuzzing of every public and custom endpoint and the REST routes the app
 * mounts, through the same guarded handlers: whatever method, path, id, query, body,
 * media type and caller, the answer is never a 5xx; afterwards the scores match a fresh
 * recount (`reconcile --check`) and every verdict's and matchup's stage is the one its
 * history ends with (nothing half-written). `FUZZ_RUNS` sets the number of requests, and
 * fast-check prints the seed and the shrunk request of a failure to replay it.
 */
const runs = Number(process.env.FUZZ_RUNS ?? 250)

let payload: Payload
let fixtures: Fixtures
let rest: RestClient
const tokens: Record<string, string | undefined> = { anonymous: undefined }
const realIds: Record<string, Id[]> = {}
let matchupSlug = ''

beforeAll(async () => {
  payload = await startTestPayload('fuzz-endpoints', {
    // Many requests from few addresses: limits high enough that the fuzz reaches the handlers.
    plugin: {
      accounts: { loginAttempts: { max: 10_000 } },
      community: { newVoters: { max: 10_000 }, rateLimit: { max: 10_000 } },
    },
  })
  fixtures = await createFixtures(payload)
  rest = restClient(payload)
  for (const name of ['admin', 'editor', 'reviewer'] as const) {
    tokens[name] = await tokenFor(payload, accounts[name].email, password)
  }
  const verdicts: Id[] = []
  for (const [tool, status] of [
    [fixtures.toolIds.alpha, 'published'],
    [fixtures.toolIds.beta, 'published'],
    [fixtures.toolIds.gamma, 'draft'],
  ] as const) {
    const verdict = await payload.create({
      collection: slugs.verdicts,
      data: verdictData({
        _status: status,
        decision: 'ship',
        quote: quote('Fuzzed.'),
        reviewer: fixtures.personaIds.skeptic,
        tool,
        ...(status === 'draft' ? { workflowStage: 'in_review' } : {}),
      }),
      draft: status === 'draft',
    })
    verdicts.push((verdict as unknown as { id: Id }).id)
  }
  const matchup = (await payload.create({
    collection: slugs.matchups,
    data: matchupData({ _status: 'published', leftTool: fixtures.toolIds.alpha, rightTool: fixtures.toolIds.beta }),
  })) as unknown as { id: Id; slug: string }
  matchupSlug = matchup.slug
  realIds.verdicts = verdicts
  realIds.matchups = [matchup.id]
  realIds.tools = Object.values(fixtures.toolIds)
  realIds.categories = [fixtures.categoryId]
  realIds.reviewers = Object.values(fixtures.personaIds)
  realIds.users = Object.values(fixtures.userIds)
})

afterAll(async () => {
  await payload?.destroy()
})

const collections = [
  'verdicts',
  'matchups',
  'tools',
  'categories',
  'reviewers',
  'users',
  'votes',
  'workflow-events',
  'webhook-subscriptions',
  'score-history',
]

const hostileText = fc.oneof(
  fc.constantFrom(
    '',
    'abc',
    '1e309',
    '-1',
    '0',
    '00',
    '0001',
    '1.5',
    "1'",
    '1 OR 1=1',
    '%00',
    '..%2f..%2fetc%2fpasswd',
    '9'.repeat(30),
    '%E0%A4%A',
    'null',
    '[]',
    '{}',
    '%',
    '_',
    '\\',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ maxLength: 12, unit: 'binary' }),
)

const idArbitrary = (collection: string) =>
  fc.oneof(
    fc.constantFrom(...(realIds[collection] ?? [1]).map(String)),
    hostileText.map((text) => encodeURIComponent(text)),
    fc.constantFrom('1e309', '..%2f..%2fetc%2fpasswd', "1'", '1%20OR%201=1', '%00'),
  )

const lexical = fc.oneof(
  fc.constant(quote('A fine quote.')),
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({
    root: fc.record({ children: fc.oneof(fc.string(), fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 })) }),
  }),
  fc.constantFrom('javascript:alert(1)', 'https://example.com').map((url) => richTextWithLink(url, 'x')),
)

const relation = fc.oneof(fc.constantFrom(1, 2, 3), fc.jsonValue({ maxDepth: 1 }), hostileText)

/** Bodies that pass validation often, so that writes (and their hooks) run too. */
const plausibleWrite = fc.oneof(
  fc.record({
    decision: fc.constantFrom('ship', 'skip'),
    quote: lexical,
    reviewer: fc.constantFrom(1, 2),
    tool: fc.constantFrom(1, 2, 3, 4),
  }),
  fc.record({ name: fc.string({ maxLength: 30 }), pricing: fc.record({ tier: fc.constantFrom('free', 'paid') }) }),
  fc.record({ leftTool: fc.constantFrom(1, 2, 3), rightTool: fc.constantFrom(1, 2, 3) }),
  fc.record({ name: fc.string({ maxLength: 30 }) }),
)

const bodyArbitrary = fc.oneof(
  fc.constant(undefined),
  plausibleWrite,
  plausibleWrite,
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    {
      action: fc.oneof(fc.constantFrom('submit', 'approve', 'request_changes', 'publish', 'unpublish'), hostileText),
      comment: fc.oneof(fc.string({ maxLength: 50 }), fc.jsonValue({ maxDepth: 1 })),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    { decision: fc.oneof(fc.constantFrom('ship', 'skip'), fc.jsonValue({ maxDepth: 1 })) },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      _status: fc.constantFrom('draft', 'published', 'x'),
      decision: fc.constantFrom('ship', 'skip', 'maybe'),
      description: lexical,
      leftTool: relation,
      name: hostileText,
      pricing: fc.oneof(fc.record({ tier: fc.constantFrom('free', 'paid', 'x') }), fc.jsonValue({ maxDepth: 1 })),
      quote: lexical,
      reviewer: relation,
      rightTool: relation,
      slug: hostileText,
      tool: relation,
      workflowStage: fc.constantFrom('approved', 'published'),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      email: fc.oneof(fc.constantFrom(accounts.admin.email, 'nobody@test.local'), hostileText),
      password: fc.oneof(fc.constant('wrong-password-x'), hostileText),
    },
    { requiredKeys: [] },
  ),
)

const rawBodyArbitrary = fc.oneof(
  fc.constantFrom(
    '{"a": ',
    'null',
    '"x"',
    'decision=ship',
    '--x\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"name":1}\r\n--x--',
  ),
  fc.string({ maxLength: 40 }),
)

const contentTypes = fc.constantFrom(
  'application/json',
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
)

const sometimesHostile = (sane: string[]) =>
  fc.oneof({ arbitrary: fc.constantFrom(...sane), weight: 3 }, { arbitrary: hostileText, weight: 1 })

const queryArbitrary = fc.oneof(
  { arbitrary: fc.constant(''), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      'draft=true',
      'depth=0',
      'limit=5&page=1',
      'q=alpha',
      'q=%25',
      'where[slug][equals]=alpha-coder',
    ),
    weight: 2,
  },
  {
    arbitrary: fc
      .record(
        {
          depth: sometimesHostile(['0', '1', '2']),
          draft: fc.constantFrom('true', 'false', 'x'),
          limit: sometimesHostile(['1', '10', '100']),
          page: sometimesHostile(['1', '2']),
          q: hostileText,
          sort: fc.oneof(hostileText, fc.constantFrom('-createdAt', 'name', 'slug')),
          'where[id][equals]': hostileText,
          'where[slug][like]': hostileText,
        },
        { requiredKeys: [] },
      )
      .map((params) => new URLSearchParams(params as Record<string, string>).toString()),
    weight: 1,
  },
)

const pathArbitrary = fc.oneof(
  fc.constantFrom(...collections).map((collection) => `/${collection}`),
  fc.constantFrom(...collections).chain((collection) => idArbitrary(collection).map((id) => `/${collection}/${id}`)),
  fc
    .constantFrom('verdicts', 'matchups')
    .chain((collection) => idArbitrary(collection).map((id) => `/${collection}/${id}/workflow`)),
  fc.constantFrom('verdicts', 'matchups').map((collection) => `/${collection}/awaiting-approval`),
  fc
    .constantFrom('matchups')
    .chain((collection) => idArbitrary(collection).map((id) => `/${collection}/${id}/preview`)),
  fc.oneof(fc.constant('alpha-coder'), hostileText.map(encodeURIComponent)).map((slug) => `/public/tools/${slug}/vote`),
  fc.constantFrom('/public/tools', '/public/matchups', '/public/openapi.json'),
  fc.constantFrom('/public/methodology', '/public/feed', '/public/sitemap'),
  fc
    .oneof(fc.constant('alpha-coder'), hostileText.map(encodeURIComponent))
    .map((slug) => `/public/tools/${slug}/history`),
  fc
    .oneof(fc.constant(matchupSlug || 'x'), hostileText.map(encodeURIComponent))
    .map((slug) => `/public/matchups/${slug}`),
  fc.oneof(fc.constant('alpha-coder'), hostileText.map(encodeURIComponent)).map((slug) => `/public/tools/${slug}`),
  fc.constantFrom(
    '/users/login',
    '/users/unlock',
    '/users/me',
    '/users/logout',
    '/users/forgot-password',
    '/users/first-register',
  ),
)

const anyRequest = fc.record({
  body: bodyArbitrary,
  caller: fc.constantFrom('anonymous', 'admin', 'editor', 'reviewer'),
  contentType: contentTypes,
  cookie: fc.oneof(
    fc.constant(undefined),
    fc.constantFrom('verdicts_voter=%E0%A4%A', 'verdicts_voter=a.b', 'verdicts_voter=x.y.z'),
  ),
  method: fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE') as fc.Arbitrary<'DELETE' | 'GET' | 'PATCH' | 'POST'>,
  origin: fc.constantFrom(undefined, 'http://localhost:3000', 'http://evil.example', 'null'),
  path: pathArbitrary,
  query: queryArbitrary,
  raw: fc.oneof(fc.constant(undefined), rawBodyArbitrary),
})

/** Writes by the editorial team that often succeed, and workflow moves on real documents. */
const teamWrite = fc.record({
  body: fc.oneof(plausibleWrite, bodyArbitrary),
  caller: fc.constantFrom('admin', 'editor', 'reviewer'),
  contentType: fc.constant('application/json'),
  cookie: fc.constant(undefined),
  method: fc.constantFrom('POST', 'PATCH', 'DELETE') as fc.Arbitrary<'DELETE' | 'GET' | 'PATCH' | 'POST'>,
  origin: fc.constant(undefined),
  path: fc.oneof(
    fc.constantFrom('/verdicts', '/tools', '/matchups', '/categories'),
    fc
      .constantFrom('verdicts', 'tools', 'matchups')
      .chain((collection) =>
        fc.constantFrom(...(realIds[collection] ?? [1]).map(String)).map((id) => `/${collection}/${id}`),
      ),
    fc
      .constantFrom('verdicts', 'matchups')
      .chain((collection) =>
        fc.constantFrom(...(realIds[collection] ?? [1]).map(String)).map((id) => `/${collection}/${id}/workflow`),
      ),
  ),
  query: fc.constantFrom('', 'draft=true', 'depth=0'),
  raw: fc.constant(undefined),
})

const requestArbitrary = fc.oneof({ arbitrary: anyRequest, weight: 3 }, { arbitrary: teamWrite, weight: 1 })

async function stageMatchesHistory(collection: 'matchups' | 'verdicts'): Promise<string[]> {
  const problems: string[] = []
  const docs = await payload.find({ collection: collection, draft: true, limit: 0 })
  for (const doc of docs.docs as unknown as Array<{ id: Id; workflowStage: string }>) {
    const { docs: events } = await payload.find({
      collection: slugs.workflowEvents,
      limit: 1,
      sort: '-createdAt',
      where: { and: [{ 'document.relationTo': { equals: collection } }, { 'document.value': { equals: doc.id } }] },
    })
    const last = events[0] as unknown as undefined | { to: string }
    if (last && last.to !== doc.workflowStage) {
      problems.push(`${collection} ${doc.id}: stage ${doc.workflowStage}, history ends at ${last.to}`)
    }
  }
  return problems
}

describe('fuzzing the API', () => {
  it(`answers ${runs} hostile requests without a 5xx, then reconciles clean with nothing half-written`, async () => {
    let addressCounter = 0
    const statuses = new Map<number, number>()
    // Chosen here, not by fast-check, so a failure after the property (drift, a stage that
    // disagrees with its history) can be replayed too: FUZZ_SEED=<seed>.
    const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31)
    /** The requests that changed something, in order: what a drift comes from. */
    const writes: string[] = []
    await fc.assert(
      fc.asyncProperty(requestArbitrary, async (request) => {
        addressCounter += 1
        const headers: Record<string, string> = {
          'Content-Type': request.contentType,
          [socketAddressHeader]: `198.51.100.${addressCounter % 250}`,
          [socketProofHeader]: socketAddressProof(),
        }
        if (request.origin) {
          headers.Origin = request.origin
        }
        if (request.cookie) {
          headers.Cookie = request.cookie
        }
        const sendsBody = request.method !== 'GET' && request.method !== 'DELETE'
        const described = `${request.method} ${request.path}?${request.query}`
        let timer: NodeJS.Timeout | undefined
        const response = await Promise.race([
          rest.request(request.method, `${request.path}?${request.query}`, {
            body: sendsBody && request.raw === undefined ? request.body : undefined,
            headers,
            rawBody: sendsBody ? request.raw : undefined,
            token: tokens[request.caller],
          }),
          new Promise<never>((_, reject) => {
            // A request that hangs (a lock never released) fails the property with its shape.
            timer = setTimeout(() => reject(new Error(`${described} did not answer within 20 s`)), 20_000)
          }),
        ]).finally(() => clearTimeout(timer))
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
        if (response.status < 300 && request.method !== 'GET') {
          const sent = sendsBody ? (request.raw ?? JSON.stringify(request.body)) : ''
          writes.push(`${request.caller} ${described} ${String(sent).slice(0, 200)} → ${response.status}`)
        }
        if (response.status >= 500) {
          throw new Error(`${described} → ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`)
        }
      }),
      // FUZZ_SEED replays a failing run (fast-check prints the seed; so does the check below).
      {
        endOnFailure: Boolean(process.env.FUZZ_SEED),
        numRuns: runs,
        seed,
      },
    )
    // The fuzz reaches the handlers, not only the guard: some requests succeed.
    const succeeded = [...statuses].filter(([status]) => status < 300).reduce((sum, [, count]) => sum + count, 0)
    process.stderr.write(
      `fuzz statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}\n`,
    )
    expect(succeeded).toBeGreaterThan(0)
    const report = await reconcileScores(payload, { fix: false })
    const stages = [...(await stageMatchesHistory('verdicts')), ...(await stageMatchesHistory('matchups'))]
    // On a failure the seed and the writes are printed beside what went wrong.
    expect({ drift: report.drift, seed, stages, writes }).toEqual({ drift: [], seed, stages: [], writes })
  })
})

describe('fuzzing GraphQL', () => {
  it(`answers ${Math.ceil(runs / 5)} hostile GraphQL queries without a 5xx`, async () => {
    const literal = fc.oneof(
      fc.constantFrom('1', '"1"', '"abc"', '1e309', '-1', '"1 OR 1=1"', 'null', '99999999999999999999'),
      fc.string({ maxLength: 10 }).map((text) => JSON.stringify(text)),
    )
    const query = fc.oneof(
      literal.map((id) => `{ Verdict(id: ${id}) { id quote } }`),
      literal.map((id) => `{ Tool(id: ${id}) { id name } }`),
      fc.tuple(literal, literal).map(([limit, page]) => `{ Tools(limit: ${limit}, page: ${page}) { docs { id } } }`),
      literal.map((value) => `{ Verdicts(where: { tool: { equals: ${value} } }) { docs { id } } }`),
      literal.map((value) => `mutation { updateTool(id: ${value}, data: { name: "x" }) { id } }`),
      literal.map((value) => `mutation { deleteCategory(id: ${value}) { id } }`),
      fc.string({ maxLength: 60 }),
    )
    await fc.assert(
      fc.asyncProperty(query, fc.constantFrom('anonymous', 'admin', 'editor'), async (text, caller) => {
        const response = await rest.graphql(text, tokens[caller])
        if (response.status >= 500) {
          throw new Error(`GraphQL ${text} → ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`)
        }
      }),
      { numRuns: Math.ceil(runs / 5), seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    )
  })
})
