import { sql } from '@payloadcms/db-postgres'
import { drizzle } from '@payloadcms/db-postgres/drizzle/node-postgres'
import mongoose from 'mongoose'

import { staleAfterMs, testRunStartOf } from '../../tests/helpers/database.ts'

/** The server on the machines this project is built on: trust auth, database `test`. */
export const defaultPostgresUrl = 'postgres://postgres@127.0.0.1:5432/test'

export type ServerKind = 'mongodb' | 'postgres'

type ServerDatabases = { close: () => Promise<void>; drop: (name: string) => Promise<void>; names: string[] }

async function openPostgres(serverUri: string): Promise<ServerDatabases> {
  const maintenance = new URL(serverUri)
  maintenance.pathname = '/postgres'
  const db = drizzle({
    connection: { connectionString: maintenance.toString(), connectionTimeoutMillis: 5000, max: 1 },
  })
  try {
    const result = await db.execute<{ datname: string }>(sql`SELECT datname FROM pg_database`)
    return {
      close: () => db.$client.end(),
      drop: async (name) => {
        await db.execute(sql.raw(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '')}"`))
      },
      names: result.rows.map((row) => row.datname),
    }
  } catch (error) {
    await db.$client.end()
    // drizzle wraps the driver's error; its cause says what went wrong (refused, no such role…).
    throw error instanceof Error && error.cause instanceof Error ? error.cause : error
  }
}

async function openMongo(serverUri: string): Promise<ServerDatabases> {
  const connection = await mongoose.createConnection(serverUri, { serverSelectionTimeoutMS: 5000 }).asPromise()
  const { databases } = await connection.listDatabases()
  return {
    close: () => connection.close(),
    drop: async (name) => {
      await connection.useDb(name, { noListener: true }).dropDatabase()
    },
    names: databases.map((database) => database.name),
  }
}

/** Connects and lists the databases, which also proves the server is there. */
export async function openServer(kind: ServerKind, serverUri: string): Promise<ServerDatabases> {
  return kind === 'postgres' ? openPostgres(serverUri) : openMongo(serverUri)
}

/**
 * Drops the test databases (`verdicts_test_…`) of one run, or, without a run, those that
 * runs killed more than a day ago left behind; a run going on beside this one keeps its
 * own. Call it when no process of that run is connected any more. Returns the names dropped.
 */
export async function dropTestDatabases(
  kind: ServerKind,
  serverUri: string,
  { now = Date.now(), run }: { now?: number; run?: string } = {},
): Promise<string[]> {
  const server = await openServer(kind, serverUri)
  try {
    const doomed = server.names.filter((name) => {
      const startedAt = testRunStartOf(name)
      if (startedAt === null) {
        return false
      }
      return run ? name.endsWith(`_${run}`) : now - startedAt > staleAfterMs
    })
    for (const name of doomed) {
      await server.drop(name)
    }
    return doomed
  } finally {
    await server.close()
  }
}

/**
 * After a run: drops its databases, but a server that no longer answers (or refuses) only
 * costs a warning and a minute, never the run's result.
 */
export async function dropRunDatabases(
  kind: ServerKind,
  serverUri: string,
  run: string,
  warn: (line: string) => void,
): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no answer within 60 s')), 60_000)
  })
  try {
    return await Promise.race([dropTestDatabases(kind, serverUri, { run }), timeout])
  } catch (error) {
    warn(`could not drop this run's test databases (verdicts_test_*_${run}): ${(error as Error).message}`)
    return []
  } finally {
    clearTimeout(timer)
  }
}
