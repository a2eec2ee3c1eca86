/**
 * `npm run test:postgres [-- jest args]`: the jest suite on PostgreSQL. Each suite creates
 * its own database on the server POSTGRES_URL names; they are dropped when jest ends.
 * `npm run test:postgres -- --check` only says whether that server answers (exit 0 or 2).
 */
import { newTestRunId, testRunEnvName } from '../tests/helpers/database.ts'
import { formatSeconds, runJest, say, withoutCredentials } from './lib/runJest.ts'
import { dropRunDatabases, dropTestDatabases, openServer } from './lib/testDatabases.ts'

/** The server on the machines this project is built on: trust auth, database `test`. */
const defaultPostgresUrl = 'postgres://postgres@127.0.0.1:5432/test'

async function main(): Promise<number> {
  const serverUri = process.env.POSTGRES_URL?.trim() || defaultPostgresUrl
  const shown = withoutCredentials(serverUri)
  try {
    await (await openServer('postgres', serverUri)).close()
  } catch (error) {
    say(`PostgreSQL at ${shown} is not reachable: ${(error as Error).message}. Set POSTGRES_URL.`)
    return 2
  }
  if (process.argv[2] === '--check') {
    say(`PostgreSQL at ${shown} is reachable`)
    return 0
  }
  const stale = await dropTestDatabases('postgres', serverUri)
  if (stale.length > 0) {
    say(`dropped ${stale.length} test database(s) that killed runs left behind`)
  }
  const run = newTestRunId()
  say(`running jest on PostgreSQL at ${shown} (databases verdicts_test_<suite>_${run})`)
  const started = Date.now()
  const exitCode = await runJest({ DATABASE_URI: serverUri, [testRunEnvName]: run }, process.argv.slice(2))
  const dropped = await dropRunDatabases('postgres', serverUri, run, say)
  say(
    `jest exited with ${exitCode} after ${formatSeconds(Date.now() - started)}; dropped ${dropped.length} test database(s)`,
  )
  return exitCode
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    say(error instanceof Error ? (error.stack ?? error.message) : String(error))
    process.exit(1)
  },
)
