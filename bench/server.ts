/**
 * The server side of `npm run bench`: boots the app on a fresh SQLite file with N
 * published matchups and serves six scenarios on loopback ports, each behind the same
 * minimal node:http adapter. Prints one JSON line with the ports and slugs when ready.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

import { REST_GET } from '@payloadcms/next/routes'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { buildConfig, getPayload } from 'payload'

import { createAppConfig } from '../src/demo/appConfig.ts'
import { databaseAdapterFor, resolveDatabaseTarget } from '../src/demo/database.ts'
import { createCaptureEmail } from '../src/email/captureEmailAdapter.ts'
import { richTextFromParagraphs } from '../src/catalog/richText.ts'
import { pluginOptionsOf } from '../src/pluginOptions.ts'
import { cachedAnswer } from '../src/public/cachedResponse.ts'
import { createMatchupFastPath } from '../src/public/fastPath.ts'
import { createMatchupRoute } from '../src/public/matchupRoute.ts'
import { cachedResponseFor, pageCacheOf } from '../src/public/pageCache.ts'
import { pageStoreOf } from '../src/public/pageStore.ts'
import { categoryData, matchupData, reviewerData, toolData, verdictData } from '../tests/helpers/createData.ts'

async function main(): Promise<void> {
  const matchupCount = Number(process.argv[2] ?? 10)
  const log = (line: string) => process.stderr.write(`${line}\n`)

  const file = path.join(mkdtempSync(path.join(tmpdir(), 'verdicts-bench-')), 'bench.db')
  // The bench stops this process with SIGTERM: the database file goes with it.
  process.once('SIGTERM', () => {
    rmSync(path.dirname(file), { force: true, recursive: true })
    process.exit(0)
  })
  const config = await buildConfig(
    createAppConfig({
      db: databaseAdapterFor(resolveDatabaseTarget(`file:${file}`)),
      email: createCaptureEmail().adapter,
      secret: 'bench',
    }),
  )
  // stdout carries only the ready line; start-up chatter (schema push, logs) goes to stderr.
  const writeStdout = process.stdout.write.bind(process.stdout)
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write
  // The default instance, so the REST handlers below use this very one (and its cache).
  const payload = await getPayload({ config, cron: false })
  payload.logger.level = 'warn'

  // Enough tools that every matchup is a distinct pair: t tools give t(t-1)/2 pairs.
  let toolCount = 2
  while ((toolCount * (toolCount - 1)) / 2 < matchupCount) {
    toolCount += 1
  }
  log(`seeding ${toolCount} tools, 4 personas, ${toolCount * 4} verdicts, ${matchupCount} matchups…`)
  const category = await payload.create({ collection: 'categories', data: categoryData({ name: 'Benchmarks' }) })
  const personas = []
  for (const name of ['Builder', 'Skeptic', 'Futurist', 'Buyer']) {
    personas.push(await payload.create({ collection: 'reviewers', data: reviewerData({ lens: `${name} lens`, name }) }))
  }
  const tools = []
  for (let index = 0; index < toolCount; index += 1) {
    const tool = await payload.create({
      collection: 'tools',
      data: toolData({
        category: (category as { id: number }).id,
        description: richTextFromParagraphs([`Benchmark tool number ${index}, with a paragraph of description text.`]),
        name: `Bench Tool ${index}`,
        pricing: { tier: index % 2 ? 'paid' : 'free' },
        tagline: `Tagline of tool ${index}`,
      }),
    })
    tools.push(tool as unknown as { id: number })
    for (const [position, persona] of personas.entries()) {
      await payload.create({
        collection: 'verdicts',
        data: verdictData({
          _status: 'published',
          decision: (index + position) % 3 ? 'ship' : 'skip',
          quote: richTextFromParagraphs([
            `Verdict ${position} on tool ${index}: a sentence or two of the reviewer's reasoning.`,
          ]),
          reviewer: (persona as unknown as { id: number }).id,
          tool: (tool as unknown as { id: number }).id,
        }),
      })
    }
  }
  const slugs: string[] = []
  outer: for (let left = 0; left < toolCount; left += 1) {
    for (let right = left + 1; right < toolCount; right += 1) {
      if (slugs.length >= matchupCount) {
        break outer
      }
      const matchup = await payload.create({
        collection: 'matchups',
        data: matchupData({ _status: 'published', leftTool: tools[left].id, rightTool: tools[right].id }),
      })
      slugs.push((matchup as unknown as { slug: string }).slug)
      if (slugs.length % 200 === 0) {
        log(`  ${slugs.length}/${matchupCount} matchups`)
      }
    }
  }

  const slugFrom = (url = '') => url.split('/').pop()!.split('?')[0]
  // Let the garbage of seeding go before anything is measured.
  ;(globalThis as { gc?: () => void }).gc?.()
  await new Promise((resolve) => setTimeout(resolve, 2000))

  const restGet = REST_GET(payload.config)
  const matchupRoute = createMatchupRoute(payload.config)
  const cache = pageCacheOf(payload)
  const fastPath = createMatchupFastPath(payload)

  /** The same thin adapter for every Payload scenario: node:http in, Fetch API to the handler. */
  async function send(response: ServerResponse, result: Response) {
    response.writeHead(result.status, Object.fromEntries(result.headers))
    response.end(Buffer.from(await result.arrayBuffer()))
  }
  const toRequest = (request: IncomingMessage, url: URL) =>
    new Request(url, { headers: request.headers as Record<string, string> })
  async function viaRestHandler(request: IncomingMessage, response: ServerResponse, apiPath: string) {
    const url = new URL(`http://127.0.0.1${apiPath}`)
    const slug = url.pathname
      .replace(/^\/api\//, '')
      .split('/')
      .filter(Boolean)
    await send(response, await restGet(toRequest(request, url), { params: Promise.resolve({ slug }) }))
  }
  /** The app's /api/public/matchups/[slug] route, as Next.js would call it. */
  async function viaMatchupRoute(request: IncomingMessage, response: ServerResponse) {
    const slug = slugFrom(request.url)
    const url = new URL(`http://127.0.0.1/api/public/matchups/${slug}`)
    await send(response, await matchupRoute(toRequest(request, url), { params: Promise.resolve({ slug }) }))
  }

  const sampleBody = Buffer.from(
    JSON.stringify(
      await (
        await restGet(new Request(`http://127.0.0.1/api/public/matchups/${slugs[0]}`), {
          params: Promise.resolve({ slug: ['public', 'matchups', slugs[0]] }),
        })
      ).json(),
    ),
  )

  // The page store of this instance, switched off for the (c') row only: the rows run one at
  // a time, so no other request is in flight meanwhile.
  const storeSlot = Symbol.for('verdicts-cms.page-store')
  const holder = payload as unknown as Record<symbol, unknown>
  const store = await pageStoreOf(payload)
  const withStoredPages = (on: boolean) => {
    holder[storeSlot] = Promise.resolve(on ? store : null)
  }

  // The limit: node:http writing the same response — status, header lines and body — with
  // nothing computed per request. The header values are the fast path's for this page,
  // made once here (an earlier version sent Content-Type alone, chunked: fewer bytes than a
  // correct public answer, with its cache and CORS headers, carries).
  const bareHeaders = cachedAnswer(
    cachedResponseFor(sampleBody.toString(), []),
    () => undefined,
    pluginOptionsOf(payload),
    true,
  ).headers

  const scenarios: Record<string, (request: IncomingMessage, response: ServerResponse) => Promise<void> | void> = {
    bare: (_request, response) => {
      response.writeHead(200, bareHeaders)
      response.end(sampleBody)
    },
    // A miss in memory: the page comes from its stored copy (one row).
    cold: async (request, response) => {
      withStoredPages(true)
      cache.clear()
      await viaMatchupRoute(request, response)
    },
    // A miss with no stored copy either: the page is built from the database on every
    // request, as every miss was before pages were stored (and as the first read after a
    // change still is, less its write of the stored copy).
    coldBuild: async (request, response) => {
      withStoredPages(false)
      cache.clear()
      await viaMatchupRoute(request, response)
    },
    payloadRest: (request, response) =>
      viaRestHandler(request, response, `/api/matchups?where[slug][equals]=${slugFrom(request.url)}&depth=2&limit=1`),
    // What server.ts (`npm start`) does: the node-level fast path, then the route.
    warm: (request, response) => (fastPath(request, response) ? undefined : viaMatchupRoute(request, response)),
    // What a plain Next.js server (`next dev`, `next start`) does: the route handler only.
    warmRoute: (request, response) => viaMatchupRoute(request, response),
  }

  const ports: Record<string, number> = {}
  for (const [name, handle] of Object.entries(scenarios)) {
    const server = createServer((request, response) => {
      Promise.resolve(handle(request, response)).catch((error: unknown) => {
        response.statusCode = 500
        response.end(String(error))
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    ports[name] = (server.address() as { port: number }).port
  }
  writeStdout(`${JSON.stringify({ bodyBytes: sampleBody.length, ports, slugs })}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
