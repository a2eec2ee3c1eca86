import { spawn } from 'node:child_process'
import path from 'node:path'

export const projectRoot = path.resolve(import.meta.dirname, '../..')

/** Prints a progress line of a test runner script to stderr, so stdout stays jest's. */
export function say(line: string): void {
  process.stderr.write(`[${path.basename(process.argv[1] ?? 'test')}] ${line}\n`)
}

/** A server URI fit to print: any user and password replaced by "…". */
export function withoutCredentials(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//…@')
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(0)} s`
}

/**
 * Tells jest.config.js that this run is on a server database: suites that prove something
 * other than a database (the package installed from its tarball) ran once already, in
 * `npm test` on SQLite. (The list lives in the config: a `--testPathIgnorePatterns` flag
 * would replace the config's whole list, the multi-process suites' exclusion with it.)
 */
export const serverDatabaseRunEnvName = 'VERDICTS_SERVER_DATABASE_RUN'

/**
 * How long one database's jest run may take before it is stopped: a stuck suite otherwise
 * runs into CI's own limit and takes the other databases' runs, and the log that says where
 * it stuck (tests/helpers/suiteClockReporter.js), with it. Quiet runs take 9–16 minutes.
 */
const runLimitMs = Number(process.env.VERDICTS_TEST_RUN_LIMIT_MINUTES || 35) * 60_000

/**
 * Runs the jest suite on a server database (DATABASE_URI in `env`), with any arguments
 * given to the script (`npm run test:postgres -- tests/int/votes.test.ts`). Ctrl-C and SIGTERM
 * reach jest, and the caller still gets to clean up. Resolves with jest's exit code; a run
 * over the limit is stopped with everything it started (its process group) and fails.
 */
export async function runJest(env: Record<string, string>, args: string[]): Promise<number> {
  const child = spawn(process.execPath, [path.join(projectRoot, 'node_modules/jest/bin/jest.js'), ...args], {
    cwd: projectRoot,
    // Its own process group, so the servers and browsers its suites start stop with it.
    detached: true,
    env: {
      ...process.env,
      ...env,
      [serverDatabaseRunEnvName]: '1',
      NODE_OPTIONS: '--experimental-vm-modules --no-deprecation',
    },
    stdio: 'inherit',
  })
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal)
    } catch {
      // Already gone.
    }
  }
  process.on('SIGINT', signalGroup)
  process.on('SIGTERM', signalGroup)
  let overLimit = false
  const limit = setTimeout(() => {
    overLimit = true
    say(`jest has run ${formatSeconds(runLimitMs)} (VERDICTS_TEST_RUN_LIMIT_MINUTES): stopping it and what it started`)
    signalGroup('SIGTERM')
    setTimeout(() => signalGroup('SIGKILL'), 10_000).unref()
  }, runLimitMs)
  try {
    const code = await new Promise<number>((resolve, reject) => {
      child.once('error', reject)
      child.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)))
    })
    return overLimit ? Math.max(code, 1) : code
  } finally {
    clearTimeout(limit)
    process.off('SIGINT', signalGroup)
    process.off('SIGTERM', signalGroup)
  }
}
