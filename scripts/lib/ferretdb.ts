import { execFileSync, spawn } from 'node:child_process'
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { homedir, tmpdir } from 'node:os'
import path from 'node:path'

import { freePort } from '../../tests/helpers/appServer.ts'
import { say } from './runJest.ts'

/** v1 is FerretDB's last line that stores data in SQLite files, so it needs no other server. */
export const ferretdbVersion = 'v1.24.2'
const ferretdbModule = 'github.com/FerretDB/FerretDB'

/** Outside the clone, so that CI (a fresh clone on the same machine) builds it only once. */
export function ferretdbBinaryPath(env = process.env): string {
  const cache = env.VERDICTS_CACHE_DIR ?? path.join(homedir(), '.cache', 'verdicts-cms')
  return path.join(cache, `ferretdb-${ferretdbVersion}`, 'ferretdb')
}

export function hasGo(): boolean {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/**
 * Builds FerretDB from its module source (the Go module proxy), once. Not `go install
 * …@v1.24.2`: that first asks the proxy for the module's version list (to look for a
 * deprecation notice), which some proxies refuse, and its binary panics at start because
 * the release's version file (build/version/version.txt) is empty in the module source.
 */
export function ensureFerretdbBinary(): string {
  const binary = ferretdbBinaryPath()
  if (existsSync(binary)) {
    return binary
  }
  if (!hasGo()) {
    throw new Error(
      `FerretDB is not built yet (${binary}) and there is no \`go\` to build it; install Go or set MONGODB_URI.`,
    )
  }
  const goEnv = { ...process.env, GOFLAGS: '-mod=readonly', GOTOOLCHAIN: 'local' }
  say(`building FerretDB ${ferretdbVersion} into ${path.dirname(binary)} (once; a minute or two)…`)
  const started = Date.now()
  const download = JSON.parse(
    execFileSync('go', ['mod', 'download', '-json', `${ferretdbModule}@${ferretdbVersion}`], {
      encoding: 'utf8',
      env: goEnv,
    }),
  ) as { Dir?: string; Error?: string }
  if (!download.Dir) {
    throw new Error(
      `go mod download ${ferretdbModule}@${ferretdbVersion} failed: ${download.Error ?? 'no source folder'}`,
    )
  }
  const source = mkdtempSync(path.join(tmpdir(), 'verdicts-ferretdb-src-'))
  try {
    cpSync(download.Dir, source, { recursive: true })
    // The module cache's files are read-only, and the release's version.txt is not in it.
    const versionFolder = path.join(source, 'build', 'version')
    chmodSync(versionFolder, 0o755)
    writeFileSync(path.join(versionFolder, 'version.txt'), `${ferretdbVersion}\n`)
    mkdirSync(path.dirname(binary), { recursive: true })
    // Built beside its final name and renamed, so a run in parallel never starts half a file.
    const partial = `${binary}.${process.pid}.partial`
    execFileSync('go', ['build', '-o', partial, './cmd/ferretdb'], {
      cwd: source,
      env: goEnv,
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    renameSync(partial, binary)
  } finally {
    // Copied from the read-only module cache, the folders must be made writable to be removed.
    execFileSync('chmod', ['-R', 'u+w', source])
    rmSync(source, { force: true, recursive: true })
  }
  say(`built FerretDB in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  return binary
}

async function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

export type FerretdbServer = { stop: () => Promise<void>; uri: string }

/**
 * Starts FerretDB with its SQLite handler on a free loopback port, its data in a fresh
 * temporary folder, and waits until it accepts connections. `stop()` ends it and removes
 * the folder; if this process exits first, the server is killed all the same.
 */
export async function startFerretdb(binary: string): Promise<FerretdbServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'verdicts-ferretdb-'))
  const port = await freePort()
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      // Writers to one SQLite file take turns. Under 100 concurrent publishes FerretDB's
      // defaults (deferred transactions, 10 s busy timeout) fail some with SQLITE_BUSY:
      // take the write lock when a transaction begins, and wait up to 60 s for it.
      `--sqlite-url=file:${dataDir}/?_txlock=immediate&_pragma=busy_timeout(60000)`,
      `--state-dir=${dataDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  let log = ''
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)

  const stop = async () => {
    process.off('exit', killOnExit)
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    }
    rmSync(dataDir, { force: true, recursive: true })
  }

  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop()
      throw new Error(`FerretDB exited with ${child.exitCode} before accepting connections:\n${log}`)
    }
    if (await accepts(port)) {
      return { stop, uri: `mongodb://127.0.0.1:${port}/` }
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  await stop()
  throw new Error(`FerretDB did not accept connections on 127.0.0.1:${port} within 30 s:\n${log}`)
}
