import type { Browser, Page } from 'playwright-core'

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
import { demoMatchupSlugs } from '../helpers/demoMatchups.ts'
import { demoMatchups } from '../../src/demo/demoContent.ts'

/**
 * The editor's and the reviewer's day in the real admin (issue 17), as the demo roles, on
 * the production build: the workflow panel tells the truth without reloading, warns before
 * a save dismisses an approval and is the only publish control; the server's own messages
 * appear on the field; a reviewer gets no lock dialog; content rules hold in the browser.
 */
let server: AppServer
let browser: Browser
let verdictId: number
let toolId: number
let futuristId: number
let flippedDecision: string

type Json = Record<string, unknown>
const tokens: Record<string, string> = {}

async function api<T = Json>(method: string, route: string, email: string, body?: unknown) {
  tokens[email] ??= await apiLoginAt(server.url, email)
  const response = await fetch(`${server.url}/api${route}`, {
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { Authorization: `JWT ${tokens[email]}`, 'Content-Type': 'application/json' },
    method,
  })
  return { body: (await response.json()) as T, status: response.status }
}

const editor = 'editor@verdicts.test'
const futurist = 'futurist@verdicts.test'
const admin = 'admin@verdicts.test'
const adminLogin = (email: string) => adminLoginAt(browser, server.url, email)
const stageIs = (page: Page, label: string) =>
  page.getByTestId('workflow-stage').filter({ hasText: label }).waitFor({ timeout: 60_000 })
const quoteEditor = (page: Page) => page.locator('.rich-text-lexical [contenteditable="true"]').first()

describeInBrowser()("the editor's and the reviewer's day in the admin", () => {
  beforeAll(async () => {
    const databaseUri = testDatabaseUri('browser-admin-day')
    runCli(['seed'], databaseUri)
    server = await startAppServer(databaseUri, { warm: ['/admin/login', '/admin'] })
    browser = await launchChromium()
    mkdirSync(artifactsFolder, { recursive: true })

    // A new tool and The Futurist's approved verdict on it.
    const category = await api<{ docs: Array<{ id: number }> }>('GET', '/categories?limit=1&depth=0', editor)
    const tool = await api<{ doc: { id: number } }>('POST', '/tools', editor, {
      category: category.body.docs[0].id,
      name: 'Panel Test Tool',
      pricing: { tier: 'free' },
    })
    toolId = tool.body.doc.id
    const personas = await api<{ docs: Array<{ id: number }> }>(
      'GET',
      '/reviewers?where[slug][equals]=futurist',
      editor,
    )
    futuristId = personas.body.docs[0].id
    const quote = {
      root: {
        children: [
          { children: [{ text: 'Routing is the new default.', type: 'text', version: 1 }], type: 'paragraph' },
        ],
        type: 'root',
      },
    }
    const created = await api<{ doc: { id: number } }>('POST', '/verdicts?draft=true', editor, {
      decision: 'ship',
      quote,
      reviewer: futuristId,
      tool: toolId,
    })
    verdictId = created.body.doc.id
    expect((await api('POST', `/verdicts/${verdictId}/workflow`, editor, { action: 'submit' })).status).toBe(200)
    expect((await api('POST', `/verdicts/${verdictId}/workflow`, futurist, { action: 'approve' })).status).toBe(200)

    // For the dashboards: changes requested on a second verdict, and a published demo verdict
    // of The Futurist edited (decision flipped, new quote) and submitted again.
    const second = await api<{ doc: { id: number } }>('POST', '/tools', editor, {
      category: category.body.docs[0].id,
      name: 'Second Test Tool',
      pricing: { tier: 'free' },
    })
    const returned = await api<{ doc: { id: number } }>('POST', '/verdicts?draft=true', editor, {
      decision: 'skip',
      quote,
      reviewer: futuristId,
      tool: second.body.doc.id,
    })
    await api('POST', `/verdicts/${returned.body.doc.id}/workflow`, editor, { action: 'submit' })
    const requested = await api('POST', `/verdicts/${returned.body.doc.id}/workflow`, futurist, {
      action: 'request_changes',
      comment: 'Name the benchmark you ran.',
    })
    expect(requested.status).toBe(200)
    const live = await api<{ docs: Array<{ decision: string; id: number }> }>(
      'GET',
      `/verdicts?where[reviewer][equals]=${futuristId}&where[_status][equals]=published&limit=1&depth=0`,
      editor,
    )
    const edited = live.body.docs[0]
    flippedDecision = edited.decision === 'ship' ? 'skip' : 'ship'
    await api('PATCH', `/verdicts/${edited.id}?draft=true`, editor, {
      decision: flippedDecision,
      quote: {
        root: {
          children: [
            { children: [{ text: 'Rewritten after the new release.', type: 'text', version: 1 }], type: 'paragraph' },
          ],
          type: 'root',
        },
      },
    })
    expect((await api('POST', `/verdicts/${edited.id}/workflow`, editor, { action: 'submit' })).status).toBe(200)
  }, 900_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('editing an approved verdict warns first; after "Save draft" the panel says "In review" without a reload', async () => {
    const page = await adminLogin(editor)
    await page.goto(`${server.url}/admin/collections/verdicts/${verdictId}`)
    await stageIs(page, 'Approved')
    // One publish control: the panel's. Payload's header "Publish changes" is gone.
    expect(await page.locator('#workflow-action-publish').count()).toBe(1)
    expect(await page.locator('#action-save').count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Publish changes' }).count()).toBe(0)
    expect(await page.getByTestId('workflow-save-warning').count()).toBe(0)

    await quoteEditor(page).click()
    await page.keyboard.press('End')
    await page.keyboard.type(' Still true.')
    const warning = page.getByTestId('workflow-save-warning')
    await warning.waitFor()
    expect(await warning.textContent()).toContain('Saving these changes dismisses the approval')
    expect(await page.locator('#workflow-action-publish').isDisabled()).toBe(true)
    await page.screenshot({ path: path.join(artifactsFolder, 'admin-day-save-warning.png') })

    await page.evaluate(() => ((window as unknown as { sameView: boolean }).sameView = true))
    await page.locator('#action-save-draft').click()
    await stageIs(page, 'In review')
    expect(await page.evaluate(() => (window as unknown as { sameView?: boolean }).sameView)).toBe(true)
    expect(await page.locator('#workflow-action-publish').count()).toBe(0)
    expect(await page.getByTestId('workflow-save-warning').count()).toBe(0)
    const stored = await api<{ workflowStage: string }>('GET', `/verdicts/${verdictId}?draft=true&depth=0`, editor)
    expect(stored.body.workflowStage).toBe('in_review')
    await page.context().close()
  }, 300_000)

  it('a reviewer gets no lock dialog on a verdict the editor is editing (an admin, who could edit, does)', async () => {
    const editorAccount = await api<{ user: { id: number } }>('GET', '/users/me', editor)
    const lock = await api('POST', '/payload-locked-documents', editor, {
      document: { relationTo: 'verdicts', value: verdictId },
      user: { relationTo: 'users', value: editorAccount.body.user.id },
    })
    expect(lock.status).toBe(201)

    const control = await adminLogin(admin)
    await control.goto(`${server.url}/admin/collections/verdicts/${verdictId}`)
    await control.locator('.document-locked').waitFor({ timeout: 60_000 })
    await control.context().close()

    const page = await adminLogin(futurist)
    await page.goto(`${server.url}/admin/collections/verdicts/${verdictId}`)
    await stageIs(page, 'In review')
    await page.waitForTimeout(2000)
    expect(await page.locator('.document-locked').count()).toBe(0)

    // Approving shows its result in place, measured from the server's answer.
    await page.evaluate(() => ((window as unknown as { sameView: boolean }).sameView = true))
    const answered = page.waitForResponse(
      (response) =>
        response.url().endsWith(`/verdicts/${verdictId}/workflow`) && response.request().method() === 'POST',
    )
    await page.locator('#workflow-action-approve').click()
    await answered
    const start = Date.now()
    await stageIs(page, 'Approved')
    console.log(`workflow panel: "Approved" on screen ${Date.now() - start} ms after the server answered`)
    expect(await page.evaluate(() => (window as unknown as { sameView?: boolean }).sameView)).toBe(true)
    await page.getByTestId('workflow-history').getByText('In review → Approved').first().waitFor()
    await page.context().close()
  }, 300_000)

  it('a duplicate verdict and a quote of spaces get the server’s messages on the fields, with a link', async () => {
    const page = await adminLogin(editor)
    await page.goto(
      `${server.url}/admin/collections/verdicts/create?prefillReviewer=${futuristId}&prefillTool=${toolId}`,
    )
    await page.locator('#field-tool').getByText('Panel Test Tool').waitFor({ timeout: 120_000 })
    await page.locator('.radio-group').getByText('Skip', { exact: true }).click()
    await quoteEditor(page).click()
    await page.keyboard.type('      ')
    expect(await page.getByTestId('rich-text-length').textContent()).toContain('/ 2,000 characters')
    await page.locator('#field-reviewer').getByText('The Futurist').waitFor()
    // The editor hands its value to the form after a short debounce: save what was typed.
    await page.getByTestId('rich-text-length').filter({ hasText: '6 / 2,000 characters' }).waitFor()
    await page.waitForTimeout(1000)
    // The save itself: the admin also posts its form-state server functions while editing.
    const answer = page.waitForResponse(
      (response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/verdicts',
      { timeout: 60_000 },
    )
    await page.locator('#action-save-draft').click()
    expect((await answer).status()).toBe(400)

    // Whatever the server said first, on screen (and in the screenshot if it is not the expected).
    await page
      .locator('[data-testid^="field-error-"]')
      .first()
      .waitFor()
      .finally(() => page.screenshot({ path: path.join(artifactsFolder, 'admin-day-inline-errors.png') }))
    const toolError = page.getByTestId('field-error-tool')
    await toolError.waitFor({ timeout: 10_000 })
    expect(await toolError.textContent()).toContain(
      'This reviewer persona already has a verdict on this tool; edit that verdict instead.',
    )
    const link = page.getByTestId('field-error-tool-link')
    await link.waitFor()
    expect(await link.getAttribute('href')).toBe(`/admin/collections/verdicts/${verdictId}`)
    const quoteError = page.getByTestId('field-error-quote')
    await quoteError.waitFor()
    expect(await quoteError.textContent()).toContain('The quote contains only spaces; write some text.')
    expect(page.url()).toContain('/create')
    await page.context().close()
  }, 300_000)

  it('a tool named "通义千问" is saved with a readable slug', async () => {
    const page = await adminLogin(editor)
    await page.goto(`${server.url}/admin/collections/tools/create`)
    await page.locator('#field-name').fill('通义千问')
    await page.locator('#field-category .rs__control').click()
    await page.locator('.rs__option').first().click()
    await page.locator('#field-pricing__tier .rs__control').click()
    await page.locator('.rs__option').first().click()
    await page.locator('#action-save').click()
    await page.waitForURL(/\/admin\/collections\/tools\/\d+/, { timeout: 60_000 })
    await page.locator('#field-slug').waitFor()
    expect(await page.locator('#field-slug').inputValue()).toBe('tong-yi-qian-wen')
    await page.context().close()
  }, 300_000)

  it('/compare wraps an unbroken 1,400-character word instead of scrolling sideways', async () => {
    const word = 'Supercalifragilistic'.repeat(70)
    const { left } = demoMatchups[0]
    const tools = await api<{ docs: Array<{ id: number }> }>('GET', `/tools?where[slug][equals]=${left}`, editor)
    const patched = await api('PATCH', `/tools/${tools.body.docs[0].id}`, editor, {
      description: {
        root: { children: [{ children: [{ text: word, type: 'text', version: 1 }], type: 'paragraph' }], type: 'root' },
      },
    })
    expect(patched.status).toBe(200)
    const context = await browser.newContext({ viewport: { height: 900, width: 1280 } })
    const page = await context.newPage()
    // Revalidation arrives through the app's own webhook on the jobs queue.
    const deadline = Date.now() + 90_000
    let shown = false
    while (!shown && Date.now() < deadline) {
      await page.goto(`${server.url}/compare/${demoMatchupSlugs.flashLiteVsCodeLlama}`)
      shown = (await page.getByText(word.slice(0, 60)).count()) > 0
      if (!shown) {
        await page.waitForTimeout(1000)
      }
    }
    expect(shown).toBe(true)
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)
    await page.screenshot({ fullPage: true, path: path.join(artifactsFolder, 'admin-day-long-word.png') })
    await context.close()
  }, 300_000)

  it("each role's dashboard: the editor's work, the reviewer's queue with what changed, the admin's deliveries", async () => {
    const editorPage = await adminLogin(editor)
    const requested = editorPage.getByTestId('changes-requested')
    await requested.waitFor({ timeout: 60_000 })
    expect(await requested.textContent()).toContain('Name the benchmark you ran.')
    expect(await editorPage.getByTestId('approved-ready').textContent()).toContain('The Futurist on Panel Test Tool')
    expect(await editorPage.getByTestId('my-drafts').count()).toBe(1)
    expect(await editorPage.getByTestId('recently-published').count()).toBe(1)
    expect(await editorPage.getByTestId('notifications').textContent()).toContain('requested changes to')
    expect(await editorPage.getByTestId('awaiting-approval').count()).toBe(0)
    await editorPage.screenshot({ fullPage: true, path: path.join(artifactsFolder, 'admin-day-editor-dashboard.png') })
    await editorPage.context().close()

    const reviewerPage = await adminLogin(futurist)
    const card = reviewerPage.getByTestId('awaiting-item').filter({ hasText: 'Rewritten after the new release.' })
    await card.waitFor({ timeout: 60_000 })
    const text = await card.textContent()
    expect(text).toContain('submitted by Eli Editor')
    expect(text).toContain(`Decision: ${flippedDecision === 'ship' ? 'Ship' : 'Skip'}`)
    expect(text).toContain('Changed since the live version: decision, quote')
    expect(await reviewerPage.getByTestId('approved-ready').count()).toBe(0)
    await reviewerPage.screenshot({
      fullPage: true,
      path: path.join(artifactsFolder, 'admin-day-reviewer-dashboard.png'),
    })
    await reviewerPage.context().close()

    const adminPage = await adminLogin(admin)
    await adminPage.getByTestId('failed-deliveries').waitFor({ timeout: 60_000 })
    expect(await adminPage.getByTestId('awaiting-approval').count()).toBe(1)
    expect(await adminPage.getByTestId('approved-ready').count()).toBe(1)
    await adminPage.context().close()
  }, 300_000)

  it('the verdicts list filters by stage in one click, with counts, and shows flags only when set', async () => {
    const page = await adminLogin(editor)
    const started = Date.now()
    await page.goto(`${server.url}/admin/collections/verdicts`)
    await page.locator('table tbody tr').first().waitFor({ timeout: 60_000 })
    console.log(`admin page load: verdicts list ${Date.now() - started} ms (warm, production build)`)
    const filters = page.getByTestId('stage-filters')
    const inReview = filters.locator('button[data-stage="in_review"]')
    await inReview.filter({ hasText: /In review \d+/ }).waitFor()
    const count = Number((await inReview.textContent())!.replace(/\D+/g, ''))
    expect(count).toBeGreaterThan(0)
    await inReview.click()
    await page.waitForURL(/workflowStage/)
    await page.waitForFunction((expected) => document.querySelectorAll('table tbody tr').length === expected, count)
    expect(await inReview.getAttribute('aria-pressed')).toBe('true')
    // Stage says it all (no Status column); a flag column shows nothing for "false".
    expect(await page.locator('table thead').getByText('Status', { exact: true }).count()).toBe(0)
    expect(await page.locator('table tbody').getByText('false', { exact: true }).count()).toBe(0)
    await page.screenshot({ path: path.join(artifactsFolder, 'admin-day-stage-filters.png') })

    const editStarted = Date.now()
    await page.goto(`${server.url}/admin/collections/verdicts/${verdictId}`)
    await page.getByTestId('workflow-stage').waitFor()
    console.log(`admin page load: verdict edit ${Date.now() - editStarted} ms (warm, production build)`)
    const matchups = await api<{ docs: Array<{ id: number }> }>('GET', '/matchups?limit=1&depth=0', editor)
    const matchupStarted = Date.now()
    await page.goto(`${server.url}/admin/collections/matchups/${matchups.body.docs[0].id}`)
    await page.getByTestId('workflow-stage').waitFor()
    // Figures with their spread are in `npm run bench` (bench/admin.ts); this is one sample.
    console.log(`admin page load: matchup edit ${Date.now() - matchupStarted} ms (warm, production build)`)
    await page.context().close()
  }, 300_000)

  it('first run: "/" leads to the admin and /compare; the admin asks no other host for anything', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${server.url}/`)
    expect(await page.getByRole('link', { name: 'Admin' }).getAttribute('href')).toBe('/admin')
    expect(await page.getByRole('link', { exact: true, name: 'Comparisons' }).getAttribute('href')).toBe('/compare')
    await context.close()

    const admin = await adminLogin(editor)
    const elsewhere: string[] = []
    admin.on('request', (request) => {
      if (new URL(request.url()).origin !== server.url) {
        elsewhere.push(request.url())
      }
    })
    await admin.goto(`${server.url}/admin/collections/verdicts/${verdictId}`)
    await admin.getByTestId('workflow-stage').waitFor()
    await admin.goto(`${server.url}/admin`)
    await admin.getByTestId('role-dashboard').waitFor()
    expect(elsewhere).toEqual([])
    const icon = await admin.locator('link[rel="icon"]').first().getAttribute('href')
    expect((await fetch(new URL(icon!, server.url))).status).toBe(200)
    await admin.context().close()
  }, 300_000)
})
