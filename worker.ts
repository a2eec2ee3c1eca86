/**
 * The job runner (`npm run worker`): runs the jobs queue (webhook deliveries, newsletter,
 * freshness, releases) on the schedule the plugin sets, and serves nothing. With web
 * processes started with VERDICTS_JOBS=off, this is the one place jobs run; several
 * workers (or web processes running jobs) are safe too: each job runs once
 * (src/cluster/jobClaims.ts). Stops cleanly on SIGTERM or SIGINT.
 */
import { getPayload } from 'payload'

import config from './payload.config.ts'

async function main(): Promise<void> {
  const payload = await getPayload({ config, cron: true })
  payload.logger.info('Verdicts CMS job runner started (webhooks, newsletter, freshness, releases)')
  const stop = (signal: NodeJS.Signals) => {
    payload.logger.info(`${signal}: stopping the job runner`)
    // A job in flight is not waited for: its lease runs out and another runner takes it.
    setTimeout(() => process.exit(0), 5000).unref()
    void payload.destroy().finally(() => process.exit(0))
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
