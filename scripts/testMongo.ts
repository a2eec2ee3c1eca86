/**
 * `npm run test:mongo [-- jest args]`: the jest suite on the MongoDB wire protocol, through
 * @payloadcms/db-mongodb. MONGODB_URI names the server (a real mongod, Atlas…); without it
 * this script builds FerretDB v1 once (Go), starts it on a free loopback port with its
 * data in a temporary folder, and stops it afterwards. Each suite creates its own
 * database; they are dropped when jest ends.
 */
import type { FerretdbServer } from './lib/ferretdb.ts'

import { newTestRunId, testRunEnvName } from '../tests/helpers/database.ts'
import { ensureFerretdbBinary, ferretdbVersion, startFerretdb } from './lib/ferretdb.ts'
import { formatSeconds, runJest, say, withoutCredentials } from './lib/runJest.ts'
import { dropRunDatabases, dropTestDatabases } from './lib/testDatabases.ts'

/** Per test, on the FerretDB this script starts; jest.config.js has 120 s for the others. */
const ferretdbTestTimeoutMs = 600_000

async function main(): Promise<number> {
  const given = process.env.MONGODB_URI?.trim()
  let ferretdb: FerretdbServer | undefined
  let jestRunning = false
  // While jest runs, runJest hands it the signal and the cleanup below follows its exit.
  const interrupt = () => {
    if (!jestRunning) {
      void (ferretdb?.stop() ?? Promise.resolve()).finally(() => process.exit(130))
    }
  }
  process.on('SIGINT', interrupt)
  process.on('SIGTERM', interrupt)
  try {
    if (!given) {
      const binary = ensureFerretdbBinary()
      say(`starting FerretDB ${ferretdbVersion} (SQLite handler, temporary data folder)…`)
      ferretdb = await startFerretdb(binary)
      say(`FerretDB accepts connections at ${ferretdb.uri}`)
    }
    const serverUri = given ?? ferretdb!.uri
    const shown = withoutCredentials(serverUri)
    if (given) {
      const stale = await dropTestDatabases('mongodb', serverUri)
      if (stale.length > 0) {
        say(`dropped ${stale.length} test database(s) that killed runs left behind`)
      }
    }
    const run = newTestRunId()
    say(`running jest on ${given ? 'MONGODB_URI' : 'FerretDB'} at ${shown} (databases verdicts_test_<suite>_${run})`)
    const started = Date.now()
    jestRunning = true
    const exitCode = await runJest({ DATABASE_URI: serverUri, [testRunEnvName]: run }, [
      // FerretDB's SQLite handler filters most queries in Go rather than in SQL: the load
      // tests (1,000 votes, 100 concurrent publishes) take about 3 minutes there, not 40 s.
      ...(ferretdb ? [`--testTimeout=${ferretdbTestTimeoutMs}`] : []),
      ...process.argv.slice(2),
    ])
    jestRunning = false
    say(`jest exited with ${exitCode} after ${formatSeconds(Date.now() - started)}`)
    if (given) {
      const dropped = await dropRunDatabases('mongodb', serverUri, run, say)
      say(`dropped ${dropped.length} test database(s)`)
    }
    return exitCode
  } finally {
    process.off('SIGINT', interrupt)
    process.off('SIGTERM', interrupt)
    if (ferretdb) {
      await ferretdb.stop()
      say('stopped FerretDB and removed its data folder')
    }
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    say(error instanceof Error ? (error.stack ?? error.message) : String(error))
    process.exit(1)
  },
)
