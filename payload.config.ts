import { buildConfig } from 'payload'

import { createAppConfig, resolveSecret } from './src/demo/appConfig.js'
import { databaseAdapterFor, resolveDatabaseTarget } from './src/demo/database.js'
import { createCaptureEmail } from './src/email/captureEmailAdapter.js'
import { seedDemoOnFirstDevStart } from './src/demo/devStart.js'
import { ensureSiteSubscription } from './src/site/siteSubscription.js'

const database = resolveDatabaseTarget(process.env.DATABASE_URI)

export default buildConfig(
  createAppConfig({
    db: databaseAdapterFor(database),
    // Workflow mail is printed to the server log, not sent. A deployment passes a real
    // adapter here (for example @payloadcms/email-nodemailer).
    email: createCaptureEmail({ print: true }).adapter,
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
