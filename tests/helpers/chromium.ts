import type { Browser, BrowserContext, Page } from 'playwright-core'

import { chromium } from 'playwright-core'

import { demoPassword } from '../../src/demo/demoContent.ts'
import { chromiumPath } from './appServer.ts'

/** The browser suites' and the admin bench's Chromium, without jest (bench/admin.ts loads it). */

/** Headless Chromium with the flags these machines need (no sandbox, no background network). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu'],
    executablePath: chromiumPath()!,
  })
}

/** A new context signed in to the admin as a demo account, on the dashboard. */
export async function adminLogin(browser: Browser, serverUrl: string, email: string): Promise<Page> {
  const context: BrowserContext = await browser.newContext({ viewport: { height: 1000, width: 1400 } })
  const page = await context.newPage()
  // Generous for a loaded two-core CI machine; a production build answers in well under that.
  page.setDefaultTimeout(60_000)
  page.setDefaultNavigationTimeout(60_000)
  await page.goto(`${serverUrl}/admin/login`)
  await page.fill('#field-email', email)
  await page.fill('#field-password', demoPassword)
  await page.click('button[type=submit]')
  await page.waitForURL(/\/admin$/, { timeout: 60_000 })
  return page
}
