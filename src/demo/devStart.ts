import type { Payload } from 'payload'

import type { DatabaseTarget } from './database.ts'

import { collectionSlugsOf } from '../pluginOptions.ts'
import { formatDemoLogins, formatSeedSummary, seedDemoContent } from './seedDemoContent.ts'

/**
 * On `npm run dev` against the embedded default database: seed the demo content when the
 * database is empty and print the demo logins with it (once: the first seed). The admin's
 * URL is printed by `npm run dev` itself once the admin is compiled (scripts/dev.ts). A
 * database named by DATABASE_URI is never touched.
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
  if (users.totalDocs === 0 && tools.totalDocs === 0) {
    payload.logger.info(`Empty database at ${target.path}: adding demo content.`)
    const summary = await seedDemoContent(payload, (line) => payload.logger.info(line))
    payload.logger.info(`Demo content ready:\n${formatSeedSummary(summary)}`)
    // The logins once, with the seed that made them (README, Quick start, has them too).
    payload.logger.info(`\n${formatDemoLogins()}`)
  }
}
