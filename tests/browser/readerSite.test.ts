import type { Browser, BrowserContext, Page } from 'playwright-core'

import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { parseFeed } from '@rowanmanning/feed-parser'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { gzipSync } from 'node:zlib'

import type { AppServer } from '../helpers/appServer.ts'

import { shortDate } from '../../src/site/figures.ts'
import { demoPersonas, demoVerdicts } from '../../src/demo/demoContent.ts'
import { defaultCommunityOptions } from '../../src/options.ts'
import { runCli, startAppServer } from '../helpers/appServer.ts'
import { apiLogin as apiLoginAt, describeInBrowser, launchChromium } from '../helpers/browser.ts'
import { testDatabaseUri } from '../helpers/database.ts'
import { demoMatchupSlugs } from '../helpers/demoMatchups.ts'
import { validateStructuredData } from '../helpers/schemaOrg.ts'

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

  it('each tool carries valid SoftwareApplication JSON-LD with the panel as its rating and the verdicts as reviews', async () => {
    const html = await (await fetch(`${server.url}/compare/${slug}`)).text()
    const { issues, jsonld } = await validateStructuredData(html)
    expect(issues.filter((issue) => issue.severity === 'ERROR')).toEqual([])
    const apps = jsonld.SoftwareApplication as Array<Record<string, unknown>>
    expect(apps.map((app) => app.name)).toEqual(['Code Llama 4 (70B & 400B)', 'Mistral 3 Small'])
    const right = apps[1] as { aggregateRating: Record<string, unknown>; review: Array<Record<string, unknown>> }
    const verdicts = demoVerdicts.filter((verdict) => verdict.tool === rightSlug)
    expect(right.aggregateRating).toMatchObject({
      bestRating: 100,
      ratingCount: verdicts.length,
      ratingValue: 75,
      worstRating: 0,
    })
    expect(right.review.map((review) => (review.author as { name: string }).name).sort()).toEqual(
      demoPersonas
        .filter((persona) => verdicts.some((verdict) => verdict.persona === persona.slug))
        .map((persona) => persona.name)
        .sort(),
    )
    expect(right.review.every((review) => typeof review.reviewBody === 'string' && review.reviewBody.length > 20)).toBe(
      true,
    )
  }, 120_000)

  it('the sitemap lists every comparison and tool page with its lastmod, and the Atom feed every comparison', async () => {
    const sitemap = await fetch(`${server.url}/sitemap.xml`)
    expect(sitemap.headers.get('content-type')).toContain('xml')
    const xml = await sitemap.text()
    const entries = [...xml.matchAll(/<url><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?/g)].map((match) => ({
      lastmod: match[2],
      path: new URL(match[1]).pathname,
    }))
    const paths = entries.map((entry) => entry.path)
    for (const matchup of Object.values(demoMatchupSlugs)) {
      expect(paths).toContain(`/compare/${matchup}`)
    }
    const publicTools = (
      (await (await fetch(`${server.url}/api/public/tools?limit=100`)).json()) as { docs: Array<{ slug: string }> }
    ).docs
    for (const tool of publicTools) {
      expect(paths).toContain(`/tools/${tool.slug}`)
    }
    const toolPage = (await (await fetch(`${server.url}/api/public/tools/${rightSlug}`)).json()) as {
      updatedAt: string
    }
    const toolEntry = entries.find((entry) => entry.path === `/tools/${rightSlug}`)!
    expect(Math.abs(Date.parse(toolEntry.lastmod) - Date.parse(toolPage.updatedAt))).toBeLessThan(60_000)

    const feedResponse = await fetch(`${server.url}/compare/feed.xml`)
    expect(feedResponse.headers.get('content-type')).toContain('application/atom+xml')
    const feed = parseFeed(await feedResponse.text())
    expect(feed.meta.type).toBe('atom')
    expect(feed.meta.version).toBe('1.0')
    expect(feed.title).toBe('Verdicts: AI tool comparisons')
    expect(feed.items.map((item) => new URL(item.url!).pathname).sort()).toEqual(
      Object.values(demoMatchupSlugs)
        .map((matchup) => `/compare/${matchup}`)
        .sort(),
    )
    const published = feed.items.map((item) => item.published!.getTime())
    expect([...published].sort((a, b) => b - a)).toEqual(published)
    expect(feed.items.every((item) => item.id && item.updated && item.title)).toBe(true)
  }, 120_000)

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
    expect(await page.locator(`[data-glance-community="${rightSlug}"]`).textContent()).toBe('—')

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

  it('a tool page lists every panelist (or no verdict yet), its comparisons and its history; the methodology its rules', async () => {
    const context = await browser.newContext()
    const page = await openPage(context, `/tools/${rightSlug}`)
    expect(await page.locator('h1').textContent()).toBe('Mistral 3 Small')
    expect(await page.locator('.persona-row h3').allTextContents()).toEqual(demoPersonas.map((persona) => persona.name))
    const reviewers = demoVerdicts.filter((verdict) => verdict.tool === rightSlug).map((verdict) => verdict.persona)
    expect(await page.locator('.verdict-missing').count()).toBe(demoPersonas.length - reviewers.length)
    expect(await page.locator(`a[href="/compare/${slug}"]`).count()).toBe(1)
    const history = await page.locator('#history li').allTextContents()
    expect(history[0]).toMatch(/75% → 100% \(4 of 4 ship\) — a reviewer's verdict was published$/)

    const rules = await openPage(context, '/methodology')
    expect(await rules.locator('[data-rule="minimum-votes"]').textContent()).toBe(String(minimumVotes))
    expect(await rules.locator('[data-rule="panel"] li').allTextContents()).toContain('1 of 8 → 13%')
    expect(await rules.locator('.persona-row dt').allTextContents()).toEqual(
      demoPersonas.map((persona) => persona.name),
    )
    await context.close()
  }, 300_000)

  it('the index shows both figures and categories, and filters by search and category through the API', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await openPage(context, '/compare')
    const row = page.locator(`.matchup-list li[data-matchup="${slug}"]`)
    expect(await row.locator(`[data-tool="${rightSlug}"]`).textContent()).toMatch(/^Mistral 3 Small: \d+% panel · /)
    await page.getByLabel('Search comparisons').fill('mistral')
    await page.getByRole('button', { name: 'Filter' }).click()
    await page.waitForURL(/q=mistral/)
    expect(await page.locator('.matchup-list li').count()).toBe(2)
    await page.goto(`${server.url}/compare?category=no-such-category`)
    expect(await page.locator('.matchup-list li').count()).toBe(0)
    expect(await page.textContent('main')).toContain('No comparison matches these filters.')
    await context.close()
  }, 300_000)

  it('has no serious or critical accessibility violations (axe-core) on the index, a comparison, a tool page and the methodology', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
    const context = await browser.newContext()
    for (const pagePath of ['/compare', `/compare/${slug}`, `/tools/${rightSlug}`, '/methodology']) {
      const page = await openPage(context, pagePath)
      expect(await page.locator('script[src^="http"], link[href^="http"][rel="stylesheet"]').count()).toBe(0)
      await page.addScriptTag({ content: axeSource })
      const violations = await page.evaluate(async () => {
        const result = await (
          window as unknown as { axe: { run: () => Promise<{ violations: Array<{ id: string; impact: string }> }> } }
        ).axe.run()
        return result.violations.map(({ id, impact }) => ({ id, impact }))
      })
      expect({
        pagePath,
        serious: violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
      }).toEqual({
        pagePath,
        serious: [],
      })
      await page.close()
    }
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
