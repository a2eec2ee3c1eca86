/**
 * The several-processes rows of `npm run bench` (issue 14): production server processes
 * (`next build` + server.ts, started as the multi-process suite starts them,
 * tests/helpers/cluster.ts) on one PostgreSQL database and one Redis.
 *
 * - Staleness: BENCH_CLUSTER_PUBLISHES (default 30) publishes through process A as an
 *   editor (the workflow endpoint, PATCH → submit → approve → publish), each flipping a panel
 *   figure; for each, the time from A's 200 on publish until B and then C serve the new
 *   figure on `/api/public/matchups/:slug` (each polled back to back, having served the old
 *   figure from memory just before). p50 and p99 over both.
 * - Throughput of 1 and then 2 processes: autocannon (BENCH_CONNECTIONS over all, split
 *   evenly across the processes, as a load balancer would) on the API and on `/compare`,
 *   over every published demo comparison, BENCH_RUNS times each, turn about.
 *
 * Skipped, with a line saying why, when PostgreSQL (POSTGRES_URL, else the local server)
 * or Redis (REDIS_URL, else 127.0.0.1:6379) does not answer. The production build in
 * `.next-test-prod` is reused when the sources did not change (else it is built first:
 * several minutes on two cores).
 */
import autocannon from 'autocannon'
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'

import type { AppServer } from '../tests/helpers/appServer.ts'

import { withoutCredentials } from '../scripts/lib/runJest.ts'
import { defaultPostgresUrl, dropTestDatabases, openServer } from '../scripts/lib/testDatabases.ts'
import { runCli } from '../tests/helpers/appServer.ts'
import { clusterEnv, flipped, json, panelOnApi, startServers, verdictPublisher } from '../tests/helpers/cluster.ts'
import { newTestRunId, testDatabaseUri, testRunEnvName } from '../tests/helpers/database.ts'
import { redisProblem, testRedisUrl, uniqueRedisPrefix } from '../tests/helpers/redis.ts'

const publishes = Number(process.env.BENCH_CLUSTER_PUBLISHES ?? 30)
const seconds = Number(process.env.BENCH_SECONDS ?? 4)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10)
const runs = Number(process.env.BENCH_RUNS ?? 3)

/** `ratio` marks the 1 → 2 ratios, which run.ts flags when the load average says the machine was busy. */
export type ClusterBench =
  { loads: number[]; rows: (ratioMark: string) => string[]; summary: string } | { skipped: string }

const log = (line: string) => process.stderr.write(`${line}\n`)

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]
}

const median = (values: number[]) => percentile(values, 50)

/** Milliseconds from `since` until `server` serves `figure`, reading it back to back. */
async function msUntilServed(server: AppServer, figure: number, since: number): Promise<number> {
  const deadline = since + 10_000
  while ((await panelOnApi(server)) !== figure) {
    if (performance.now() > deadline) {
      throw new Error(`${server.url} still did not serve ${figure} after 10 s`)
    }
  }
  return performance.now() - since
}

async function staleness(servers: AppServer[]): Promise<number[]> {
  const [a, ...others] = servers
  const publisher = await verdictPublisher(a)
  const samples: number[] = []
  let shown = await panelOnApi(a)
  for (let index = 0; index < publishes; index += 1) {
    const decision = index % 2 === 0 ? 'ship' : 'skip'
    // The others serve the current figure from memory: a publish must drop it there.
    for (const server of others) {
      if ((await panelOnApi(server)) !== shown) {
        throw new Error(`${server.url} did not serve ${shown} before publish ${index + 1}`)
      }
    }
    const figure = await publisher.publish(decision)
    const published = performance.now()
    samples.push(...(await Promise.all(others.map((server) => msUntilServed(server, figure, published)))))
    shown = figure
  }
  // Leaves the demo figure as seeded (an odd count ends on "ship").
  if (publishes % 2 === 1) {
    await publisher.publish('skip')
  }
  return samples
}

/** Requests per second over all `targets` at once, `connections` split evenly between them. */
async function throughput(targets: AppServer[], paths: string[]): Promise<{ p99: number; rps: number }> {
  const results = await Promise.all(
    targets.map((server, index) => {
      let next = index
      return autocannon({
        connections: Math.max(1, Math.round(connections / targets.length)),
        duration: seconds,
        requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
        url: server.url,
      })
    }),
  )
  for (const result of results) {
    if (result.non2xx > 0 || result.errors > 0) {
      throw new Error(`${result.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`)
    }
  }
  return {
    p99: Math.max(...results.map((result) => result.latency.p99)),
    rps: results.reduce((sum, result) => sum + result.requests.average, 0),
  }
}

/** Why the group cannot run here, or null when PostgreSQL and Redis both answer. */
async function missingServices(postgresUrl: string): Promise<null | string> {
  const problems: string[] = []
  try {
    await (await openServer('postgres', postgresUrl)).close()
  } catch (error) {
    problems.push(
      `PostgreSQL at ${withoutCredentials(postgresUrl)} (POSTGRES_URL) does not answer: ${(error as Error).message}`,
    )
  }
  const redis = await redisProblem(testRedisUrl)
  if (redis) {
    problems.push(
      `Redis at ${withoutCredentials(testRedisUrl)} (REDIS_URL) does not answer: ${redis.replace(/\.$/, '')}`,
    )
  }
  return problems.length > 0 ? problems.join('; ') : null
}

export async function benchCluster(): Promise<ClusterBench> {
  const postgresUrl = process.env.POSTGRES_URL?.trim() || defaultPostgresUrl
  const missing = await missingServices(postgresUrl)
  if (missing) {
    return { skipped: `Several processes: SKIPPED — ${missing}.` }
  }
  const run = newTestRunId()
  // Named as the test databases are, so a killed bench's database is dropped like theirs.
  const databaseUri = testDatabaseUri('bench-cluster', {
    ...process.env,
    DATABASE_URI: postgresUrl,
    [testRunEnvName]: run,
  })
  const servers: AppServer[] = []
  try {
    log('\n== several processes: seeding the demo on PostgreSQL, starting 3 production servers…')
    const started = performance.now()
    runCli(['seed'], databaseUri)
    servers.push(
      ...(await startServers(databaseUri, {
        count: 3,
        env: clusterEnv(uniqueRedisPrefix()),
        warm: [`/api/public/matchups/${flipped.slug}`, `/compare/${flipped.slug}`],
      })),
    )
    log(`  ready after ${((performance.now() - started) / 1000).toFixed(0)} s; ${publishes} publishes through A…`)
    const loads = [loadavg()[0]]
    const samples = await staleness(servers)
    loads.push(loadavg()[0])

    // Throughput: A alone, then A and B; C is stopped so that it takes no share of the CPU.
    await servers.pop()!.stop()
    const { body } = await json<{ docs: Array<{ slug: string }> }>(`${servers[0].url}/api/public/matchups?limit=100`)
    const slugs = body.docs.map((doc) => doc.slug)
    const pages = {
      api: slugs.map((slug) => `/api/public/matchups/${slug}`),
      compare: slugs.map((slug) => `/compare/${slug}`),
    }
    const measured: Record<string, Array<{ p99: number; rps: number }>> = {}
    for (const [name, paths] of Object.entries(pages)) {
      for (const server of servers) {
        // Every page served once (and compiled code paths warm) before anything is measured.
        await throughput([server], paths)
      }
      for (let index = 0; index < runs; index += 1) {
        for (const count of [1, 2]) {
          const sample = await throughput(servers.slice(0, count), paths)
          ;(measured[`${name}:${count}`] ??= []).push(sample)
          loads.push(loadavg()[0])
          log(`  ${name}, ${count} process(es), run ${index + 1}/${runs}: ${Math.round(sample.rps)} req/s`)
        }
      }
    }
    const rps = (key: string) => median(measured[key].map((sample) => sample.rps))
    const spread = (key: string) => {
      const values = measured[key].map((sample) => sample.rps)
      return `${Math.round(rps(key)).toLocaleString('en')} (${Math.round(Math.min(...values)).toLocaleString('en')}–${Math.round(Math.max(...values)).toLocaleString('en')})`
    }
    const rows = (ratioMark: string) => [
      `| staleness: publish through A (workflow, as an editor) → B and C serve the new figure on /api/public/matchups/:slug | ${samples.length} (${publishes} publishes × 2) | p50 ${median(samples).toFixed(1)} ms, p99 ${percentile(samples, 99).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms | |`,
      ...Object.keys(pages).map((name) => {
        const path = name === 'api' ? '/api/public/matchups/:slug (warm)' : '/compare/:slug (Next.js data cache)'
        return `| throughput ${path}: 1 process → 2 processes | ${runs} runs × ${seconds} s, ${connections} connections | ${spread(`${name}:1`)} → ${spread(`${name}:2`)} req/s | × ${(rps(`${name}:2`) / rps(`${name}:1`)).toFixed(2)}${ratioMark} |`
      }),
    ]
    return {
      loads,
      rows,
      summary: `Several processes: production servers (\`next build\` + server.ts) on one PostgreSQL database and one Redis, ${slugs.length} published demo comparisons; the load generator shares the machine with them (not pinned).`,
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()))
    await dropTestDatabases('postgres', postgresUrl, { run }).catch((error: Error) =>
      log(`  could not drop the bench database: ${error.message}`),
    )
  }
}
