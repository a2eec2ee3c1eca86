/**
 * `npm run check:migrations`: fails when the collections changed without a migration.
 * For SQLite (a scratch file) and PostgreSQL (a scratch database on POSTGRES_URL, when a
 * server answers; under CI=true it must) it asks Payload for a migration from the last
 * committed one (`payload migrate:create --skip-empty`): a schema that matches writes
 * nothing; one that does not writes a file, which this removes again before failing.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { migrationFolders } from '../src/demo/database.ts'
import { newTestRunId, testDatabasePrefix } from '../tests/helpers/database.ts'
import { projectRoot, say, withoutCredentials } from './lib/runJest.ts'
import { openServer } from './lib/testDatabases.ts'

/** Whether Payload would write a migration for `databaseUri`; removes any it wrote. */
function pendingSchemaChange(folder: string, databaseUri: string): null | string {
  const before = new Set(readdirSync(folder))
  // migrate:create rewrites the folder's index.ts to list the file it writes; kept as it was
  // (uncommitted entries included) and put back below.
  const index = path.join(folder, 'index.ts')
  const indexBefore = readFileSync(index, 'utf8')
  const result = spawnSync(
    process.execPath,
    [path.join(projectRoot, 'node_modules/payload/bin.js'), 'migrate:create', 'uncommitted', '--skip-empty'],
    {
      cwd: projectRoot,
      encoding: 'utf8',
      env: {
        ...process.env,
        DATABASE_URI: databaseUri,
        NODE_OPTIONS: '--conditions=production --no-deprecation',
        PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'verdicts-check-migrations-secret',
      },
    },
  )
  if (result.status !== 0) {
    throw new Error(`payload migrate:create failed (${result.status}):\n${result.stdout}\n${result.stderr}`)
  }
  const written = readdirSync(folder).filter((file) => !before.has(file))
  for (const file of written) {
    rmSync(path.join(folder, file), { force: true })
  }
  writeFileSync(index, indexBefore)
  return written.length > 0 ? written.join(', ') : null
}

async function main(): Promise<number> {
  const problems: string[] = []
  const scratch = mkdtempSync(path.join(tmpdir(), 'verdicts-migrations-'))
  try {
    const sqlite = pendingSchemaChange(migrationFolders.sqlite, `file:${path.join(scratch, 'check.db')}`)
    if (sqlite) {
      problems.push(`SQLite: the collections differ from migrations/sqlite (Payload would write ${sqlite})`)
    }
  } finally {
    rmSync(scratch, { force: true, recursive: true })
  }

  const serverUri = process.env.POSTGRES_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/test'
  let server: Awaited<ReturnType<typeof openServer>> | undefined
  try {
    server = await openServer('postgres', serverUri)
  } catch (error) {
    const message = `PostgreSQL at ${withoutCredentials(serverUri)} is not reachable (${(error as Error).message})`
    if (process.env.CI === 'true') {
      problems.push(`${message}: cannot check migrations/postgres`)
    } else {
      say(`${message}: migrations/postgres NOT checked`)
    }
  }
  if (server) {
    const name = `${testDatabasePrefix}migrations_${newTestRunId()}`
    const url = new URL(serverUri)
    url.pathname = `/${name}`
    try {
      const postgres = pendingSchemaChange(migrationFolders.postgres, url.toString())
      if (postgres) {
        problems.push(`PostgreSQL: the collections differ from migrations/postgres (Payload would write ${postgres})`)
      }
    } finally {
      await server.drop(name)
      await server.close()
    }
  }

  for (const problem of problems) {
    say(problem)
  }
  if (problems.length > 0) {
    say('Create the migrations (README, Deploying: "Migrations") and commit them.')
    return 1
  }
  say('migrations match the collections (SQLite and PostgreSQL)')
  return 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    say(error instanceof Error ? (error.stack ?? error.message) : String(error))
    process.exit(1)
  },
)
