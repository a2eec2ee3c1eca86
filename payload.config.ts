import { buildConfig } from 'payload'

import { createAppConfig, resolveSecret } from './src/appConfig'
import { databaseAdapterFor, resolveDatabaseTarget } from './src/database'
import { createCaptureEmail } from './src/email/captureEmailAdapter'
import { seedDemoOnFirstDevStart } from './src/seed/devStart'

const database = resolveDatabaseTarget(process.env.DATABASE_URI)

export default buildConfig(
  createAppConfig({
    db: databaseAdapterFor(database),
    // Workflow mail is printed to the server log, not sent. A deployment passes a real
    // adapter here (for example @payloadcms/email-nodemailer).
    email: createCaptureEmail({ print: true }).adapter,
    onInit: (payload) => seedDemoOnFirstDevStart(payload, database),
    secret: resolveSecret(),
    serverURL: process.env.SERVER_URL,
  }),
)
