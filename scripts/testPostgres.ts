/**
 * `npm run test:postgres [-- jest args]`: the jest suite on PostgreSQL. Each suite creates
 * its own database on the server POSTGRES_URL names; they are dropped when jest ends.
 * With Redis (REDIS_URL, else 127.0.0.1:6379) it also runs the multi-process suites in
 * tests/cluster; without, it says so, and under CI=true runs them anyway so they fail.
 * `npm run test:postgres -- --check` only says whether that server answers (exit 0 or 2).
 */
import { newTestRunId, testRunEnvName } from '../tests/helpers/database.ts'
import { redisProblem } from '../tests/helpers/redis.ts'

import { formatSeconds, runJest, say, withoutCredentials } from './lib/runJest.ts'
import { defaultPostgresUrl, dropRunDatabases, dropTestDatabases, openServer } from './lib/testDatabases.ts'

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
  const redisUrl = process.env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379'
  const redisError = await redisProblem(redisUrl)
  const clusterSuites = !redisError || process.env.CI === 'true'
  if (redisError) {
    say(
      `Redis at ${withoutCredentials(redisUrl)} is not reachable (${redisError}): ` +
        (clusterSuites
          ? 'the multi-process suites will fail (CI=true)'
          : 'NOT running the multi-process suites (tests/cluster)'),
    )
  }
  const run = newTestRunId()
  say(`running jest on PostgreSQL at ${shown} (databases verdicts_test_<suite>_${run})`)
  const started = Date.now()
  const exitCode = await runJest(
    {
      DATABASE_URI: serverUri,
      REDIS_URL: redisUrl,
      [testRunEnvName]: run,
      ...(clusterSuites ? { VERDICTS_CLUSTER_TESTS: '1' } : {}),
    },
    process.argv.slice(2),
  )
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
