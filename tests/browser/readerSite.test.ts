import type { Browser, BrowserContext, Page } from 'playwright-core'

import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { gzipSync } from 'node:zlib'

import type { AppServer } from '../helpers/appServer.ts'

import { shortDate } from '../../src/site/figures.ts'
import { defaultCommunityOptions } from '../../src/options.ts'
import { runCli, startAppServer } from '../helpers/appServer.ts'
import { apiLogin as apiLoginAt, describeInBrowser, launchChromium } from '../helpers/browser.ts'
import { testDatabaseUri } from '../helpers/database.ts'
import { demoMatchupSlugs } from '../helpers/demoMatchups.ts'

/**
 * The reference site as a reader uses it, in real Chromium against the production build:
 * voting on the page with JavaScript off and on, a refused vote's message, and the line
 * under a panel figure that says what it was before a publish moved it.
 */
const slug = demoMatchupSlugs.vsMistralSmall
const [leftSlug, rightSlug] = ['code-llama-4-70b-400b', 'mistral-3-small']
const { minimumVotes } = defaultCommunityOptions

let server: AppServer
let browser: Browser

async function openPage(context: BrowserContext, pagePath: string): Promise<Page> {
  const page = await context.newPage()
  page.setDefaultTimeout(120_000)
  await page.goto(`${server.url}${pagePath}`)
  return page
}

const card = (page: Page, tool: string) => page.locator(`.tool-card[data-tool="${tool}"]`)
const pressed = async (page: Page, tool: string) =>
  card(page, tool)
    .locator('.vote-button[aria-pressed="true"]')
    .evaluateAll((buttons) => buttons.map((button) => (button as HTMLButtonElement).value))
const communityLine = (page: Page, tool: string) =>
  card(page, tool).locator('[data-figure-detail="community"]').textContent()

async function api<Body = unknown>(method: string, apiPath: string, token: string, body?: unknown) {
  const response = await fetch(`${server.url}/api${apiPath}`, {
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
    method,
  })
  return { body: (await response.json()) as Body, status: response.status }
}

describeInBrowser()('the reference site for readers', () => {
  beforeAll(async () => {
    const databaseUri = testDatabaseUri('browser-reader')
    runCli(['seed'], databaseUri)
    server = await startAppServer(databaseUri, { warm: [`/compare/${slug}`] })
    browser = await launchChromium()
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('with JavaScript off, a reader votes, changes and withdraws, counting toward the minimum', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await openPage(context, `/compare/${slug}`)
    const tool = card(page, leftSlug)
    expect(await tool.locator('[data-figure="community"]').textContent()).toBe('—')
    expect(await communityLine(page, leftSlug)).toBe(`(0 of ${minimumVotes} votes needed)`)
    expect(await tool.getByRole('button', { name: 'Withdraw my vote' }).isVisible()).toBe(false)

    await tool.getByRole('button', { name: 'Ship' }).click()
    await page.waitForURL(/vote=cast/)
    expect(new URL(page.url()).pathname).toBe(`/compare/${slug}`)
    expect(await card(page, leftSlug).locator('.vote-message').textContent()).toContain('Your vote is in: ship')
    expect(await pressed(page, leftSlug)).toEqual(['ship'])
    expect(await communityLine(page, leftSlug)).toBe(`(1 of ${minimumVotes} votes needed)`)
    // The other tool is untouched and carries no message.
    expect(await pressed(page, rightSlug)).toEqual([])
    expect(await card(page, rightSlug).locator('.vote-message').textContent()).toBe('')

    await card(page, leftSlug).getByRole('button', { name: 'Skip' }).click()
    await page.waitForURL(/decision=skip/)
    expect(await pressed(page, leftSlug)).toEqual(['skip'])
    expect(await communityLine(page, leftSlug)).toBe(`(1 of ${minimumVotes} votes needed)`)

    // A plain visit later still shows the reader's own vote.
    await page.goto(`${server.url}/compare/${slug}`)
    expect(await pressed(page, leftSlug)).toEqual(['skip'])

    await card(page, leftSlug).getByRole('button', { name: 'Withdraw my vote' }).click()
    await page.waitForURL(/vote=withdrawn/)
    expect(await card(page, leftSlug).locator('.vote-message').textContent()).toBe('Your vote is withdrawn.')
    expect(await pressed(page, leftSlug)).toEqual([])
    expect(await communityLine(page, leftSlug)).toBe(`(0 of ${minimumVotes} votes needed)`)
    await context.close()
  }, 300_000)

  it('with JavaScript on, votes change the card without a reload, with a small inline script', async () => {
    const context = await browser.newContext()
    const page = await openPage(context, `/compare/${slug}`)
    await page.waitForLoadState('load')
    // Survives only if the document is never reloaded or replaced.
    await page.evaluate(() => Object.assign(window, { sameDocument: true }))
    const tool = card(page, rightSlug)
    await tool.getByRole('button', { name: 'Ship' }).click()
    await tool.locator('.vote-message', { hasText: 'Your vote is in: ship' }).waitFor()
    expect(await pressed(page, rightSlug)).toEqual(['ship'])
    expect(await communityLine(page, rightSlug)).toBe(`(1 of ${minimumVotes} votes needed)`)
    expect(await tool.getByRole('button', { name: 'Withdraw my vote' }).isVisible()).toBe(true)

    await tool.getByRole('button', { name: 'Skip' }).click()
    await tool.locator('.vote-message', { hasText: 'Your vote is in: skip' }).waitFor()
    expect(await pressed(page, rightSlug)).toEqual(['skip'])

    await tool.getByRole('button', { name: 'Withdraw my vote' }).click()
    await tool.locator('.vote-message', { hasText: 'Your vote is withdrawn.' }).waitFor()
    expect(await pressed(page, rightSlug)).toEqual([])
    expect(await communityLine(page, rightSlug)).toBe(`(0 of ${minimumVotes} votes needed)`)
    expect(await tool.getByRole('button', { name: 'Withdraw my vote' }).isVisible()).toBe(false)
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true)
    expect(new URL(page.url()).search).toBe('')

    // The vote script is inline (no script from elsewhere) and small.
    const scripts = await page
      .locator('script:not([src])')
      .evaluateAll((elements) => elements.map((element) => element.textContent ?? ''))
    const voteScript = scripts.find((source) => source.includes('data-vote-form'))
    expect(voteScript).toBeDefined()
    expect(gzipSync(voteScript!).byteLength).toBeLessThan(10 * 1024)
    expect(await page.locator('script[src^="http"], link[href^="http"][rel="stylesheet"]').count()).toBe(0)
    await context.close()
  }, 300_000)

  it('a vote posted from another site is refused, and the reader is told so', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    page.setDefaultTimeout(120_000)
    await page.setContent(
      `<form method="post" action="${server.url}/compare/${slug}/vote"><input type="hidden" name="tool" value="${leftSlug}"><button name="decision" value="ship">Vote</button></form>`,
    )
    await page.getByRole('button', { name: 'Vote' }).click()
    await page.waitForURL(/vote=cross-site/)
    expect(await card(page, leftSlug).locator('.vote-message').textContent()).toContain('own pages')
    expect(await pressed(page, leftSlug)).toEqual([])
    expect(await communityLine(page, leftSlug)).toBe(`(0 of ${minimumVotes} votes needed)`)
    await context.close()
  }, 300_000)

  it('a publish that moves a panel figure shows what it was, linking to the tool page', async () => {
    const editor = await apiLoginAt(server.url, 'editor@verdicts.test')
    const skeptic = await apiLoginAt(server.url, 'skeptic@verdicts.test')
    const skip = (
      await api<{ docs: Array<{ id: number }> }>(
        'GET',
        `/verdicts?where[tool.slug][equals]=${rightSlug}&where[decision][equals]=skip`,
        editor,
      )
    ).body.docs[0]
    expect((await api('PATCH', `/verdicts/${skip.id}?draft=true`, editor, { decision: 'ship' })).status).toBe(200)
    expect((await api('POST', `/verdicts/${skip.id}/workflow`, editor, { action: 'submit' })).status).toBe(200)
    expect((await api('POST', `/verdicts/${skip.id}/workflow`, skeptic, { action: 'approve' })).status).toBe(200)
    expect((await api('POST', `/verdicts/${skip.id}/workflow`, editor, { action: 'publish' })).status).toBe(200)

    const context = await browser.newContext()
    const page = await openPage(context, `/compare/${slug}`)
    const deadline = Date.now() + 90_000
    let line = ''
    while (Date.now() < deadline) {
      await page.reload()
      line = (await card(page, rightSlug).locator('[data-figure-change="panel"]').textContent()) ?? ''
      if ((await card(page, rightSlug).locator('[data-figure="panel"]').textContent()) === '100%') {
        break
      }
      await page.waitForTimeout(1000)
    }
    expect(line).toBe(`was 75% until ${shortDate(new Date().toISOString())}`)
    expect(await card(page, rightSlug).locator('[data-figure-change="panel"] a').getAttribute('href')).toBe(
      `/tools/${rightSlug}#history`,
    )
    await context.close()
  }, 300_000)

  it('past the limit of new voters from one address, a vote is refused with a clear message', async () => {
    // Each cookie-less vote mints a voter; the API refuses more than `newVoters.max` per address.
    for (let attempt = 0; attempt <= defaultCommunityOptions.newVoters.max; attempt += 1) {
      const response = await fetch(`${server.url}/api/public/tools/${leftSlug}/vote`, {
        body: JSON.stringify({ decision: 'ship' }),
        headers: { 'Content-Type': 'application/json' },
        method: 'POST',
      })
      if (response.status === 429) {
        break
      }
    }
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await openPage(context, `/compare/${slug}`)
    await card(page, rightSlug).getByRole('button', { name: 'Ship' }).click()
    await page.waitForURL(/vote=rate-limited/)
    expect(await card(page, rightSlug).locator('.vote-message').textContent()).toMatch(
      /^Too many votes from your connection just now; try again in \d+ seconds\.$/,
    )
    expect(await pressed(page, rightSlug)).toEqual([])
    await context.close()
  }, 300_000)
})
