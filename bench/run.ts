/**
 * `npm run bench`: the public matchup endpoint against the physical limit and against
 * Payload's default REST lookup, at 10 and 1,000 published matchups. The servers run in a
 * child process; this process is the load generator (autocannon), the same for every row.
 * On a machine with `taskset` and two or more cores, the generator and the servers are
 * pinned to different cores. Each row is measured BENCH_RUNS times (default 3), the
 * scenarios taking turns so that a burst of outside load hits them alike; the table shows
 * the median with its spread and the CPU other processes took during the row's runs
 * (bench/otherWork.ts), marking the ratios of rows that other work competed with.
 * Then the newsletter rows (bench/newsletter.ts), bench/admin.ts (the admin's page loads and
 * workflow clicks in Chromium, on the production build), the several-processes rows
 * (bench/cluster.ts: staleness across production processes and throughput of 1 vs 2, on
 * PostgreSQL + Redis; skipped with a line saying why when either is missing) and
 * bench/scale.ts (cold reads and publish at 100 and 10,000 verdicts; skip with
 * BENCH_SCALE=0). Set BENCH_SECONDS (default 4), BENCH_CONNECTIONS (default 10), BENCH_SIZES;
 * BENCH_SUITES picks among pages, newsletter, admin and cluster (default: all four).
 */
import autocannon from 'autocannon'
import { execFileSync, spawn } from 'node:child_process'
import { cpus, loadavg, totalmem } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'

import { benchCluster } from './cluster.ts'
import { benchNewsletter } from './newsletter.ts'
import { busyOtherCores, cpuMicroseconds, otherCores, sampleCpu } from './otherWork.ts'

const seconds = Number(process.env.BENCH_SECONDS ?? 4)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10)
const runs = Number(process.env.BENCH_RUNS ?? 3)
const sizes = (process.env.BENCH_SIZES ?? '10,1000').split(',').map(Number)
const root = path.resolve(import.meta.dirname, '..')
// BENCH_SUITES=newsletter runs only the newsletter rows, =pages only the page rows, =admin
// only the admin's page loads and workflow clicks (bench/admin.ts), =cluster only the
// several-processes rows.
const suites = (process.env.BENCH_SUITES ?? 'pages,newsletter,admin,cluster').split(',')
const newsletterSizes = (process.env.BENCH_NEWSLETTER_SIZES ?? '1000,10000').split(',').map(Number)

const cores = cpus().length
/** The load generator takes core 0, the servers the rest, when `taskset` can say so. */
const serverCores = `1-${cores - 1}`
const pinned = (() => {
  if (cores < 2) {
    return false
  }
  try {
    execFileSync('taskset', ['-a', '-cp', '0', String(process.pid)], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
/**
 * The several-processes rows run PostgreSQL and Redis as well, so their busy mark still
 * reads the load average: over ¾ of the cores, other work competes and ratios mislead.
 */
const busyLoad = cores * 0.75

type Ready = { bodyBytes: number; ports: Record<string, number>; slugs: string[] }

async function startServers(matchups: number): Promise<{ pid: number; ready: Ready; stop: () => void }> {
  const args = ['--conditions=production', path.join(root, 'scripts/runTs.mjs'), 'bench/server.ts', String(matchups)]
  const [command, commandArgs] = pinned
    ? ['taskset', ['-c', serverCores, process.execPath, ...args]]
    : [process.execPath, args]
  const child = spawn(command, commandArgs, {
    cwd: root,
    env: { ...process.env, DISABLE_PAYLOAD_HMR: 'true', NODE_OPTIONS: '--no-deprecation --expose-gc' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const lines = createInterface({ input: child.stdout })
  const ready = await new Promise<Ready>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line.startsWith('{"bodyBytes"')) {
        resolve(JSON.parse(line) as Ready)
      }
    })
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
  })
  // `taskset` runs node in its own process, so this pid is the servers'.
  return { pid: child.pid!, ready, stop: () => child.kill('SIGTERM') }
}

/**
 * One row's run; `other` is the CPU (in cores) of other processes than the bench's two,
 * `serverUs` the servers' CPU per answered request: less moved by other work than req/s.
 */
async function measure(port: number, slugs: string[], serverPid: number): Promise<Sample> {
  let next = 0
  const before = sampleCpu([process.pid, serverPid])
  const result = await autocannon({
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => ({ ...request, path: `/api/public/matchups/${slugs[next++ % slugs.length]}` }),
      },
    ],
    url: `http://127.0.0.1:${port}`,
  })
  const after = sampleCpu([process.pid, serverPid])
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`port ${port}: ${result.non2xx} non-2xx answers, ${result.errors} errors`)
  }
  return {
    other: before && after ? otherCores(before, after) : null,
    serverUs: before && after ? cpuMicroseconds(before, after, 1) / Math.max(1, result.requests.total) : null,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
  }
}

/**
 * (a) must send what (b) sends — the same header lines and body bytes — or the ratio
 * compares different work: checked on one page before anything is measured.
 */
async function checkSameAnswer(ports: Record<string, number>, slug: string): Promise<void> {
  const answer = async (port: number) => {
    const response = await fetch(`http://127.0.0.1:${port}/api/public/matchups/${slug}`)
    const body = Buffer.from(await response.arrayBuffer())
    return { body: body.length, headers: [...response.headers.keys()].filter((name) => name !== 'date').join(', ') }
  }
  const [bare, warm] = [await answer(ports.bare), await answer(ports.warm)]
  if (bare.headers !== warm.headers || bare.body !== warm.body) {
    throw new Error(
      `(a) and (b) answer differently: ${bare.body} bytes with ${bare.headers}; ${warm.body} bytes with ${warm.headers}`,
    )
  }
}

const scenarios = ['bare', 'warm', 'warmRoute', 'cold', 'coldBuild', 'payloadRest'] as const
const labels: Record<(typeof scenarios)[number], string> = {
  bare: '(a) bare node:http, same response (headers and body) from memory',
  cold: '(c) /api/public/matchups/:slug, memory cleared per request (read from the stored page)',
  coldBuild: "(c') the same, no stored page (built from the database per request)",
  payloadRest: '(d) Payload REST /api/matchups?where[slug]…&depth=2',
  warm: '(b) /api/public/matchups/:slug, warm, as `npm start` serves it (node fast path)',
  warmRoute: "(b') the same, warm, through the Next.js route handler only (`next dev`)",
}

/** Reads every page once, ten at a time, so a warm row measures only pages in memory. */
async function readEveryPage(port: number, slugs: string[]): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < slugs.length) {
      const response = await fetch(`http://127.0.0.1:${port}/api/public/matchups/${slugs[next++]}`)
      await response.arrayBuffer()
    }
  }
  await Promise.all(Array.from({ length: 10 }, worker))
}

type Sample = { other: null | number; p50: number; p99: number; rps: number; serverUs: null | number }

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

async function main(): Promise<void> {
  const rows: string[] = []
  const loads: number[] = [loadavg()[0]]
  const others: number[] = []
  for (const size of suites.includes('pages') ? sizes : []) {
    process.stderr.write(`\n== ${size} published matchups\n`)
    const { pid, ready, stop } = await startServers(size)
    try {
      const samples: Record<string, Sample[]> = {}
      for (const scenario of scenarios) {
        // Every page read once first, then a short pass so the code paths are compiled:
        // otherwise a warm row at 1,000 matchups mostly measures building pages.
        await readEveryPage(ready.ports[scenario], ready.slugs)
        await autocannon({
          connections,
          duration: 1,
          url: `http://127.0.0.1:${ready.ports[scenario]}/api/public/matchups/${ready.slugs[0]}`,
        })
        samples[scenario] = []
      }
      await readEveryPage(ready.ports.warm, ready.slugs)
      await checkSameAnswer(ready.ports, ready.slugs[0])
      for (let run = 0; run < runs; run += 1) {
        for (const scenario of scenarios) {
          if (scenario === 'cold') {
            // Every page stored and current (the (c') row marks pages stale), so this row
            // measures reading stored pages only.
            await readEveryPage(ready.ports.cold, ready.slugs)
          }
          if (scenario === 'warm') {
            // The cold scenario empties the one page cache the servers share (and so did the
            // warm-up of its port): fill it again, so the warm rows measure serving only.
            await readEveryPage(ready.ports.warm, ready.slugs)
          }
          samples[scenario].push(await measure(ready.ports[scenario], ready.slugs, pid))
        }
        loads.push(loadavg()[0])
        process.stderr.write(
          `  run ${run + 1}/${runs}: ${scenarios.map((scenario) => `${scenario} ${Math.round(samples[scenario].at(-1)!.rps)} (other ${samples[scenario].at(-1)!.other?.toFixed(2) ?? '?'})`).join(', ')} req/s; load ${loadavg()[0].toFixed(1)}\n`,
        )
      }
      const rps = (scenario: string) => median(samples[scenario].map((sample) => sample.rps))
      /** The most other processes took during any run of a row, in cores (null: no /proc). */
      const otherOf = (scenario: string) => {
        const values = samples[scenario].map((sample) => sample.other)
        return values.includes(null) ? null : Math.max(...(values as number[]))
      }
      const busy = (scenario: string) => (otherOf(scenario) ?? 0) > busyOtherCores
      const serverUs = (scenario: string) => {
        const values = samples[scenario].map((sample) => sample.serverUs)
        return values.includes(null) ? '?' : median(values as number[]).toFixed(values[0]! < 100 ? 1 : 0)
      }
      for (const scenario of scenarios) {
        const values = samples[scenario].map((sample) => sample.rps)
        others.push(otherOf(scenario) ?? 0)
        // A ratio is marked when other work competed with either of its two rows.
        const mark = (reference: string) => (busy(scenario) || busy(reference) ? '†' : '')
        rows.push(
          `| ${size} | ${labels[scenario]} | ${Math.round(rps(scenario)).toLocaleString('en')} (${Math.round(Math.min(...values)).toLocaleString('en')}–${Math.round(Math.max(...values)).toLocaleString('en')}) | ${median(samples[scenario].map((sample) => sample.p50))} | ${median(samples[scenario].map((sample) => sample.p99))} | ${serverUs(scenario)} | ${otherOf(scenario)?.toFixed(2) ?? '?'} | ${(rps(scenario) / rps('bare')).toFixed(2)}${mark('bare')} | ${(rps(scenario) / rps('payloadRest')).toFixed(1)}${mark('payloadRest')} |`,
        )
      }
    } finally {
      stop()
    }
  }

  console.log(
    `\nMachine: ${cores} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
  )
  if (rows.length > 0) {
    console.log(
      `Serving: autocannon, ${connections} connections, ${seconds} s per run, median (min–max) of ${runs} runs; SQLite; ${pinned ? `load generator on core 0, servers on cores ${serverCores}` : 'not pinned (no taskset)'}.`,
    )
    const busyRows = others.filter((other) => other > busyOtherCores).length
    console.log(
      `Server µs/req: the servers' CPU time per answered request (median of the runs), which other work moves less than req/s. Other work: the "other" column is the most CPU (in cores) that processes other than the bench's server and load generator took during any run of the row (/proc/stat less their /proc/<pid>/stat); ${busyRows === 0 ? `none above ${busyOtherCores}` : `† marks a ratio one of whose rows had more than ${busyOtherCores} (${busyRows} of ${others.length} rows): other work competed, so it says little, above all against the bare limit`}. Load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${cores} cores, the bench's own two processes included.\n`,
    )
  }
  if (rows.length > 0) {
    console.log('| matchups | scenario | req/s | p50 ms | p99 ms | server µs/req | other | × (a) | × (d) |')
    console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|')
    for (const row of rows) {
      console.log(row)
    }
  }
  if (suites.includes('newsletter')) {
    const newsletterRows = await benchNewsletter(newsletterSizes)
    console.log(
      '\nNewsletter: one approved issue to N confirmed subscribers through a loopback SMTP server (smtp-server), nodemailer pool of 5 connections, SQLite.\n',
    )
    console.log(
      '| subscribers | messages/s | seconds | RSS before MiB | peak RSS MiB | live heap before MiB | peak live heap MiB |',
    )
    console.log('|---:|---:|---:|---:|---:|---:|---:|')
    for (const row of newsletterRows) {
      console.log(row)
    }
  }
  if (suites.includes('admin')) {
    execFileSync(
      process.execPath,
      ['--conditions=production', path.join(root, 'scripts/runTs.mjs'), 'bench/admin.ts'],
      { cwd: root, stdio: 'inherit' },
    )
  }
  if (suites.includes('cluster')) {
    if (pinned) {
      // Child processes inherit this process's core: the servers must have every core, or
      // two of them would share one and "2 processes" would measure nothing.
      execFileSync('taskset', ['-a', '-cp', `0-${cores - 1}`, String(process.pid)], { stdio: 'ignore' })
    }
    const cluster = await benchCluster()
    if ('skipped' in cluster) {
      console.log(`\n${cluster.skipped}`)
    } else {
      const clusterBusy = Math.max(...cluster.loads) > busyLoad
      console.log(
        `\n${cluster.summary} Load average during these rows: ${Math.min(...cluster.loads).toFixed(1)}–${Math.max(...cluster.loads).toFixed(1)} on ${cores} cores${clusterBusy ? ' — † busy machine: the processes competed with other work for the cores, so the ratios say little' : ''}.\n`,
      )
      console.log('| row | samples | figure | ratio |')
      console.log('|---|---|---|---:|')
      for (const row of cluster.rows(clusterBusy ? '†' : '')) {
        console.log(row)
      }
    }
  }
  if (process.env.BENCH_SCALE !== '0') {
    execFileSync(
      process.execPath,
      ['--conditions=production', path.join(root, 'scripts/runTs.mjs'), 'bench/scale.ts'],
      { cwd: root, stdio: 'inherit' },
    )
  }
  process.exit(0)
}

void main()
