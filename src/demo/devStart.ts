import type { Payload } from 'payload'

import type { DatabaseTarget } from './database.ts'

import { collectionSlugsOf } from '../pluginOptions.ts'
import { formatDemoLogins, formatSeedSummary, seedDemoContent } from './seedDemoContent.ts'

const printedFlag = Symbol.for('verdicts-cms.demo-logins-printed')
type GlobalWithFlag = typeof globalThis & { [printedFlag]?: boolean }

/**
 * On `npm run dev` against the embedded default database: seed the demo content when the
 * database is empty and print the demo logins with it (once: the first seed); later starts
 * print the admin's URL (SERVER_URL, else localhost on PORT). A database named by
 * DATABASE_URI is never touched.
 */
export async function seedDemoOnFirstDevStart(payload: Payload, target: DatabaseTarget): Promise<void> {
  const isDevServer = process.env.NODE_ENV === 'development'
  const optedOut = process.env.VERDICTS_DEMO_SEED === 'false'
  if (!isDevServer || optedOut || target.kind !== 'sqlite' || !target.isDefault) {
    return
  }
  const slugs = collectionSlugsOf(payload)
  const [users, tools] = await Promise.all([
    payload.count({ collection: slugs.users }),
    payload.count({ collection: slugs.tools }),
  ])
  const global = globalThis as GlobalWithFlag
  const adminUrl = `${process.env.SERVER_URL ?? `http://localhost:${process.env.PORT ?? 3000}`}/admin`
  if (users.totalDocs === 0 && tools.totalDocs === 0) {
    payload.logger.info(`Empty database at ${target.path}: adding demo content.`)
    const summary = await seedDemoContent(payload, (line) => payload.logger.info(line))
    payload.logger.info(`Demo content ready:\n${formatSeedSummary(summary)}`)
    // The logins once, with the seed that made them; later starts print only where to go.
    payload.logger.info(`\n${formatDemoLogins()}\n  Admin: ${adminUrl}`)
    global[printedFlag] = true
    return
  }
  if (!global[printedFlag]) {
    global[printedFlag] = true
    payload.logger.info(`Admin: ${adminUrl} (demo logins: see README, Quick start)`)
  }
}
