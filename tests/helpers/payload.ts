import type { Payload } from 'payload'

import { buildConfig, getPayload } from 'payload'

import type { VerdictsPluginOptions } from '../../src/options'

import { createAppConfig } from '../../src/appConfig'
import { testDatabaseAdapter } from './database'

export const testSecret = 'verdicts-test-secret'

/**
 * Boots the app's config on a fresh database for one suite. It is Payload's default
 * instance in this test file, so the REST handlers in `rest.ts` use it too.
 * End every suite with `payload.destroy()`.
 */
export async function startTestPayload(suite: string, plugin?: VerdictsPluginOptions): Promise<Payload> {
  const config = await buildConfig(
    createAppConfig({ db: testDatabaseAdapter(suite), plugin, secret: testSecret }),
  )
  return getPayload({ config, cron: false })
}
