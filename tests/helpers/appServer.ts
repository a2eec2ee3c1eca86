import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'

const projectRoot = path.resolve(import.meta.dirname, '../..')

export type AppServer = { stop: () => Promise<void>; url: string }

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

export type CliRun = { status: null | number; stderr: string; stdout: string }

/** Runs the verdicts CLI against a database, as `npm run verdicts -- …` would, whatever its exit code. */
export function runCliProcess(args: string[], databaseUri: string): CliRun {
  const result = spawnSync(process.execPath, ['--conditions=production', path.join(projectRoot, 'scripts/runTs.mjs'), 'src/demo/cli/index.ts', ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URI: databaseUri, NODE_ENV: 'development', NODE_OPTIONS: '' },
  })
  return { status: result.status, stderr: result.stderr, stdout: result.stdout }
}

/** Runs the verdicts CLI and returns its stdout; a non-zero exit fails. */
export function runCli(args: string[], databaseUri: string): string {
  const result = runCliProcess(args, databaseUri)
  if (result.status !== 0) {
    throw new Error(`verdicts ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`)
  }
  return result.stdout
}

/**
 * Starts the real app (`next dev`) on a free port and a given database, in its own build
 * folder (one per suite), and waits until its API answers and every page in `warm` has been compiled
 * (a cold compile of the admin can take minutes on a busy two-core machine).
 */
export async function startAppServer(
  databaseUri: string,
  { buildFolder = '.next-test', timeoutMs = 420_000, warm = [] as string[] } = {},
): Promise<AppServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [path.join(projectRoot, 'node_modules/next/dist/bin/next'), 'dev', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: projectRoot,
    detached: true,
    env: {
      ...process.env,
      DATABASE_URI: databaseUri,
      // Suites running side by side each need their own build folder.
      NEXT_DIST_DIR: buildFolder,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'development',
      NODE_OPTIONS: '--no-deprecation',
      SERVER_URL: url,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))

  const stop = async () => {
    if (child.exitCode === null) {
      process.kill(-child.pid!, 'SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
    }
  }

  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`next dev exited with ${child.exitCode}:\n${output}`)
    }
    try {
      const response = await fetch(`${url}/api/tools?limit=1`)
      if (response.ok) {
        for (const page of warm) {
          await fetch(`${url}${page}`, { signal: AbortSignal.timeout(Math.max(1000, deadline - Date.now())) })
        }
        return { stop, url }
      }
    } catch {
      // not listening (or compiling) yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  await stop()
  throw new Error(`next dev did not answer within ${timeoutMs / 1000} s:\n${output}`)
}

/** Debian's Chromium, or the one CHROMIUM_PATH names; null when there is none. */
export function chromiumPath(): null | string {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  return existsSync(candidate) ? candidate : null
}
