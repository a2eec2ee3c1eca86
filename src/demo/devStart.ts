import type { Payload } from 'payload'

import type { DatabaseTarget } from './database.ts'

import { collectionSlugsOf } from '../pluginOptions.ts'
import { demoUsers } from './demoContent.ts'
import { formatDemoLogins, formatSeedSummary, seedDemoContent } from './seedDemoContent.ts'

const printedFlag = Symbol.for('verdicts-cms.demo-logins-printed')
type GlobalWithFlag = typeof globalThis & { [printedFlag]?: boolean }

/**
 * On `npm run dev` against the embedded default database: seed the demo content when the
 * database is empty, and print the demo logins once per server process. A database named
 * by DATABASE_URI is never touched.
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
  if (users.totalDocs === 0 && tools.totalDocs === 0) {
    payload.logger.info(`Empty database at ${target.path}: adding demo content.`)
    const summary = await seedDemoContent(payload, (line) => payload.logger.info(line))
    payload.logger.info(`Demo content ready:\n${formatSeedSummary(summary)}`)
  } else {
    const demoAdmin = await payload.count({
      collection: slugs.users,
      where: { email: { equals: demoUsers[0].email } },
    })
    if (demoAdmin.totalDocs === 0) {
      return
    }
  }
  if (!global[printedFlag]) {
    global[printedFlag] = true
    payload.logger.info(`\n${formatDemoLogins()}\n  Admin: ${process.env.SERVER_URL ?? 'http://localhost:3000'}/admin`)
  }
}
