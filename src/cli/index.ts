/**
 * `npm run verdicts -- <command>`: editorial tasks from the shell. Every command works
 * on the database DATABASE_URI names (the embedded SQLite file when unset).
 */
import './checkDatabaseUri'

import type { Payload } from 'payload'

import { parseArgs } from 'node:util'
import { getPayload } from 'payload'

import config from '../../payload.config'

import { formatPercent } from '../lib/score'
import { reconcileScores } from '../scores/reconcile'
import { formatDemoLogins, formatSeedSummary, seedDemoContent } from '../seed/seedDemoContent'

type Command = {
  description: string
  run: (payload: Payload, args: string[]) => Promise<number>
  usage: string
}

const commands: Record<string, Command> = {
  reconcile: {
    description:
      'Recounts every tool\'s panel and community score, prints what was wrong and fixes it. With --check: only reports, and exits 1 on any drift.',
    usage: 'reconcile [--check]',
    run: async (payload, args) => {
      const { values } = parseArgs({ args, options: { check: { type: 'boolean' } }, strict: true })
      const check = Boolean(values.check)
      const report = await reconcileScores(payload, {
        fix: !check,
        onProgress: (checked, total) => console.log(`  checked ${checked}/${total} tools`),
      })
      if (report.drift.length === 0) {
        console.log(`All ${report.toolsChecked} tools' scores match a fresh recount.`)
        return 0
      }
      console.log(`${report.drift.length} score(s) differed from a fresh recount:`)
      console.log(`  ${'tool'.padEnd(32)} ${'score'.padEnd(10)} ${'stored'.padEnd(16)} actual`)
      for (const row of report.drift) {
        const show = (score: typeof row.actual) => `${formatPercent(score.percent)} ${score.ship}/${score.total}`
        console.log(`  ${row.tool.padEnd(32)} ${row.kind.padEnd(10)} ${show(row.stored).padEnd(16)} ${show(row.actual)}`)
      }
      console.log(check ? 'Nothing changed (--check).' : 'Fixed; each correction is in the score history.')
      return check ? 1 : 0
    },
  },
  seed: {
    description:
      'Adds the demo content and demo accounts to the database DATABASE_URI names. Creates only what is missing, so it is safe to run twice.',
    usage: 'seed',
    run: async (payload) => {
      const summary = await seedDemoContent(payload, (line) => console.log(line))
      console.log(`Done:\n${formatSeedSummary(summary)}\n\n${formatDemoLogins()}`)
      return 0
    },
  },
}

function printHelp(): void {
  console.log('Usage: npm run verdicts -- <command> [options]\n\nCommands:')
  for (const [name, command] of Object.entries(commands)) {
    console.log(`  ${command.usage.padEnd(24)} ${command.description}`)
  }
  console.log('\nEnvironment: DATABASE_URI (unset: ./data/verdicts.db), PAYLOAD_SECRET.')
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    printHelp()
    return name ? 0 : 2
  }
  const command = commands[name]
  if (!command) {
    console.error(`Unknown command "${name}".\n`)
    printHelp()
    return 2
  }
  // A CLI run is not a Next.js dev server: no HMR socket to connect to.
  process.env.DISABLE_PAYLOAD_HMR = 'true'
  const payload = await getPayload({ config, cron: false })
  try {
    return await command.run(payload, rest)
  } finally {
    await payload.destroy()
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
