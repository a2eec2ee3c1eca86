/**
 * `npm run verdicts -- <command>`: editorial tasks from the shell. Every command works
 * on the database DATABASE_URI names (the embedded SQLite file when unset).
 */
import './checkDatabaseUri'

import type { Payload } from 'payload'

import { parseArgs } from 'node:util'
import { getPayload } from 'payload'

import config from '../../payload.config'

import { formatDemoLogins, formatSeedSummary, seedDemoContent } from '../seed/seedDemoContent'

type Command = {
  description: string
  run: (payload: Payload, args: string[]) => Promise<number>
  usage: string
}

const commands: Record<string, Command> = {
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
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    args: argv,
    options: { help: { short: 'h', type: 'boolean' } },
    strict: false,
  })
  const [name, ...rest] = positionals
  if (!name || values.help || name === 'help') {
    printHelp()
    return name || values.help ? 0 : 2
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
