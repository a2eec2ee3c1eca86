/**
 * The admin half of `npm run bench` (alone: `node --conditions=production scripts/runTs.mjs
 * bench/admin.ts`): what an editor and a reviewer wait for in the admin, in headless
 * Chromium against the production build (`npm start` on the demo content, SQLite; the build
 * is the browser tests' `.next-test-prod`, made on first use, several minutes).
 *
 * - Page loads, warm (each page served once before): from navigation start until the
 *   page is usable, meaning its main element is there and no "Loading..." is left on it
 *   (relationship cells, the relationship fields' labels). Median (min–max) of
 *   BENCH_ADMIN_RUNS (default 5) loads.
 * - Workflow clicks: from the click on the panel's button until the new stage is on
 *   screen, and how much of it was the server's answer.
 *
 * Needs Chromium (/usr/bin/chromium or CHROMIUM_PATH); without it, says so and prints nothing.
 */
import type { Browser, Page } from 'playwright-core'

import { loadavg } from 'node:os'

import { apiLogin, chromiumPath, runCli, startAppServer } from '../tests/helpers/appServer.ts'
import { adminLogin, launchChromium } from '../tests/helpers/chromium.ts'
import { testDatabaseUri } from '../tests/helpers/database.ts'

const runs = Number(process.env.BENCH_ADMIN_RUNS ?? 5)
const editor = 'editor@verdicts.test'
const reviewer = 'futurist@verdicts.test'

type Row = { label: string; samples: number[] }

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** Navigates and waits until `selector` is there and nothing on the page says "Loading...". */
async function loadTime(page: Page, url: string, selector: string): Promise<number> {
  const started = Date.now()
  await page.goto(url)
  await page.locator(selector).first().waitFor({ timeout: 120_000 })
  await page.waitForFunction(() => !document.body.innerText.includes('Loading...'), undefined, { timeout: 120_000 })
  return Date.now() - started
}

/** Clicks a workflow button; the time until `stage` is on screen, and the server's share. */
async function clickTime(page: Page, action: string, stage: string): Promise<{ screen: number; server: number }> {
  const started = Date.now()
  const answered = page
    .waitForResponse((response) => response.url().endsWith('/workflow') && response.request().method() === 'POST')
    .then(() => Date.now())
  await page.locator(`#workflow-action-${action}`).click()
  await page.getByTestId('workflow-stage').filter({ hasText: stage }).waitFor({ timeout: 120_000 })
  return { screen: Date.now() - started, server: (await answered) - started }
}

async function benchAdmin(): Promise<string[]> {
  if (!chromiumPath()) {
    process.stderr.write('admin bench: no Chromium at /usr/bin/chromium or CHROMIUM_PATH; skipped\n')
    return []
  }
  const databaseUri = testDatabaseUri('bench-admin')
  runCli(['seed'], databaseUri)
  process.stderr.write('\n== admin: production build and server (a build takes minutes)\n')
  const server = await startAppServer(databaseUri, { warm: ['/admin/login'] })
  let browser: Browser | undefined
  try {
    browser = await launchChromium()
    const token = await apiLogin(server.url, editor)
    const api = async <T>(method: string, route: string, body?: unknown, as = token) => {
      const response = await fetch(`${server.url}/api${route}`, {
        body: body === undefined ? undefined : JSON.stringify(body),
        headers: { Authorization: `JWT ${as}`, 'Content-Type': 'application/json' },
        method,
      })
      return (await response.json()) as T
    }
    const first = async (collection: string, query = '') =>
      (await api<{ docs: Array<{ id: number }> }>('GET', `/${collection}?limit=1&depth=0${query}`)).docs[0].id
    const verdictId = await first('verdicts', '&where[_status][equals]=published')
    const matchupId = await first('matchups', '&where[_status][equals]=published')

    const page = await adminLogin(browser, server.url, editor)
    const views = [
      { label: 'verdicts list', selector: 'table tbody tr', url: '/admin/collections/verdicts' },
      {
        label: 'verdict edit',
        selector: '[data-testid="workflow-stage"]',
        url: `/admin/collections/verdicts/${verdictId}`,
      },
      {
        label: 'matchup edit',
        selector: '[data-testid="workflow-stage"]',
        url: `/admin/collections/matchups/${matchupId}`,
      },
      { label: 'dashboard', selector: '[data-testid="role-dashboard"]', url: '/admin' },
    ]
    const rows: Row[] = views.map((view) => ({ label: `load: ${view.label}`, samples: [] }))
    for (const view of views) {
      await loadTime(page, `${server.url}${view.url}`, view.selector)
    }
    for (let run = 0; run < runs; run += 1) {
      for (const [index, view] of views.entries()) {
        rows[index].samples.push(await loadTime(page, `${server.url}${view.url}`, view.selector))
      }
    }
    await page.context().close()

    // One verdict through the workflow per run, on a tool of its own (one verdict per
    // persona and tool), each click timed in the panel.
    const category = await first('categories')
    const persona = (await api<{ docs: Array<{ id: number }> }>('GET', '/reviewers?where[slug][equals]=futurist'))
      .docs[0].id
    const clicks: Record<string, { screen: number[]; server: number[] }> = {}
    const record = (label: string, time: { screen: number; server: number }) => {
      clicks[label] ??= { screen: [], server: [] }
      clicks[label].screen.push(time.screen)
      clicks[label].server.push(time.server)
    }
    const quote = {
      root: {
        children: [{ children: [{ text: 'Benchmarked.', type: 'text', version: 1 }], type: 'paragraph' }],
        type: 'root',
      },
    }
    const editorPage = await adminLogin(browser, server.url, editor)
    const reviewerPage = await adminLogin(browser, server.url, reviewer)
    const open = (target: Page, id: number, stage: string) =>
      target
        .goto(`${server.url}/admin/collections/verdicts/${id}`)
        .then(() => target.getByTestId('workflow-stage').filter({ hasText: stage }).waitFor({ timeout: 120_000 }))
    for (let run = 0; run < runs; run += 1) {
      const newVerdict = async () => {
        const tool = await api<{ doc: { id: number } }>('POST', '/tools', {
          category,
          name: `Bench Tool ${Date.now()} ${Math.random().toString(36).slice(2, 6)}`,
          pricing: { tier: 'free' },
        })
        return (
          await api<{ doc: { id: number } }>('POST', '/verdicts?draft=true', {
            decision: 'ship',
            quote,
            reviewer: persona,
            tool: tool.doc.id,
          })
        ).doc.id
      }
      const id = await newVerdict()
      await open(editorPage, id, 'Draft')
      record('submit (editor)', await clickTime(editorPage, 'submit', 'In review'))
      await open(reviewerPage, id, 'In review')
      record('approve (reviewer)', await clickTime(reviewerPage, 'approve', 'Approved'))
      await open(editorPage, id, 'Approved')
      record('publish (editor)', await clickTime(editorPage, 'publish', 'Published'))

      const returned = await newVerdict()
      await api('POST', `/verdicts/${returned}/workflow`, { action: 'submit' })
      await open(reviewerPage, returned, 'In review')
      await reviewerPage.getByTestId('workflow-comment').fill('Name the benchmark you ran.')
      record('request changes (reviewer)', await clickTime(reviewerPage, 'request_changes', 'Changes requested'))
    }

    const range = (samples: number[]) => `${Math.min(...samples)}–${Math.max(...samples)}`
    const lines = [
      `\nAdmin (issue 17): headless Chromium, production build (\`npm start\`), demo content, SQLite; median (min–max) of ${runs}; load average ${loadavg()[0].toFixed(1)}.`,
      'Loads are warm (each page served once before), from navigation until the page is usable with no "Loading..." left; clicks from the click until the new stage is on screen.\n',
      '| what | ms | server answer ms |',
      '|---|---:|---:|',
      ...rows.map((row) => `| ${row.label} | ${median(row.samples)} (${range(row.samples)}) | |`),
      ...Object.entries(clicks).map(
        ([label, time]) =>
          `| click: ${label} | ${median(time.screen)} (${range(time.screen)}) | ${median(time.server)} (${range(time.server)}) |`,
      ),
    ]
    return lines
  } finally {
    await browser?.close()
    await server.stop()
  }
}

benchAdmin()
  .then((lines) => {
    console.log(lines.join('\n'))
    process.exit(0)
  })
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
    process.exit(1)
  })
