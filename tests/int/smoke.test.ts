import { afterAll, beforeAll, expect, it } from '@jest/globals'
import type { Payload } from 'payload'
import { startTestPayload } from '../helpers/payload'
import { seedDemoContent } from '../../src/seed/seedDemoContent'

let payload: Payload
beforeAll(async () => { payload = await startTestPayload('smoke') })
afterAll(async () => { await payload?.destroy() })
it('boots', async () => {
  const summary = await seedDemoContent(payload, console.log)
  console.log(summary)
  const m = await payload.find({ collection: 'matchups' as never })
  console.log(JSON.stringify(m.docs[0], null, 1).slice(0, 1500))
  expect(m.totalDocs).toBe(5)
})
