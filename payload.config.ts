import { buildConfig } from 'payload'

import { createAppConfig, resolveSecret } from './src/appConfig'
import { databaseAdapterFor, resolveDatabaseTarget } from './src/database'
import { seedDemoOnFirstDevStart } from './src/seed/devStart'

const database = resolveDatabaseTarget(process.env.DATABASE_URI)

export default buildConfig(
  createAppConfig({
    db: databaseAdapterFor(database),
    onInit: (payload) => seedDemoOnFirstDevStart(payload, database),
    secret: resolveSecret(),
    serverURL: process.env.SERVER_URL,
  }),
)
