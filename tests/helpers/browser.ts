import type { Browser, BrowserContext, Page } from 'playwright-core'

import { describe } from '@jest/globals'
import path from 'node:path'
import { chromium } from 'playwright-core'

import { demoPassword } from '../../src/demo/demoContent.ts'
import { chromiumPath } from './appServer.ts'

// Signing in over the API needs no browser; it lives beside the app server (the bench uses it).
export { apiLogin } from './appServer.ts'

/** Where browser suites save screenshots (CI keeps the folder as an artifact). */
export const artifactsFolder = path.resolve(import.meta.dirname, '../../test-artifacts')

/**
 * `describe` when Chromium is present. Without it the suite is skipped and says so, except
 * under CI, where a missing browser is a failure (CI installs Debian's chromium).
 */
export function describeInBrowser(): typeof describe | typeof describe.skip {
  if (chromiumPath()) {
    return describe
  }
  const message = 'browser tests: no Chromium at /usr/bin/chromium or CHROMIUM_PATH'
  if (process.env.CI) {
    throw new Error(`${message}; CI must install it (apt-get install chromium).`)
  }
  console.warn(`SKIPPED ${message}. Install Debian's chromium to run them.`)
  return describe.skip
}

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
