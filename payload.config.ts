import { buildConfig } from 'payload'

import { createAppConfig, pluginOptionsFromEnv, resolveSecret } from './src/demo/appConfig.ts'
import { databaseAdapterFor, resolveDatabaseTarget } from './src/demo/database.ts'
import { emailAdapterFromEnv } from './src/email/smtpEmailAdapter.ts'
import { seedDemoOnFirstDevStart } from './src/demo/devStart.ts'
import { ensureSiteSubscription } from './src/site/siteSubscription.ts'

const database = resolveDatabaseTarget(process.env.DATABASE_URI)

export default buildConfig(
  createAppConfig({
    db: databaseAdapterFor(database),
    // SMTP_URL sends all mail (workflow, newsletter) through that server; unset, mail is
    // printed to the server log, not sent.
    email: emailAdapterFromEnv(),
    // Deployment settings from the environment (README, Deploying).
    plugin: pluginOptionsFromEnv(),
    onInit: async (payload) => {
      await seedDemoOnFirstDevStart(payload, database)
      // Only the Next.js server serves /compare; the CLI and scripts leave webhooks alone.
      if (process.env.NEXT_RUNTIME) {
        await ensureSiteSubscription(payload)
      }
    },
    secret: resolveSecret(),
    serverURL: process.env.SERVER_URL,
  }),
)
