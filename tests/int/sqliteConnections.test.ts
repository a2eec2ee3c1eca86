import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readlinkSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { categoryData } from '../helpers/createData.ts'
import { testDatabaseUri } from '../helpers/database.ts'
import { slugs } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'

/** How many of this process's open files are `file` (Linux: /proc/self/fd). */
function openHandlesOf(file: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file
    } catch {
      return false // closed since it was listed
    }
  }).length
}

describe('SQLite connections', () => {
  it('stay few however many transactions a process runs (libsql kept one open per transaction)', async () => {
    const databaseUri = testDatabaseUri('sqlite-connections')
    const payload = await startTestPayload('sqlite-connections', { databaseUri })
    try {
      if (!databaseUri.startsWith('file:')) {
        return
      }
      expect(existsSync('/proc/self/fd')).toBe(process.platform === 'linux')
      if (process.platform !== 'linux') {
        return
      }
      const file = fileURLToPath(databaseUri)
      await payload.create({ collection: slugs.categories, data: categoryData({ name: 'Warm-up' }) })
      const before = openHandlesOf(file)
      for (let index = 0; index < 30; index += 1) {
        // Each create is one write transaction.
        await payload.create({ collection: slugs.categories, data: categoryData({ name: `Category ${index}` }) })
      }
      expect(openHandlesOf(file) - before).toBeLessThanOrEqual(1)
    } finally {
      await payload.destroy()
    }
  }, 60_000)
})
