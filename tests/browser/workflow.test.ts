import type { Browser, Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'

import type { AppServer } from '../helpers/appServer'

import { demoPassword } from '../../src/seed/demoContent'
import { chromiumPath, runCli, startAppServer } from '../helpers/appServer'
import { testDatabaseUri } from '../helpers/database'

/**
 * The reviewer and the editor in the real admin, in real Chromium: the reviewer approves
 * a verdict that awaits them, the editor publishes it. Needs Debian's chromium (or
 * CHROMIUM_PATH); CI installs it. Without it the suite is skipped, and says so.
 */
const browserPath = chromiumPath()
const artifacts = path.resolve(import.meta.dirname, '../../test-artifacts')

if (!browserPath) {
  const message = 'browser tests: no Chromium at /usr/bin/chromium or CHROMIUM_PATH'
  if (process.env.CI) {
    throw new Error(`${message}; CI must install it (apt-get install chromium).`)
  }
  console.warn(`SKIPPED ${message}. Install Debian's chromium to run them.`)
}
const describeInBrowser = browserPath ? describe : describe.skip

let server: AppServer
let browser: Browser
let verdictId: number | string

async function apiLogin(email: string): Promise<string> {
  const response = await fetch(`${server.url}/api/users/login`, {
    body: JSON.stringify({ email, password: demoPassword }),
    headers: { 'Content-Type': 'application/json' },
    method: 'POST',
  })
  return ((await response.json()) as { token: string }).token
}

async function adminLogin(email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { height: 1000, width: 1400 } })
  const page = await context.newPage()
  // Pages compile on first use under `next dev`; on a loaded CI machine that takes a while.
  page.setDefaultTimeout(180_000)
  page.setDefaultNavigationTimeout(180_000)
  await page.goto(`${server.url}/admin/login`)
  await page.fill('#field-email', email)
  await page.fill('#field-password', demoPassword)
  await page.click('button[type=submit]')
  await page.waitForURL(/\/admin$/, { timeout: 120_000 })
  return page
}

describeInBrowser('the workflow in the admin', () => {
  beforeAll(async () => {
    // Its own database on whichever backend the run uses (a SQLite file by default).
    const databaseUri = testDatabaseUri('browser-workflow')
    runCli(['seed'], databaseUri)
    server = await startAppServer(databaseUri, { warm: ['/admin/login', '/admin'] })
    browser = await chromium.launch({
      args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu'],
      executablePath: browserPath!,
    })
    mkdirSync(artifacts, { recursive: true })

    // An editor drafts a verdict for The Futurist on OpenRouter and submits it.
    const editorToken = await apiLogin('editor@verdicts.test')
    const headers = { Authorization: `JWT ${editorToken}`, 'Content-Type': 'application/json' }
    const lookup = async (collection: string, slug: string) =>
      ((await (await fetch(`${server.url}/api/${collection}?where[slug][equals]=${slug}`, { headers })).json()) as { docs: Array<{ id: number }> }).docs[0].id
    const created = await fetch(`${server.url}/api/verdicts?draft=true`, {
      body: JSON.stringify({
        decision: 'ship',
        quote: { root: { children: [{ children: [{ text: 'Routing is the new default.', type: 'text', version: 1 }], type: 'paragraph', version: 1 }], type: 'root', version: 1 } },
        reviewer: await lookup('reviewers', 'futurist'),
        tool: await lookup('tools', 'openrouter'),
      }),
      headers,
      method: 'POST',
    })
    verdictId = ((await created.json()) as { doc: { id: number } }).doc.id
    const submitted = await fetch(`${server.url}/api/verdicts/${verdictId}/workflow`, {
      body: JSON.stringify({ action: 'submit' }),
      headers,
      method: 'POST',
    })
    expect(submitted.status).toBe(200)
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('a reviewer finds the verdict awaiting approval and approves it', async () => {
    const page = await adminLogin('futurist@verdicts.test')
    const awaiting = page.getByTestId('awaiting-approval').getByRole('link', { name: 'The Futurist on OpenRouter' })
    await awaiting.waitFor({ timeout: 120_000 })
    await page.screenshot({ path: path.join(artifacts, 'workflow-dashboard.png') })
    await awaiting.click()
    await page.getByTestId('workflow-stage').waitFor({ timeout: 120_000 })
    expect(await page.getByTestId('workflow-stage').textContent()).toBe('In review')
    expect(await page.locator('#workflow-action-publish').count()).toBe(0)

    await page.locator('#workflow-action-approve').click()
    await page.getByTestId('workflow-stage').filter({ hasText: 'Approved' }).waitFor({ timeout: 60_000 })
    await page.screenshot({ path: path.join(artifacts, 'workflow-approved.png') })
    await page.context().close()
  }, 300_000)

  it('an editor publishes it, and the public API shows it', async () => {
    const page = await adminLogin('editor@verdicts.test')
    await page.goto(`${server.url}/admin/collections/verdicts/${verdictId}`)
    await page.getByTestId('workflow-stage').filter({ hasText: 'Approved' }).waitFor({ timeout: 120_000 })
    expect(await page.locator('#workflow-action-approve').count()).toBe(0)

    await page.locator('#workflow-action-publish').click()
    await page.getByTestId('workflow-stage').filter({ hasText: 'Published' }).waitFor({ timeout: 60_000 })
    await page.screenshot({ path: path.join(artifacts, 'workflow-published.png') })
    await page.context().close()

    const publicRead = await fetch(`${server.url}/api/verdicts/${verdictId}`)
    expect(publicRead.status).toBe(200)
    expect(((await publicRead.json()) as { _status: string })._status).toBe('published')
  }, 300_000)
})
