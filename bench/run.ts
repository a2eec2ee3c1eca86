/**
 * `npm run bench`: the public matchup endpoint against the physical limit and against
 * Payload's default REST lookup, at 10 and 1,000 published matchups. The servers run in a
 * child process; this process is the load generator (autocannon), the same for every row.
 * Set BENCH_SECONDS (default 8) and BENCH_CONNECTIONS (default 10) to change the load.
 */
import autocannon from 'autocannon'
import { spawn } from 'node:child_process'
import { cpus, totalmem } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'

import { benchNewsletter } from './newsletter.ts'

const seconds = Number(process.env.BENCH_SECONDS ?? 8)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10)
const sizes = (process.env.BENCH_SIZES ?? '10,1000').split(',').map(Number)
const root = path.resolve(import.meta.dirname, '..')
// BENCH_SUITES=newsletter runs only the newsletter rows, =pages only the page rows.
const suites = (process.env.BENCH_SUITES ?? 'pages,newsletter').split(',')
const newsletterSizes = (process.env.BENCH_NEWSLETTER_SIZES ?? '1000,10000').split(',').map(Number)

type Ready = { bodyBytes: number; ports: Record<string, number>; slugs: string[] }

async function startServers(matchups: number): Promise<{ ready: Ready; stop: () => void }> {
  const child = spawn(process.execPath, ['--conditions=production', path.join(root, 'scripts/runTs.mjs'), 'bench/server.ts', String(matchups)], {
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
  return { ready, stop: () => child.kill('SIGTERM') }
}

async function measure(port: number, slugs: string[]) {
  let next = 0
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
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`port ${port}: ${result.non2xx} non-2xx answers, ${result.errors} errors`)
  }
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average }
}

const scenarios = ['bare', 'warm', 'warmRoute', 'cold', 'payloadRest'] as const
const labels: Record<(typeof scenarios)[number], string> = {
  bare: '(a) bare node:http, same bytes from memory',
  cold: '(c) /api/public/matchups/:slug, cache cleared per request',
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

async function main(): Promise<void> {
  const rows: string[] = []
  for (const size of suites.includes('pages') ? sizes : []) {
    process.stderr.write(`\n== ${size} published matchups\n`)
    const { ready, stop } = await startServers(size)
    try {
      const results: Record<string, { p50: number; p99: number; rps: number }> = {}
      for (const scenario of scenarios) {
        // Every page read once first, then a short pass so the code paths are compiled:
        // otherwise a warm row at 1,000 matchups mostly measures building pages.
        await readEveryPage(ready.ports[scenario], ready.slugs)
        await autocannon({ connections, duration: 2, url: `http://127.0.0.1:${ready.ports[scenario]}/api/public/matchups/${ready.slugs[0]}` })
        results[scenario] = await measure(ready.ports[scenario], ready.slugs)
        process.stderr.write(`  ${scenario}: ${Math.round(results[scenario].rps)} req/s\n`)
      }
      for (const scenario of scenarios) {
        const { p50, p99, rps } = results[scenario]
        rows.push(
          `| ${size} | ${labels[scenario]} | ${Math.round(rps).toLocaleString('en')} | ${p50} | ${p99} | ${(rps / results.bare.rps).toFixed(2)} | ${(rps / results.payloadRest.rps).toFixed(1)} |`,
        )
      }
    } finally {
      stop()
    }
  }

  console.log(`\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; autocannon, ${connections} connections, ${seconds} s per row; SQLite.\n`)
  if (rows.length > 0) {
    console.log('| matchups | scenario | req/s | p50 ms | p99 ms | × (a) | × (d) |')
    console.log('|---:|---|---:|---:|---:|---:|---:|')
    for (const row of rows) {
      console.log(row)
    }
  }
  if (suites.includes('newsletter')) {
    const newsletterRows = await benchNewsletter(newsletterSizes)
    console.log('\nNewsletter: one approved issue to N confirmed subscribers through a loopback SMTP server (smtp-server), nodemailer pool of 5 connections, SQLite.\n')
    console.log('| subscribers | messages/s | seconds | RSS before MiB | peak RSS MiB | live heap before MiB | peak live heap MiB |')
    console.log('|---:|---:|---:|---:|---:|---:|---:|')
    for (const row of newsletterRows) {
      console.log(row)
    }
  }
  process.exit(0)
}

void main()
