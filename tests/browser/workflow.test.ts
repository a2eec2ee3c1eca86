import type { Browser } from 'playwright-core'

import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { mkdirSync } from 'node:fs'
import path from 'node:path'

import type { AppServer } from '../helpers/appServer.ts'

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
 * The reviewer and the editor in the real admin, in real Chromium: the reviewer approves
 * a verdict that awaits them, the editor publishes it. Needs Debian's chromium (or
 * CHROMIUM_PATH); CI installs it. Without it the suite is skipped, and says so.
 */
let server: AppServer
let browser: Browser
let verdictId: number | string

const apiLogin = (email: string) => apiLoginAt(server.url, email)
const adminLogin = (email: string) => adminLoginAt(browser, server.url, email)

describeInBrowser()('the workflow in the admin', () => {
  beforeAll(async () => {
    // Its own database on whichever backend the run uses (a SQLite file by default).
    const databaseUri = testDatabaseUri('browser-workflow')
    runCli(['seed'], databaseUri)
    server = await startAppServer(databaseUri, { warm: ['/admin/login', '/admin'] })
    browser = await launchChromium()
    mkdirSync(artifactsFolder, { recursive: true })

    // An editor drafts a verdict for The Futurist on OpenRouter and submits it.
    const editorToken = await apiLogin('editor@verdicts.test')
    const headers = { Authorization: `JWT ${editorToken}`, 'Content-Type': 'application/json' }
    const lookup = async (collection: string, slug: string) =>
      (
        (await (await fetch(`${server.url}/api/${collection}?where[slug][equals]=${slug}`, { headers })).json()) as {
          docs: Array<{ id: number }>
        }
      ).docs[0].id
    const created = await fetch(`${server.url}/api/verdicts?draft=true`, {
      body: JSON.stringify({
        decision: 'ship',
        quote: {
          root: {
            children: [
              {
                children: [{ text: 'Routing is the new default.', type: 'text', version: 1 }],
                type: 'paragraph',
                version: 1,
              },
            ],
            type: 'root',
            version: 1,
          },
        },
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
    await page.screenshot({ path: path.join(artifactsFolder, 'workflow-dashboard.png') })
    await awaiting.click()
    await page.getByTestId('workflow-stage').waitFor({ timeout: 120_000 })
    expect(await page.getByTestId('workflow-stage').textContent()).toBe('In review')
    expect(await page.locator('#workflow-action-publish').count()).toBe(0)

    await page.locator('#workflow-action-approve').click()
    await page.getByTestId('workflow-stage').filter({ hasText: 'Approved' }).waitFor({ timeout: 60_000 })
    await page.screenshot({ path: path.join(artifactsFolder, 'workflow-approved.png') })
    await page.context().close()
  }, 300_000)

  it('an editor publishes it, and the public API shows it', async () => {
    const page = await adminLogin('editor@verdicts.test')
    await page.goto(`${server.url}/admin/collections/verdicts/${verdictId}`)
    await page.getByTestId('workflow-stage').filter({ hasText: 'Approved' }).waitFor({ timeout: 120_000 })
    expect(await page.locator('#workflow-action-approve').count()).toBe(0)

    await page.locator('#workflow-action-publish').click()
    await page.getByTestId('workflow-stage').filter({ hasText: 'Published' }).waitFor({ timeout: 60_000 })
    await page.screenshot({ path: path.join(artifactsFolder, 'workflow-published.png') })
    await page.context().close()

    const publicRead = await fetch(`${server.url}/api/verdicts/${verdictId}`)
    expect(publicRead.status).toBe(200)
    expect(((await publicRead.json()) as { _status: string })._status).toBe('published')
  }, 300_000)
})
