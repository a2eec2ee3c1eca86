import { buildConfig } from 'payload'

import { createAppConfig, resolveSecret } from './src/demo/appConfig.ts'
import { databaseAdapterFor, resolveDatabaseTarget } from './src/demo/database.ts'
import { createCaptureEmail } from './src/email/captureEmailAdapter.ts'
import { seedDemoOnFirstDevStart } from './src/demo/devStart.ts'
import { ensureSiteSubscription } from './src/site/siteSubscription.ts'

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
