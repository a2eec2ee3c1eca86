import { describe } from '@jest/globals'
import path from 'node:path'

import { chromiumPath } from './appServer.ts'

// Signing in over the API needs no browser; it lives beside the app server (the bench uses it).
export { apiLogin } from './appServer.ts'
// Chromium itself is started without jest, so the admin bench shares these.
export { adminLogin, launchChromium } from './chromium.ts'

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
