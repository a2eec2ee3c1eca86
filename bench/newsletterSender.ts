/**
 * The sending side of the newsletter bench: boots the app on a fresh SQLite file, adds N
 * confirmed subscribers and one approved issue, sends it through SMTP_URL (the bench's
 * loopback SMTP server, in the parent process) and prints one JSON line: messages, time,
 * RSS before the send and the peak during it.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { buildConfig, createLocalReq, getPayload } from 'payload'

import { createAppConfig } from '../src/demo/appConfig.ts'
import { databaseAdapterFor, resolveDatabaseTarget } from '../src/demo/database.ts'
import { createSmtpEmailAdapter } from '../src/email/smtpEmailAdapter.ts'
import { sendIssue } from '../src/newsletter/send.ts'
import { pluginOptionsOf } from '../src/pluginOptions.ts'

async function main(): Promise<void> {
  const subscribers = Number(process.argv[2] ?? 1000)
  const log = (line: string) => process.stderr.write(`${line}\n`)
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'verdicts-bench-newsletter-')), 'bench.db')
  const config = await buildConfig(
    createAppConfig({
      db: databaseAdapterFor(resolveDatabaseTarget(`file:${file}`)),
      email: createSmtpEmailAdapter({ from: 'Bench <bench@verdicts.test>', url: process.env.SMTP_URL! }),
      plugin: { newsletter: { publicUrl: 'https://verdicts.example' } },
      secret: 'bench',
    }),
  )
  const writeStdout = process.stdout.write.bind(process.stdout)
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write
  const payload = await getPayload({ config, cron: false })
  payload.logger.level = 'warn'

  log(`seeding ${subscribers} confirmed subscribers…`)
  // Seeding is not what is measured: rows go in through the adapter's own Drizzle
  // instance, 500 per statement.
  const db = payload.db as unknown as {
    drizzle: { insert: (table: unknown) => { values: (rows: unknown[]) => Promise<unknown> } }
    tables: Record<string, unknown>
  }
  const now = new Date().toISOString()
  for (let start = 0; start < subscribers; start += 500) {
    const rows = Array.from({ length: Math.min(500, subscribers - start) }, (_, offset) => ({
      createdAt: now,
      email: `reader${start + offset}@bench.example`,
      status: 'confirmed',
      updatedAt: now,
    }))
    await db.drizzle.insert(db.tables.subscribers).values(rows)
  }
  const issue = (await payload.create({
    collection: 'newsletter-issues',
    data: {
      intro: 'A bench issue: one intro paragraph, as the weekly digest has.',
      items: Array.from({ length: 6 }, (_, index) => ({
        kind: 'matchup' as const,
        text: `Tool ${index}: panel ship 75% · Tool ${index + 1}: panel ship 50%`,
        title: `Tool ${index} vs Tool ${index + 1}`,
        url: `https://verdicts.example/compare/tool-${index}-vs-tool-${index + 1}`,
      })),
      title: 'Weekly AI Tool Verdicts: bench',
      workflowStage: 'approved',
    },
    draft: true,
  })) as { id: number }

  global.gc?.()
  const rssBefore = process.memoryUsage().rss
  const heapBefore = process.memoryUsage().heapUsed
  let peak = rssBefore
  // Live memory: the heap right after a full collection, every 2,000 messages and at the
  // end (a collection per page would cost more time than the sending). RSS alone also
  // counts garbage V8 has not collected yet.
  let liveHeapPeak = heapBefore
  let pages = 0
  const sampleLiveHeap = () => {
    global.gc?.()
    liveHeapPeak = Math.max(liveHeapPeak, process.memoryUsage().heapUsed)
  }
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 20)
  const started = performance.now()
  const summary = await sendIssue(await createLocalReq({}, payload), pluginOptionsOf(payload), issue.id, {
    onProgress: () => {
      pages += 1
      if (pages % 10 === 0) {
        sampleLiveHeap()
      }
    },
  })
  const seconds = (performance.now() - started) / 1000
  clearInterval(sampler)
  sampleLiveHeap()
  peak = Math.max(peak, process.memoryUsage().rss)
  writeStdout(
    `${JSON.stringify({ failed: summary.failed, heapBefore, liveHeapPeak, peakRss: peak, rssBefore, seconds, sent: summary.sent, subscribers })}\n`,
  )
  await payload.destroy()
  process.exit(0)
}

void main()
