import type { Browser, BrowserContext, Page } from 'playwright-core'

import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { mkdirSync } from 'node:fs'
import path from 'node:path'

import type { AppServer } from '../helpers/appServer.ts'

import { computeScore, formatPercent } from '../../src/scores/score.ts'
import { demoCategories, demoPersonas, demoTools, demoVerdicts } from '../../src/demo/demoContent.ts'
import { runCli, startAppServer } from '../helpers/appServer.ts'
import {
  adminLogin,
  apiLogin as apiLoginAt,
  artifactsFolder,
  describeInBrowser,
  launchChromium,
} from '../helpers/browser.ts'
import { testDatabaseUri } from '../helpers/database.ts'
import { demoMatchupSlugs } from '../helpers/demoMatchups.ts'

/**
 * The reference consumer page in real Chromium against the real app: it shows the seeded
 * numbers, a published flip reaches it through the signed revalidation webhook, editors
 * preview drafts, and screenshots at desktop and mobile widths land in test-artifacts/.
 */
const slug = demoMatchupSlugs.vsMistralSmall
const [leftSlug, rightSlug] = ['code-llama-4-70b-400b', 'mistral-3-small']

let server: AppServer
let browser: Browser

/** The panel figure the seed implies for a tool, counted from the demo data itself. */
function seededPanel(toolSlug: string): string {
  const decisions = demoVerdicts.filter((verdict) => verdict.tool === toolSlug).map((verdict) => verdict.decision)
  const ship = decisions.filter((decision) => decision === 'ship').length
  return formatPercent(computeScore(ship, decisions.length - ship).percent)
}

const apiLogin = (email: string) => apiLoginAt(server.url, email)

type Delivery = { body: { data: { tags: string[] } }; outcome: string }
type ListBody<Doc> = { docs: Doc[] }

async function api<Body = unknown>(method: string, apiPath: string, token: string, body?: unknown) {
  const response = await fetch(`${server.url}/api${apiPath}`, {
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
    method,
  })
  return { body: (await response.json()) as Body, status: response.status }
}

async function openPage(context: BrowserContext, pagePath: string): Promise<Page> {
  const page = await context.newPage()
  page.setDefaultTimeout(120_000)
  await page.goto(`${server.url}${pagePath}`)
  return page
}

const figure = (page: Page, tool: string, name: string) =>
  page.locator(`.tool-card[data-tool="${tool}"] [data-figure="${name}"]`)

describeInBrowser()('the comparison page', () => {
  beforeAll(async () => {
    // Its own database on whichever backend the run uses (a SQLite file by default).
    const databaseUri = testDatabaseUri('browser-compare')
    runCli(['seed'], databaseUri)
    server = await startAppServer(databaseUri, { warm: ['/compare', `/compare/${slug}`] })
    browser = await launchChromium()
    mkdirSync(artifactsFolder, { recursive: true })
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('the index links every published comparison', async () => {
    const context = await browser.newContext()
    const page = await openPage(context, '/compare')
    const links = await page
      .locator('.matchup-list a')
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')))
    expect(links.sort()).toEqual(
      Object.values(demoMatchupSlugs)
        .map((matchup) => `/compare/${matchup}`)
        .sort(),
    )
    await context.close()
  }, 300_000)

  it('shows both tools with the seeded figures, and the scorecard in panel order', async () => {
    const context = await browser.newContext({ viewport: { height: 900, width: 1280 } })
    const page = await openPage(context, `/compare/${slug}`)
    for (const toolSlug of [leftSlug, rightSlug]) {
      const tool = demoTools.find((candidate) => candidate.slug === toolSlug)!
      const card = page.locator(`.tool-card[data-tool="${toolSlug}"]`)
      expect(await card.locator('h3').textContent()).toBe(tool.name)
      expect(await card.locator('.tool-tagline').textContent()).toBe(tool.tagline)
      expect(await card.locator('.tool-category').textContent()).toBe(
        demoCategories.find((category) => category.slug === tool.category)!.name,
      )
      expect(await figure(page, toolSlug, 'panel').textContent()).toBe(seededPanel(toolSlug))
      expect(await figure(page, toolSlug, 'community').textContent()).toBe('—')
      expect(await figure(page, toolSlug, 'entry').textContent()).toBe(tool.pricing.tier === 'free' ? 'Free' : 'Paid')
    }
    expect(await figure(page, rightSlug, 'panel').textContent()).toBe('75%')

    // Every panelist has a row; where one has not reviewed a tool, the row says so.
    expect(await page.locator('.persona-row h3').allTextContents()).toEqual(demoPersonas.map((persona) => persona.name))
    const unreviewed = demoPersonas.flatMap((persona) =>
      [leftSlug, rightSlug]
        .filter((tool) => !demoVerdicts.some((verdict) => verdict.persona === persona.slug && verdict.tool === tool))
        .map((tool) => `${persona.slug}:${tool}`),
    )
    expect(unreviewed.length).toBeGreaterThan(0)
    expect(
      await page
        .locator('.verdict-missing')
        .evaluateAll((cells) =>
          cells.map(
            (cell) =>
              `${cell.closest('.persona-row')!.getAttribute('data-reviewer')}:${cell.getAttribute('data-tool')}`,
          ),
        ),
    ).toEqual(unreviewed)
    expect(await page.locator('.verdict-missing').first().textContent()).toContain('No verdict yet')
    const firstRowTools = await page
      .locator('.persona-row')
      .first()
      .locator('.verdict')
      .evaluateAll((quotes) => quotes.map((quote) => quote.getAttribute('data-tool')))
    expect(firstRowTools).toEqual([leftSlug, rightSlug])

    expect(await page.locator('h1').count()).toBe(1)
    expect(await page.locator('h1').textContent()).toBe('Code Llama 4 (70B & 400B) vs Mistral 3 Small')
    expect(await page.getByRole('heading', { name: 'Weekly AI Tool Verdicts' }).count()).toBe(1)
    expect(await page.title()).toContain('which one should you ship with?')
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toContain('Mistral 3 Small')
    expect(await page.locator('script[src^="http"], link[href^="http"][rel="stylesheet"]').count()).toBe(0)
    await page.screenshot({ fullPage: true, path: path.join(artifactsFolder, 'compare-desktop.png') })
    await context.close()
  }, 300_000)

  it('fits a phone screen without sideways scrolling', async () => {
    const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { height: 844, width: 390 } })
    const page = await openPage(context, `/compare/${slug}`)
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBe(0)
    const [left, right] = await page
      .locator('.tool-card')
      .evaluateAll((cards) => cards.map((card) => card.getBoundingClientRect().top))
    expect(right).toBeGreaterThan(left)
    await page.screenshot({ fullPage: true, path: path.join(artifactsFolder, 'compare-mobile.png') })
    await context.close()
  }, 300_000)

  it("subscribes a reader from the page's form with JavaScript off, recording the page", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await openPage(context, `/compare/${slug}`)
    await page.getByLabel('Your e-mail address').fill('browser.reader@example.com')
    await page.getByRole('button', { name: 'Subscribe' }).click()
    await page.getByRole('heading', { name: 'Check your inbox' }).waitFor()
    expect(await page.textContent('body')).toContain('browser.reader@example.com')
    const index = await openPage(context, '/compare')
    expect(await index.locator('form[action="/api/public/newsletter/subscribe"] input[name="email"]').count()).toBe(1)
    await context.close()
    const editor = await apiLogin('editor@verdicts.test')
    const { body } = await api<ListBody<{ sourcePage: string; status: string }>>(
      'GET',
      '/subscribers?where[email][equals]=browser.reader@example.com',
      editor,
    )
    expect(body.docs).toEqual([expect.objectContaining({ sourcePage: `/compare/${slug}`, status: 'pending' })])
  }, 300_000)

  it('refuses revalidation requests that are not signed by the CMS', async () => {
    const response = await fetch(`${server.url}/api/revalidate`, {
      body: JSON.stringify({ data: { tags: [`matchup:${slug}`] } }),
      headers: {
        'Content-Type': 'application/json',
        'webhook-id': 'msg_forged',
        'webhook-signature': 'v1,Zm9yZ2Vk',
        'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
      },
      method: 'POST',
    })
    expect(response.status).toBe(401)
  })

  it('a published flip reaches the page through the revalidation webhook', async () => {
    const editor = await apiLogin('editor@verdicts.test')
    const skepticReviewer = await apiLogin('skeptic@verdicts.test')
    const admin = await apiLogin('admin@verdicts.test')
    const context = await browser.newContext()
    const page = await openPage(context, `/compare/${slug}`)
    expect(await figure(page, rightSlug, 'panel').textContent()).toBe('75%')

    const skip = (
      await api<ListBody<{ id: number }>>(
        'GET',
        `/verdicts?where[tool.slug][equals]=${rightSlug}&where[decision][equals]=skip&depth=1`,
        editor,
      )
    ).body.docs[0]
    expect(skip).toBeDefined()
    expect((await api('PATCH', `/verdicts/${skip.id}?draft=true`, editor, { decision: 'ship' })).status).toBe(200)
    expect((await api('POST', `/verdicts/${skip.id}/workflow`, editor, { action: 'submit' })).status).toBe(200)
    expect((await api('POST', `/verdicts/${skip.id}/workflow`, skepticReviewer, { action: 'approve' })).status).toBe(
      200,
    )
    // Approval alone changes nothing the public sees.
    await page.reload()
    expect(await figure(page, rightSlug, 'panel').textContent()).toBe('75%')
    expect((await api('POST', `/verdicts/${skip.id}/workflow`, editor, { action: 'publish' })).status).toBe(200)

    // Deliveries run on the jobs queue every few seconds; then the next visit is fresh.
    const deadline = Date.now() + 90_000
    let shown = ''
    while (Date.now() < deadline) {
      await page.reload()
      shown = (await figure(page, rightSlug, 'panel').textContent()) ?? ''
      if (shown === '100%') {
        break
      }
      await page.waitForTimeout(1000)
    }
    expect(shown).toBe('100%')
    expect(
      await page
        .locator(`.persona-row[data-reviewer="skeptic"] .verdict[data-tool="${rightSlug}"]`)
        .getAttribute('data-decision'),
    ).toBe('ship')

    const deliveries = (
      await api<ListBody<Delivery>>(
        'GET',
        '/webhook-deliveries?where[url][like]=/api/revalidate&sort=-createdAt',
        admin,
      )
    ).body.docs
    expect(
      deliveries.some(
        (delivery) => delivery.outcome === 'delivered' && delivery.body.data.tags.includes(`matchup:${slug}`),
      ),
    ).toBe(true)
    await context.close()
  }, 300_000)

  it('editors preview drafts; signed-out visitors are asked to sign in', async () => {
    const editor = await apiLogin('editor@verdicts.test')
    const matchup = (await api<ListBody<{ id: number }>>('GET', `/matchups?where[slug][equals]=${slug}`, editor)).body
      .docs[0]
    const draftIntro = 'Draft intro only editors can see.'
    const saved = await api('PATCH', `/matchups/${matchup.id}?draft=true`, editor, {
      intro: {
        root: {
          children: [{ children: [{ text: draftIntro, type: 'text', version: 1 }], type: 'paragraph', version: 1 }],
          type: 'root',
          version: 1,
        },
      },
    })
    expect(saved.status).toBe(200)

    const signedIn = await browser.newContext()
    const host = new URL(server.url).hostname
    await signedIn.addCookies([{ domain: host, httpOnly: true, name: 'payload-token', path: '/', value: editor }])
    const preview = await openPage(signedIn, `/compare/preview/${matchup.id}`)
    expect(await preview.locator('.preview-banner').count()).toBe(1)
    expect(await preview.locator('.matchup-intro').textContent()).toBe(draftIntro)
    await signedIn.close()

    const anonymous = await browser.newContext()
    const refused = await openPage(anonymous, `/compare/preview/${matchup.id}`)
    expect(await refused.locator('h1').textContent()).toBe('Sign in to preview')
    expect(await refused.locator('.matchup-intro').count()).toBe(0)
    await anonymous.close()

    const published = await openPage(await browser.newContext(), `/compare/${slug}`)
    expect(await published.getByText(draftIntro).count()).toBe(0)
  }, 300_000)

  it('live preview in the admin shows the draft, and refreshes when the editor saves', async () => {
    const page = await adminLogin(browser, server.url, 'editor@verdicts.test')
    const editor = await apiLogin('editor@verdicts.test')
    const matchup = (
      await api<ListBody<{ id: number }>>(
        'GET',
        `/matchups?where[slug][equals]=${demoMatchupSlugs.localVsHosted}`,
        editor,
      )
    ).body.docs[0]

    await page.goto(`${server.url}/admin/collections/matchups/${matchup.id}`)
    await page.locator('#live-preview-toggler').click()
    const preview = page.frameLocator('iframe')
    await preview.locator('.preview-banner').waitFor()
    expect(await page.locator('iframe').getAttribute('src')).toBe(`${server.url}/compare/preview/${matchup.id}`)

    const draftTitle = 'Run it yourself, or rent it by the token?'
    await page.fill('#field-customTitle', draftTitle)
    await page.getByRole('button', { name: 'Save Draft' }).click()
    await preview.locator('h1', { hasText: draftTitle }).waitFor({ timeout: 60_000 })
    await page.screenshot({ path: path.join(artifactsFolder, 'compare-live-preview.png') })
    await page.context().close()

    const published = await fetch(`${server.url}/api/public/matchups/${demoMatchupSlugs.localVsHosted}`)
    expect(((await published.json()) as { title: string }).title).not.toBe(draftTitle)
  }, 600_000)
})
