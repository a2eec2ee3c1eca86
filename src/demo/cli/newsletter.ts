import type { Payload } from 'payload'

import { parseArgs } from 'node:util'
import { APIError, createLocalReq } from 'payload'

import { pluginOptionsOf } from '../../pluginOptions.ts'
import { composeIssue } from '../../newsletter/compose.ts'
import { providerWebhookSecret } from '../../newsletter/providerSecret.ts'
import { sendIssue } from '../../newsletter/send.ts'
import { countSubscribersByStatus } from '../../newsletter/subscriptions.ts'
import { subscriberStatuses } from '../../domain/newsletter.ts'

export const newsletterUsage = 'newsletter compose [--since <ISO date>] | send <id> [--approve] | subscribers | secret'

/**
 * `npm run verdicts -- newsletter …`. The CLI is trusted, like the importer: it composes,
 * sends (approving with `--approve`, recorded as the system's approval) and counts.
 * Output for scripts goes to `say` (stdout), progress to stderr.
 */
export async function runNewsletterCommand(
  payload: Payload,
  args: string[],
  say: (line: string) => void,
): Promise<number> {
  const [sub, ...rest] = args
  const options = pluginOptionsOf(payload)
  const req = await createLocalReq({}, payload)
  const usage = () => {
    console.error(`Usage: npm run verdicts -- ${newsletterUsage}`)
    return 2
  }
  switch (sub) {
    case 'compose': {
      const { values } = parseArgs({ args: rest, options: { since: { type: 'string' } }, strict: true })
      const since = values.since ? new Date(values.since) : undefined
      if (since && Number.isNaN(since.getTime())) {
        console.error(`--since must be an ISO date such as 2026-11-23 or 2026-11-23T08:00:00Z, got "${values.since}"`)
        return 2
      }
      const issue = await composeIssue(req, options, { since })
      process.stderr.write(
        `Composed "${issue.title}" with ${issue.items} item(s), ${issue.since.toISOString()} – ${issue.until.toISOString()}.\n`,
      )
      say(String(issue.id))
      return 0
    }
    case 'send': {
      const { positionals, values } = parseArgs({
        allowPositionals: true,
        args: rest,
        options: { approve: { type: 'boolean' } },
        strict: true,
      })
      if (positionals.length !== 1) {
        return usage()
      }
      const id = payload.db.defaultIDType === 'number' ? Number(positionals[0]) : positionals[0]
      if (typeof id === 'number' && !Number.isInteger(id)) {
        console.error(`No newsletter issue "${positionals[0]}".`)
        return 1
      }
      try {
        const summary = await sendIssue(req, options, id, {
          approve: Boolean(values.approve),
          onProgress: (progress) =>
            process.stderr.write(
              `  ${progress.processed}/${progress.total}: sent ${progress.sent}, skipped ${progress.skipped}, failed ${progress.failed}\n`,
            ),
        })
        say(`sent ${summary.sent}, skipped ${summary.skipped} already sent, failed ${summary.failed}`)
        if (summary.interrupted > 0) {
          process.stderr.write(
            `${summary.interrupted} delivery(ies) were left mid-send by an interrupted run; they may have been delivered and are not retried.\n`,
          )
        }
        return summary.failed > 0 ? 1 : 0
      } catch (error) {
        if (error instanceof APIError && error.status < 500) {
          console.error(error.status === 404 ? `No newsletter issue "${positionals[0]}".` : error.message)
          return 1
        }
        throw error
      }
    }
    case 'subscribers': {
      const counts = await countSubscribersByStatus(req, options, subscriberStatuses)
      for (const status of subscriberStatuses) {
        say(`${status.padEnd(13)} ${counts[status]}`)
      }
      say(`${'total'.padEnd(13)} ${Object.values(counts).reduce((sum, count) => sum + count, 0)}`)
      return 0
    }
    case 'secret':
      say(providerWebhookSecret(payload, options))
      return 0
    default:
      return usage()
  }
}
