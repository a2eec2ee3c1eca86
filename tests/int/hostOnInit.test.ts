import type { Payload } from 'payload'

import { afterAll, expect, it } from '@jest/globals'
import { buildConfig, getPayload } from 'payload'

import { createAppConfig } from '../../src/demo/appConfig.ts'
import { createCaptureEmail } from '../../src/email/captureEmailAdapter.ts'
import { categoryData, toolData } from '../helpers/createData.ts'
import { testDatabaseAdapter, testDatabaseUri } from '../helpers/database.ts'
import { slugs } from '../helpers/fixtures.ts'
import { testSecret } from '../helpers/payload.ts'

/**
 * A host app's own onInit runs before the plugin's (so the plugin's commit hooks are not
 * there yet) and may write content: `npm run dev` seeds the demo content there. On SQLite
 * the first tool used to wait for the write lock its own transaction held, and the seed
 * failed after 10 s, leaving the demo empty.
 */
let payload: Payload | undefined

afterAll(async () => {
  await payload?.destroy()
})

it("a host's onInit writes content through the plugin's hooks", async () => {
  const app = createAppConfig({
    db: testDatabaseAdapter(testDatabaseUri('host-on-init')),
    email: createCaptureEmail().adapter,
    secret: testSecret,
  })
  const config = await buildConfig({
    ...app,
    onInit: async (instance) => {
      const category = (await instance.create({
        collection: slugs.categories,
        data: categoryData({ name: 'Seeded in onInit' }),
      })) as unknown as { id: number }
      await instance.create({
        collection: slugs.tools,
        data: toolData({ category: category.id, name: 'Seeded Tool', pricing: { tier: 'free' } }),
      })
    },
  })
  const started = Date.now()
  payload = await getPayload({ config, cron: false })
  expect(Date.now() - started).toBeLessThan(30_000)
  const { docs } = await payload.find({ collection: slugs.tools, where: { name: { equals: 'Seeded Tool' } } })
  expect(docs).toHaveLength(1)
})
