import type { Payload } from 'payload'

import { BasePayload, buildConfig } from 'payload'

import type { VerdictsPluginOptions } from '../../src/options'

import { createAppConfig } from '../../src/appConfig'
import { testDatabaseAdapter } from './database'

export const testSecret = 'verdicts-test-secret'

/** Boots the app's config on a fresh test database. Call `payload.destroy()` when done. */
export async function startTestPayload(
  suite: string,
  plugin?: VerdictsPluginOptions,
): Promise<Payload> {
  const config = await buildConfig(
    createAppConfig({ db: testDatabaseAdapter(suite), plugin, secret: testSecret }),
  )
  const payload = new BasePayload()
  await payload.init({ config, cron: false })
  return payload
}
