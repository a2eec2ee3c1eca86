import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { uniqueRedisPrefix } from './redis.ts'
import { demoPassword } from '../../src/demo/demoContent.ts'

const projectRoot = path.resolve(import.meta.dirname, '../..')

/** How the server process ended: its exit code, or the signal that ended it. */
export type ServerExit = { code: null | number; signal: NodeJS.Signals | null }

export type AppServer = {
  /** Ends the process at once (SIGKILL), as a crash would. */
  kill: () => Promise<ServerExit>
  /** What the process printed so far (stdout and stderr), for a failing test to show. */
  output: () => string
  /** Asks the process to stop (SIGTERM, as a deploy does) and resolves when it has exited. */
  stop: () => Promise<ServerExit>
  url: string
}

/** A loopback port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export type CliRun = { signal: NodeJS.Signals | null; status: null | number; stderr: string; stdout: string }

/**
 * How long a CLI run may take. The call is synchronous and blocks its jest worker, so
 * jest's own timeouts cannot end a CLI that never exits: this one kills it instead.
 */
const cliTimeoutMs = 300_000

/** Runs the verdicts CLI against a database, as `npm run verdicts -- …` would, whatever its exit code. */
export function runCliProcess(args: string[], databaseUri: string): CliRun {
  const result = spawnSync(
    process.execPath,
    ['--conditions=production', path.join(projectRoot, 'scripts/runTs.mjs'), 'src/demo/cli/index.ts', ...args],
    {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URI: databaseUri, NODE_ENV: 'development', NODE_OPTIONS: '' },
      killSignal: 'SIGKILL',
      timeout: cliTimeoutMs,
    },
  )
  return { signal: result.signal, status: result.status, stderr: result.stderr, stdout: result.stdout }
}

/** Runs the verdicts CLI and returns its stdout; a non-zero exit fails. */
export function runCli(args: string[], databaseUri: string): string {
  const result = runCliProcess(args, databaseUri)
  if (result.status !== 0) {
    const how = result.signal ? `killed by ${result.signal}; a run may take ${cliTimeoutMs / 1000} s` : result.status
    throw new Error(`verdicts ${args.join(' ')} failed (${how}):\n${result.stdout}\n${result.stderr}`)
  }
  return result.stdout
}

/** Where the browser suites' production build lives; shared by every suite and run. */
const buildFolder = '.next-test-prod'
const buildStampFile = path.join(projectRoot, buildFolder, 'verdicts-build-stamp')
/** What a build depends on: when none of these files changed, the last build is reused. */
const buildInputs = [
  'src',
  'collections',
  'hooks',
  'payload.config.ts',
  'next.config.mjs',
  'package.json',
  'tsconfig.json',
]

function buildStamp(): string {
  const hash = createHash('sha256')
  const add = (file: string) => {
    const full = path.join(projectRoot, file)
    if (statSync(full).isDirectory()) {
      for (const entry of readdirSync(full).sort()) {
        add(path.join(file, entry))
      }
    } else {
      hash.update(file).update(readFileSync(full))
    }
  }
  buildInputs.forEach(add)
  return hash.digest('hex')
}

/**
 * Builds the app for production (`next build`) once for all browser suites: the first suite
 * to get here builds while the others wait on a lock folder; a build of the same sources
 * is reused. Tests run against what users run, and a production build serves every page
 * at once, where `next dev` compiles each on its first request (minutes on a busy machine).
 */
async function ensureProductionBuild(timeoutMs: number): Promise<void> {
  const stamp = buildStamp()
  const lock = path.join(projectRoot, `${buildFolder}.lock`)
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (existsSync(buildStampFile) && readFileSync(buildStampFile, 'utf8') === stamp) {
      return
    }
    try {
      mkdirSync(lock)
      break
    } catch {
      // Another suite is building; a lock older than the timeout is left over from a killed run.
      if (Date.now() - statSync(lock).mtimeMs > timeoutMs) {
        rmSync(lock, { force: true, recursive: true })
      } else if (Date.now() > deadline) {
        throw new Error(`no production build within ${timeoutMs / 1000} s`)
      }
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
  }
  try {
    const scratch = mkdtempSync(path.join(tmpdir(), 'verdicts-build-'))
    const result = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/next/dist/bin/next'), 'build'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: {
        ...process.env,
        // Building loads the config; it needs a secret and a database, neither of which it keeps.
        DATABASE_URI: `file:${path.join(scratch, 'build.db')}`,
        NEXT_DIST_DIR: buildFolder,
        NEXT_TELEMETRY_DISABLED: '1',
        NODE_ENV: 'production',
        NODE_OPTIONS: '--no-deprecation',
        PAYLOAD_SECRET: testServerSecret,
      },
      maxBuffer: 64 * 1024 * 1024,
      timeout: timeoutMs,
    })
    rmSync(scratch, { force: true, recursive: true })
    if (result.status !== 0) {
      throw new Error(`next build failed (${result.status}):\n${result.stdout}\n${result.stderr}`)
    }
    writeFileSync(buildStampFile, stamp)
  } finally {
    rmSync(lock, { force: true, recursive: true })
  }
}

/** The browser suites' servers sign sessions with this. */
const testServerSecret = 'verdicts-browser-test-secret-0123456789'

/**
 * Starts the real app as production runs it (`npm start`: server.ts over a `next build`)
 * on a free port and a given database, and waits until its API answers and every page in
 * `warm` has been served once.
 */
export async function startAppServer(
  databaseUri: string,
  { env = {} as Record<string, string>, timeoutMs = 600_000, warm = [] as string[] } = {},
): Promise<AppServer> {
  await ensureProductionBuild(timeoutMs)
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(
    process.execPath,
    ['--conditions=production', path.join(projectRoot, 'scripts/runTs.mjs'), 'server.ts'],
    {
      cwd: projectRoot,
      detached: true,
      env: {
        ...process.env,
        DATABASE_URI: databaseUri,
        HOSTNAME: '127.0.0.1',
        NEXT_DIST_DIR: buildFolder,
        NEXT_TELEMETRY_DISABLED: '1',
        NODE_ENV: 'production',
        NODE_OPTIONS: '--no-deprecation',
        PAYLOAD_SECRET: testServerSecret,
        PORT: String(port),
        SERVER_URL: url,
        // Rate-limit counters in Redis outlive the server (a new-voter allowance lasts a
        // day): each server counts in a namespace of its own, so one run's votes from
        // 127.0.0.1 never refuse the next run's. The multi-process suite passes one shared
        // prefix in `env`, as a deployment's processes share theirs.
        REDIS_KEY_PREFIX: uniqueRedisPrefix(),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))

  const exited = new Promise<ServerExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  const end = (signal: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid!, signal)
    }
    return exited
  }
  const stop = end('SIGTERM')

  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the production server exited with ${child.exitCode}:\n${output}`)
    }
    try {
      const response = await fetch(`${url}/api/tools?limit=1`)
      if (response.ok) {
        for (const page of warm) {
          await fetch(`${url}${page}`, { signal: AbortSignal.timeout(Math.max(1000, deadline - Date.now())) })
        }
        return { kill: end('SIGKILL'), output: () => output, stop, url }
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  await stop()
  throw new Error(`the production server did not answer within ${timeoutMs / 1000} s:\n${output}`)
}

/** Debian's Chromium, or the one CHROMIUM_PATH names; null when there is none. */
export function chromiumPath(): null | string {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  return existsSync(candidate) ? candidate : null
}

/** A demo account's JWT, from the app's login endpoint. */
export async function apiLogin(serverUrl: string, email: string): Promise<string> {
  const response = await fetch(`${serverUrl}/api/users/login`, {
    body: JSON.stringify({ email, password: demoPassword }),
    headers: { 'Content-Type': 'application/json' },
    method: 'POST',
  })
  return ((await response.json()) as { token: string }).token
}
