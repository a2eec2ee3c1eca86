/**
 * `npm run verdicts -- <command>`: editorial tasks from the shell. Every command works
 * on the database DATABASE_URI names (the embedded SQLite file when unset).
 */
import './checkDatabaseUri.ts'

import type { Payload } from 'payload'

import { parseArgs } from 'node:util'
import { getPayload } from 'payload'

import config from '../../../payload.config.ts'

import { formatImportReport } from '../../importer/formatReport.ts'
import { importPages } from '../../importer/importPages.ts'
import { readPageFiles } from '../../importer/readPageFiles.ts'
import { formatPercent } from '../../scores/score.ts'
import { newsletterUsage, runNewsletterCommand } from './newsletter.ts'
import { pluginOptionsOf } from '../../pluginOptions.ts'
import { PublicPages } from '../../public/pages.ts'
import { reconcileScores } from '../../scores/reconcile.ts'
import { formatDemoLogins, formatSeedSummary, seedDemoContent } from '../seedDemoContent.ts'
import { withLoggerOnStderr } from './stderrLogger.ts'
import type { Assignment } from '../../importer/assignments.ts'
import { AssignmentError, parseAssignment, unmatchedAssignments } from '../../importer/assignments.ts'

type Command = {
  description: string
  run: (payload: Payload, args: string[]) => Promise<number>
  usage: string
}

/**
 * While a command runs, everything else that writes to stdout (Payload's logger, the
 * schema push) is sent to stderr, so stdout carries only the command's own output and
 * `npm run -s verdicts -- matchup <slug> > page.json` gives clean JSON.
 */
const writeStdout = process.stdout.write.bind(process.stdout)

const say = (text = '') => {
  writeStdout(`${text}\n`)
}

const commands: Record<string, Command> = {
  import: {
    description:
      'Imports comparison pages (plain-text files, or directories of .txt files): categories, tools, personas, verdicts, matchups. New content waits in review unless --publish; --dry-run only reports; --json prints the summary as JSON; --assign <file>:<line>=left|right says which tool a quote is about (repeatable). Exits 1 if any page failed.',
    usage: 'import <file|dir>... [--publish] [--dry-run] [--json] [--assign <file>:<line>=left|right]...',
    run: async (payload, args) => {
      const { positionals, values } = parseArgs({
        allowPositionals: true,
        args,
        options: {
          assign: { multiple: true, type: 'string' },
          'dry-run': { type: 'boolean' },
          json: { type: 'boolean' },
          publish: { type: 'boolean' },
        },
        strict: true,
      })
      if (positionals.length === 0) {
        console.error(
          'Usage: npm run verdicts -- import <file|dir>... [--publish] [--dry-run] [--json] [--assign <file>:<line>=left|right]...',
        )
        return 2
      }
      let assign: Assignment[]
      const files = await readPageFiles(positionals)
      try {
        assign = (values.assign ?? []).map(parseAssignment)
        const stray = unmatchedAssignments(
          files.map((file) => file.path),
          assign,
        )
        if (stray.length > 0) {
          throw new AssignmentError(
            `--assign ${stray.map((entry) => `${entry.file}:${entry.line}`).join(', ')}: no page being imported is that file`,
          )
        }
      } catch (error) {
        if (error instanceof AssignmentError) {
          console.error(error.message)
          return 2
        }
        throw error
      }
      const report = await importPages(payload, files, {
        assign,
        dryRun: Boolean(values['dry-run']),
        onProgress: (line) => process.stderr.write(`${line}\n`),
        publish: Boolean(values.publish),
      })
      say(values.json ? JSON.stringify(report, null, 2) : formatImportReport(report))
      return report.pages.some((page) => page.outcome === 'failed') ? 1 : 0
    },
  },
  matchup: {
    description: 'Prints exactly the JSON of GET /api/public/matchups/<slug> (published content only).',
    usage: 'matchup <slug>',
    run: async (payload, args) => {
      const [slug] = args
      if (!slug || args.length > 1) {
        console.error('Usage: npm run verdicts -- matchup <slug>')
        return 2
      }
      const page = await new PublicPages(payload, pluginOptionsOf(payload)).matchupPage(slug)
      if (!page) {
        console.error(`No published matchup "${slug}".`)
        return 1
      }
      say(JSON.stringify(page))
      return 0
    },
  },
  matchups: {
    description: 'Lists the slugs of all published matchups, one per line.',
    usage: 'matchups',
    run: async (payload) => {
      for (const slug of await new PublicPages(payload, pluginOptionsOf(payload)).publishedMatchupSlugs()) {
        say(slug)
      }
      return 0
    },
  },
  newsletter: {
    description:
      'compose: creates the draft issue for the period (since the last sent issue, or --since) and prints its id. send: sends an approved issue (--approve approves it as the system), summary on stdout, exit 1 if any failed. subscribers: counts by status. secret: the bounce-report signing secret.',
    usage: newsletterUsage,
    run: (payload, args) => runNewsletterCommand(payload, args, say),
  },
  reconcile: {
    description:
      "Recounts every tool's panel and community score, prints what was wrong and fixes it. With --check: only reports, and exits 1 on any drift.",
    usage: 'reconcile [--check]',
    run: async (payload, args) => {
      const { values } = parseArgs({ args, options: { check: { type: 'boolean' } }, strict: true })
      const check = Boolean(values.check)
      const report = await reconcileScores(payload, {
        fix: !check,
        // Progress on stderr: stdout carries only the report (README, Command line).
        onProgress: (checked, total) => process.stderr.write(`  checked ${checked}/${total} tools\n`),
      })
      for (const row of report.visibility) {
        say(`  ${row.tool}: stored public=${row.stored}, actual ${row.actual}`)
      }
      if (report.drift.length === 0 && report.visibility.length === 0) {
        say(`All ${report.toolsChecked} tools' scores and public flags match a fresh recount.`)
        return 0
      }
      if (report.drift.length === 0) {
        say(check ? 'Nothing changed (--check).' : 'Fixed.')
        return check ? 1 : 0
      }
      say(`${report.drift.length} score(s) differed from a fresh recount:`)
      say(`  ${'tool'.padEnd(32)} ${'score'.padEnd(10)} ${'stored'.padEnd(16)} actual`)
      for (const row of report.drift) {
        const show = (score: typeof row.actual) => `${formatPercent(score.percent)} ${score.ship}/${score.total}`
        say(`  ${row.tool.padEnd(32)} ${row.kind.padEnd(10)} ${show(row.stored).padEnd(16)} ${show(row.actual)}`)
      }
      say(check ? 'Nothing changed (--check).' : 'Fixed; each correction is in the score history.')
      return check ? 1 : 0
    },
  },
  seed: {
    description:
      'Adds the demo content and demo accounts to the database DATABASE_URI names. Creates only what is missing, so it is safe to run twice.',
    usage: 'seed',
    run: async (payload) => {
      const summary = await seedDemoContent(payload, (line) => process.stderr.write(`${line}\n`))
      say(`Done:\n${formatSeedSummary(summary)}\n\n${formatDemoLogins()}`)
      return 0
    },
  },
}

function printHelp(): void {
  say('Usage: npm run verdicts -- <command> [options]\n\nCommands:')
  for (const command of Object.values(commands)) {
    say(`  ${command.usage.padEnd(24)} ${command.description}`)
  }
  say('\nEnvironment: DATABASE_URI (unset: ./data/verdicts.db), PAYLOAD_SECRET.')
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
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write
  const payload = await getPayload({ config: withLoggerOnStderr(await config), cron: false })
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
