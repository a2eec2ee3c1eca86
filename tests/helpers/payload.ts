import type { EmailAdapter, Payload } from 'payload'

import { BasePayload, buildConfig, getPayload } from 'payload'

import type { VerdictsPluginOptions } from '../../src/options.ts'

import { createAppConfig } from '../../src/demo/appConfig.ts'
import { createCaptureEmail } from '../../src/email/captureEmailAdapter.ts'
import { testDatabaseAdapter, testDatabaseUri } from './database.ts'

export const testSecret = 'verdicts-test-secret'

type StartOptions = {
  /** Share an existing test database instead of creating one for the suite. */
  databaseUri?: string
  /** Where mail goes; by default it is captured and dropped. */
  email?: EmailAdapter
  plugin?: VerdictsPluginOptions
}

async function testConfig(databaseUri: string, options: Omit<StartOptions, 'databaseUri'> = {}) {
  return buildConfig(
    createAppConfig({
      db: testDatabaseAdapter(databaseUri),
      email: options.email ?? createCaptureEmail().adapter,
      plugin: options.plugin,
      secret: testSecret,
    }),
  )
}

/**
 * Boots the app's config on a fresh database for one suite. It is Payload's default
 * instance in this test file, so the REST handlers in `rest.ts` use it too.
 * End every suite with `payload.destroy()`.
 */
export async function startTestPayload(suite: string, options: StartOptions = {}): Promise<Payload> {
  const config = await testConfig(options.databaseUri ?? testDatabaseUri(suite), options)
  return getPayload({ config, cron: false })
}

/** Another Payload instance on the same database, as a second server process would be. */
export async function startSecondInstance(databaseUri: string, plugin?: VerdictsPluginOptions): Promise<Payload> {
  const payload = new BasePayload()
  await payload.init({ config: await testConfig(databaseUri, { plugin }), cron: false })
  return payload
}
