/**
 * The scale half of `npm run bench` (alone: `node --conditions=production scripts/runTs.mjs
 * bench/scale.ts`): how the cost of a public read and of a publish grows with the
 * catalog. For each size N it boots the app on a fresh SQLite file, bulk-loads N published
 * verdicts (N/10 tools, 10 personas, N/10 matchups) straight through the database adapter
 * (`payload.db.create` in one transaction: no hooks, no versions; about 20 s for 10,000
 * verdicts) and collects the load's garbage, then times, in turns, cold builds (no page
 * cache) of the matchup page, the tool page and the two lists and the read of a stored page
 * (src/public/pageStore.ts), and counts the SQL statements of one publish through the Local
 * API.
 * Each figure is the median of BENCH_SCALE_RUNS (default 41) runs with its interquartile
 * range; the CPU other processes took meanwhile is measured (bench/otherWork.ts) and a size
 * it disturbed is marked. Set BENCH_SCALE_SIZES (default 100,10000; 100000 adds about four
 * minutes of loading); BENCH_SCALE_EXPLAIN=1 prints SQLite's plan of every statement of a
 * cold page build and of the lists' recounts, at each size (stderr). The planner statistics
 * are gathered after the load, as the app does at start and every six hours.
 */
import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import path from 'node:path'
import { tmpdir } from 'node:os'
import { performance } from 'node:perf_hooks'
import { buildConfig, getPayload } from 'payload'
import { execFileSync } from 'node:child_process'

import { richTextFromParagraphs } from '../src/catalog/richText.ts'
import { createAppConfig } from '../src/demo/appConfig.ts'
import { databaseAdapterFor, resolveDatabaseTarget } from '../src/demo/database.ts'
import { createCaptureEmail } from '../src/email/captureEmailAdapter.ts'
import { pluginOptionsOf } from '../src/pluginOptions.ts'
import { pageCacheOf } from '../src/public/pageCache.ts'
import { refreshPlannerStatistics } from '../src/public/plannerStatistics.ts'
import { storedOrBuilt, storedPage, storedPagesSettled } from '../src/public/pageStore.ts'
import { matchupTag, toolTag } from '../src/domain/cacheTags.ts'
import { PublicPages } from '../src/public/pages.ts'
import { reviewerData } from '../tests/helpers/createData.ts'
import { busyOtherCores, otherCores, sampleCpu } from './otherWork.ts'
import { countStatements, sqlitePlans } from './statements.ts'

const sizes = (process.env.BENCH_SCALE_SIZES ?? '100,10000').split(',').map(Number)
/** 41, as the issue's table used 40–50: with 11, spreads at different sizes overlapped too much. */
const runs = Number(process.env.BENCH_SCALE_RUNS ?? 41)
const personaCount = 10
/**
 * List rows read the first page of 5: every size has at least that many of each list (at
 * N = 100: 10 tools, 5 of them paid, 10 matchups), so each row reads pages of the same shape
 * at every size (a page of 20 at N = 100 would hold 10 tools, and its second page none).
 */
const listLimit = 5

type Row = { label: string; max: number; median: number; min: number; q1: number; q3: number }

function summarize(label: string, samples: number[]): Row {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (share: number) => sorted[Math.round((sorted.length - 1) * share)]
  return { label, max: sorted.at(-1)!, median: at(0.5), min: sorted[0], q1: at(0.25), q3: at(0.75) }
}

type Timed = {
  action: (run: number) => Promise<unknown>
  label: string
  /** Run before each timed run, untimed. */
  prepare?: () => Promise<unknown>
}

/**
 * Times every row's runs in turns (run 0 of each row, then run 1 of each, …), so that a slow
 * stretch of the machine (another job, a checkpoint of the write-ahead log) falls on every row
 * alike instead of on the rows timed during it.
 */
async function timedInTurns(rows: Timed[]): Promise<Row[]> {
  for (const row of rows) {
    await row.action(-1)
  }
  const samples = rows.map(() => [] as number[])
  for (let run = 0; run < runs; run += 1) {
    for (const [index, row] of rows.entries()) {
      await row.prepare?.()
      const started = performance.now()
      await row.action(run)
      samples[index].push(performance.now() - started)
    }
  }
  return rows.map((row, index) => summarize(row.label, samples[index]))
}

/** Loads the catalog through the adapter in one transaction: the rows a published catalog has. */
async function bulkLoad(
  payload: Payload,
  verdictCount: number,
): Promise<{ matchups: string[]; tools: Array<{ id: number; slug: string }> }> {
  const toolCount = Math.max(2, Math.ceil(verdictCount / personaCount))
  const transactionID = (await payload.db.beginTransaction()) as number | string
  const req = { transactionID } as unknown as PayloadRequest
  const create = async (collection: CollectionSlug, data: Record<string, unknown>) =>
    (await payload.db.create({ collection: collection, data, req })) as unknown as { id: number; slug: string }
  const category = await create('categories', { name: 'Benchmarks', slug: 'benchmarks' })
  const personas = []
  for (let index = 0; index < personaCount; index += 1) {
    personas.push(
      await create('reviewers', {
        lens: `Lens ${index}`,
        name: `Persona ${index}`,
        position: index,
        slug: `persona-${index}`,
      }),
    )
  }
  const description = richTextFromParagraphs(['A paragraph of description text for a benchmark tool.'])
  const quote = richTextFromParagraphs(["A sentence or two of the reviewer's reasoning."])
  const tools: Array<{ id: number; slug: string }> = []
  for (let index = 0; index < toolCount; index += 1) {
    const ship = personaCount - (index % 4)
    const tool = await create('tools', {
      category: category.id,
      description,
      name: `Bench Tool ${String(index).padStart(6, '0')}`,
      panelScore: {
        percent: Math.round((ship / personaCount) * 100),
        ship,
        skip: personaCount - ship,
        total: personaCount,
      },
      pricing: { tier: index % 2 ? 'paid' : 'free' },
      public: true,
      slug: `bench-tool-${index}`,
      tagline: `Tagline of tool ${index}`,
    })
    tools.push({ id: tool.id, slug: `bench-tool-${index}` })
    for (const [position, persona] of personas.entries()) {
      await create('verdicts', {
        _status: 'published',
        decision: position < ship ? 'ship' : 'skip',
        quote,
        reviewer: persona.id,
        title: `Persona ${position} on Bench Tool ${index}`,
        tool: tool.id,
        workflowStage: 'published',
      })
    }
  }
  const matchups: string[] = []
  for (let index = 0; matchups.length < Math.max(1, verdictCount / personaCount); index += 1) {
    const left = tools[index % toolCount]
    const right = tools[(index + 1 + Math.floor(index / toolCount)) % toolCount]
    const slug = `${left.slug}-vs-${right.slug}`
    await create('matchups', {
      _status: 'published',
      leftTool: left.id,
      rightTool: right.id,
      slug,
      title: `${left.slug} vs ${right.slug}`,
      workflowStage: 'published',
    })
    matchups.push(slug)
  }
  await payload.db.commitTransaction(transactionID)
  // A published catalog has a version row per document (Payload's `_v` tables, which the
  // publish reads and writes): one `latest` version each, copied from the documents in one
  // statement. Then the write-ahead log is folded into the file, as SQLite does on its own
  // in time, so the reads below do not search a log of the whole bulk load.
  const client = (payload.db as unknown as { client: { execute: (sql: string) => Promise<unknown> } }).client
  await client.execute(
    `insert into _verdicts_v (parent_id, version_reviewer_id, version_tool_id, version_decision, version_quote, version_title, version_workflow_stage, version__status, version_updated_at, version_created_at, created_at, updated_at, latest)
     select id, reviewer_id, tool_id, decision, quote, title, workflow_stage, _status, updated_at, created_at, created_at, updated_at, 1 from verdicts`,
  )
  await client.execute(
    `insert into _matchups_v (parent_id, version_left_tool_id, version_right_tool_id, version_title, version_slug, version_workflow_stage, version__status, version_updated_at, version_created_at, created_at, updated_at, latest)
     select id, left_tool_id, right_tool_id, title, slug, workflow_stage, _status, updated_at, created_at, created_at, updated_at, 1 from matchups`,
  )
  await client.execute('pragma wal_checkpoint(truncate)')
  return { matchups, tools }
}

/** SQLite's `explain query plan` of each statement the reads send (a scan or a temporary b-tree is what grows). */
async function explainReads(payload: Payload, reads: Array<[string, () => Promise<unknown>]>): Promise<void> {
  for (const [label, read] of reads) {
    const { params, queries } = await countStatements(payload, read)
    process.stderr.write(`-- ${label}: ${queries.length} statements\n`)
    const plans = await sqlitePlans(
      payload,
      queries.map((sql, index) => ({ args: params[index], sql })),
    )
    for (const [index, sql] of queries.entries()) {
      process.stderr.write(`${sql.slice(0, 300)}\n    ${plans[index].join('\n    ')}\n`)
    }
  }
}

/** `other`: cores' worth of CPU other processes took while this size was timed (null: no /proc). */
type SizeResult = { other: null | number; rows: Row[]; statements: number; statementsAtDefaultDepth: number }

async function measureSize(verdictCount: number): Promise<SizeResult> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'verdicts-scale-')), 'scale.db')
  const config = await buildConfig(
    createAppConfig({
      db: databaseAdapterFor(resolveDatabaseTarget(`file:${file}`)),
      email: createCaptureEmail().adapter,
      secret: 'bench',
    }),
  )
  const payload = await getPayload({ config, cron: false })
  payload.logger.level = 'warn'
  const started = performance.now()
  const { matchups, tools } = await bulkLoad(payload, verdictCount)
  process.stderr.write(
    `  loaded ${verdictCount} verdicts, ${tools.length} tools, ${matchups.length} matchups in ${Math.round(performance.now() - started)} ms\n`,
  )
  // What the app's start (or its six-hourly refresh) would find on a file this size.
  const analyzing = performance.now()
  await refreshPlannerStatistics(payload)
  process.stderr.write(`  planner statistics gathered in ${Math.round(performance.now() - analyzing)} ms\n`)
  // The load leaves its garbage in the old generation (113 MB of heap after loading 100,000
  // verdicts, 83 MB after a full collection, as after loading 100): collected here, untimed,
  // or its collection lands in the timed runs of the large catalog alone and doubles every
  // row, the one-row read of a stored page included. A server does not carry a bulk load's
  // garbage. `main` starts each size with --expose-gc.
  const heapAfterLoad = process.memoryUsage().heapUsed
  ;(globalThis as { gc?: () => void }).gc?.()
  process.stderr.write(
    `  heap ${Math.round(heapAfterLoad / 2 ** 20)} MB after the load, ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB after a full collection\n`,
  )

  const options = pluginOptionsOf(payload)
  const pages = () => new PublicPages(payload, options)
  const pick = <T>(list: T[], run: number) => list[(run * 7919 + 3) % list.length]
  // The stored copies of the pages the "stored page" rows read (as the first read of each
  // page after a change stores it).
  for (let run = -1; run < runs; run += 1) {
    const matchup = pick(matchups, run + 1)
    const tool = pick(tools, run + 1).slug
    await storedOrBuilt(payload, matchupTag(matchup), async () => ({
      tags: [],
      value: await pages().matchupPage(matchup),
    }))
    await storedOrBuilt(payload, toolTag(tool), async () => ({ tags: [], value: await pages().toolPage(tool) }))
  }
  await storedPagesSettled(payload)
  if (process.env.BENCH_SCALE_EXPLAIN === '1') {
    await explainReads(payload, [
      ['matchup page build', () => pages().matchupPage(pick(matchups, 0))],
      ['tool page build', () => pages().toolPage(pick(tools, 0).slug)],
      ['tools list recount', () => (pageCacheOf(payload).clear(), pages().listTools({}, 1, listLimit))],
      ['matchups list recount', () => (pageCacheOf(payload).clear(), pages().listMatchups({}, 1, listLimit))],
      [
        'paid tools list recount',
        () => (pageCacheOf(payload).clear(), pages().listTools({ tier: 'paid' }, 1, listLimit)),
      ],
    ])
  }
  const cpuBefore = sampleCpu([process.pid])
  // The list rows with the total kept find it kept: the rows that count it again clear the
  // cache in the same turn, so each kept row reads its list once first, untimed.
  const listTools = () => pages().listTools({}, 1, listLimit)
  const listPaidTools = () => pages().listTools({ tier: 'paid' }, 1, listLimit)
  const listMatchups = () => pages().listMatchups({}, 1, listLimit)
  const rows = await timedInTurns([
    {
      action: (run) => pages().matchupPage(pick(matchups, run + 1)),
      label: 'cold /api/public/matchups/:slug build',
    },
    {
      action: (run) => storedPage(payload, matchupTag(pick(matchups, run + 1))),
      label: 'cold /api/public/matchups/:slug from its stored page',
    },
    { action: (run) => pages().toolPage(pick(tools, run + 1).slug), label: 'cold /api/public/tools/:slug build' },
    {
      action: (run) => storedPage(payload, toolTag(pick(tools, run + 1).slug)),
      label: 'cold /api/public/tools/:slug from its stored page',
    },
    { action: listTools, label: 'cold /api/public/tools list page (first 5)', prepare: listTools },
    { action: listPaidTools, label: 'cold /api/public/tools?tier=paid list page (first 5)', prepare: listPaidTools },
    { action: listMatchups, label: 'cold /api/public/matchups list page (first 5)', prepare: listMatchups },
    // The rows above keep each filter's total between reads, as the endpoint does (it is
    // dropped only by a change to the list's membership); these count it again every time.
    {
      action: listTools,
      label: 'cold /api/public/tools list page (first 5), total counted again',
      prepare: async () => pageCacheOf(payload).clear(),
    },
    {
      action: listMatchups,
      label: 'cold /api/public/matchups list page (first 5), total counted again',
      prepare: async () => pageCacheOf(payload).clear(),
    },
  ])

  // A new persona's verdict on a tool, published through the Local API with every hook.
  const persona = (await payload.create({
    collection: options.collectionSlugs.reviewers,
    data: reviewerData({ lens: 'Extra lens', name: 'Extra Persona' }),
  })) as unknown as { id: number }
  // Another persona for the publish at default depth: one verdict per (persona, tool).
  const secondPersona = (await payload.create({
    collection: options.collectionSlugs.reviewers,
    data: reviewerData({ lens: 'Extra lens', name: 'Second Extra Persona' }),
  })) as unknown as { id: number }
  // One verdict per (persona, tool), and `pick` gives distinct tools for as many runs in a
  // row as there are tools: a further persona for each further round of tools.
  const personas = [persona]
  const personaFor = async (run: number) => {
    while (personas.length <= Math.floor(run / tools.length)) {
      personas.push(
        (await payload.create({
          collection: options.collectionSlugs.reviewers,
          data: reviewerData({ lens: 'Extra lens', name: `Extra Persona ${personas.length + 1}` }),
        })) as unknown as { id: number },
      )
    }
    return personas[Math.floor(run / tools.length)]
  }
  const publishSamples: number[] = []
  let statements = 0
  let statementsAtDefaultDepth = 0
  // The last run publishes at Payload's default depth (2), whose answer populates the
  // verdict's persona, tool, the tool's category and the approver: four more reads.
  const publishRuns = runs
  for (let run = 0; run <= publishRuns; run += 1) {
    const draft = (await payload.create({
      collection: options.collectionSlugs.verdicts,
      data: {
        decision: 'ship',
        quote: richTextFromParagraphs(['Draft.']),
        reviewer: run < publishRuns ? (await personaFor(run)).id : secondPersona.id,
        tool: pick(tools, run + 2).id,
      },
      draft: true,
    })) as unknown as { id: number }
    const begin = performance.now()
    const counted = await countStatements(payload, () =>
      payload.update({
        collection: options.collectionSlugs.verdicts,
        data: { _status: 'published' },
        // As the workflow's Publish saves (src/workflow/transition.ts).
        depth: run < publishRuns ? 0 : undefined,
        id: draft.id,
      }),
    )
    if (run < publishRuns) {
      publishSamples.push(performance.now() - begin)
      statements = counted.statements
    } else {
      statementsAtDefaultDepth = counted.statements
    }
  }
  rows.push(summarize('publish one verdict (Local API, depth 0 as the workflow saves)', publishSamples))
  const cpuAfter = sampleCpu([process.pid])
  await payload.destroy()
  rmSync(path.dirname(file), { force: true, recursive: true })
  const other = cpuBefore && cpuAfter ? otherCores(cpuBefore, cpuAfter) : null
  return { other, rows, statements, statementsAtDefaultDepth }
}

/** Each size runs in its own process: a fresh Payload, schema and heap. */
async function main(): Promise<void> {
  const one = process.env.BENCH_SCALE_ONE
  if (one) {
    process.stdout.write(`${JSON.stringify(await measureSize(Number(one)))}\n`)
    process.exit(0)
  }
  const results: Array<SizeResult & { size: number }> = []
  const loadBefore = loadavg()[0]
  for (const size of sizes) {
    process.stderr.write(`== ${size} verdicts\n`)
    const output = execFileSync(
      process.execPath,
      [
        '--conditions=production',
        '--expose-gc',
        path.resolve(import.meta.dirname, '../scripts/runTs.mjs'),
        'bench/scale.ts',
      ],
      {
        cwd: path.resolve(import.meta.dirname, '..'),
        env: { ...process.env, BENCH_SCALE_ONE: String(size) },
        maxBuffer: 1 << 24,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    ).toString()
    const line = output
      .trim()
      .split('\n')
      .filter((candidate) => candidate.startsWith('{'))
      .at(-1)!
    results.push({ size, ...(JSON.parse(line) as SizeResult) })
  }
  const loadAfter = loadavg()[0]
  const ms = (value: number) => value.toFixed(value < 1 ? 2 : 1)
  const fmt = (row: Row) => `${ms(row.median)} (${ms(row.q1)}–${ms(row.q3)})`
  const others = results.map((result) =>
    result.other === null
      ? `N = ${result.size.toLocaleString('en')}: not measured (no /proc)`
      : `N = ${result.size.toLocaleString('en')}: ${result.other.toFixed(2)}${result.other > busyOtherCores ? ' (busy: other work competed, figures are inflated and noisy)' : ''}`,
  )
  console.log(
    `\nMedian ms (interquartile range) of ${runs} runs; SQLite; ${cpus().length} cores. CPU other processes took while each size was timed, in cores: ${others.join('; ')}. Load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} (the bench's own process included).\n`,
  )
  console.log(
    `| operation | ${results.map((result) => `N = ${result.size.toLocaleString('en')}`).join(' | ')} | × medians (largest / smallest; from quartiles) | × minima |`,
  )
  console.log(`|---|${results.map(() => '---:').join('|')}|---:|---:|`)
  // The ratio of medians, with the range the quartiles allow (largest size's first quartile
  // over the smallest's third, and the other way round): a goal inside it is within noise.
  // The fastest run of each row is the least disturbed, so its ratio is printed too.
  results[0].rows.forEach((row, index) => {
    const [small, large] = [results[0].rows[index], results.at(-1)!.rows[index]]
    console.log(
      `| ${row.label} | ${results.map((result) => fmt(result.rows[index])).join(' | ')} | ${(large.median / small.median).toFixed(2)} (${(large.q1 / small.q3).toFixed(2)}–${(large.q3 / small.q1).toFixed(2)}) | ${(large.min / small.min).toFixed(2)} |`,
    )
  })
  for (const [label, key] of [
    ['SQL statements per publish (depth 0)', 'statements'],
    ['SQL statements per publish (default depth 2)', 'statementsAtDefaultDepth'],
  ] as const) {
    console.log(
      `| ${label} | ${results.map((result) => result[key]).join(' | ')} | ${(results.at(-1)![key] / results[0][key]).toFixed(2)} | |`,
    )
  }
}

void main()
