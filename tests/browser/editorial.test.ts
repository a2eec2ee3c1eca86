import type { Browser } from 'playwright-core'

import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { mkdirSync } from 'node:fs'
import path from 'node:path'

import type { AppServer } from '../helpers/appServer.ts'
import type { Coverage } from '../../src/coverage/grid.ts'

import { runCli, startAppServer } from '../helpers/appServer.ts'
import {
  adminLogin as adminLoginAt,
  apiLogin as apiLoginAt,
  artifactsFolder,
  describeInBrowser,
  launchChromium,
} from '../helpers/browser.ts'
import { testDatabaseUri } from '../helpers/database.ts'

/**
 * The editorial additions in the real admin, in real Chromium: the dashboard's Upcoming and
 * Due for re-review lists, a matchup's coverage grid, and "Write this verdict" opening a new
 * verdict with its persona and tool filled in.
 */
let server: AppServer
let browser: Browser

describeInBrowser()('editorial depth in the admin', () => {
  beforeAll(async () => {
    const databaseUri = testDatabaseUri('browser-editorial')
    runCli(['seed'], databaseUri)
    server = await startAppServer(databaseUri, { warm: ['/admin/login', '/admin'] })
    browser = await launchChromium()
    mkdirSync(artifactsFolder, { recursive: true })
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('the dashboard lists upcoming releases and verdicts due for re-review', async () => {
    const page = await adminLoginAt(browser, server.url, 'editor@verdicts.test')
    const calendar = page.getByTestId('editorial-calendar')
    await calendar.waitFor({ timeout: 120_000 })
    expect(await calendar.getByRole('heading', { name: 'Upcoming (0)' }).count()).toBe(1)
    expect(await calendar.getByRole('heading', { name: 'Due for re-review (0)' }).count()).toBe(1)
    await page.context().close()
  }, 300_000)

  it('a matchup shows its coverage, and "Write this verdict" opens a verdict with persona and tool filled in', async () => {
    const token = await apiLoginAt(server.url, 'editor@verdicts.test')
    const headers = { Authorization: `JWT ${token}` }
    const matchups = (await (await fetch(`${server.url}/api/matchups?limit=100&depth=0`, { headers })).json()) as {
      docs: Array<{ id: number }>
    }
    // A demo matchup with a missing verdict (the demo panel has not reviewed every tool).
    let target: { coverage: Coverage; id: number } | null = null
    for (const { id } of matchups.docs) {
      const coverage = (await (
        await fetch(`${server.url}/api/matchups/${id}/coverage`, { headers })
      ).json()) as Coverage
      if (coverage.counts.missing > 0) {
        target = { coverage, id }
        break
      }
    }
    expect(target).not.toBeNull()
    const { coverage, id } = target!
    const missing = coverage.cells.find((cell) => cell.state === 'missing')!

    const page = await adminLoginAt(browser, server.url, 'editor@verdicts.test')
    await page.goto(`${server.url}/admin/collections/matchups/${id}`)
    const grid = page.locator('.coverage-grid')
    await grid.waitFor({ timeout: 120_000 })
    expect(await grid.locator('td[data-state]').count()).toBe(coverage.cells.length)
    expect(await grid.locator('td[data-state="missing"]').count()).toBe(coverage.counts.missing)
    await page.screenshot({ path: path.join(artifactsFolder, 'coverage-grid.png') })

    const link = grid.locator('td[data-state="missing"] a').first()
    expect(await link.textContent()).toBe('Write this verdict')
    const href = await link.getAttribute('href')
    expect(href).toBe(missing.href)
    await page.goto(new URL(href!, server.url).toString())
    const personaName = coverage.personas.find((persona) => persona.slug === missing.persona)!.name
    const toolName = coverage.tools.find((tool) => tool.slug === missing.tool)!.name
    await page.locator('#field-reviewer').getByText(personaName).waitFor({ timeout: 120_000 })
    await page.locator('#field-tool').getByText(toolName).waitFor({ timeout: 120_000 })
    await page.screenshot({ path: path.join(artifactsFolder, 'coverage-write-this-verdict.png') })
    await page.context().close()
  }, 300_000)
})
