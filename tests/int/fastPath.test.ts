import type { Server } from 'node:http'
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer } from 'node:http'

import type { RestClient } from '../helpers/rest.ts'

import { createMatchupFastPath } from '../../src/public/fastPath.ts'
import { demoPassword } from '../../src/demo/demoContent.ts'
import { seedDemoContent } from '../../src/demo/seedDemoContent.ts'
import { demoMatchupSlugs } from '../helpers/demoMatchups.ts'
import { slugs } from '../helpers/fixtures.ts'
import { startTestPayload } from '../helpers/payload.ts'
import { restClient, tokenFor, workflowAction } from '../helpers/rest.ts'

/**
 * The node:http fast path that server.ts puts in front of Next.js: it answers only pages
 * already in memory, with the API route's exact bytes and headers, and steps aside for
 * everything else — including a page a publish has just made stale.
 */
const slug = demoMatchupSlugs.localVsHosted
const fellThrough = 599

let payload: Payload
let rest: RestClient
let server: Server
let baseUrl: string

beforeAll(async () => {
  payload = await startTestPayload('fast-path', { plugin: { publicApi: { corsOrigins: ['https://site.example'] } } })
  await seedDemoContent(payload)
  rest = restClient(payload)
  const fastPath = createMatchupFastPath(payload)
  server = createServer((request, response) => {
    if (!fastPath(request, response)) {
      response.writeHead(fellThrough).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  await payload?.destroy()
})

const viaFastPath = (path: string, init: RequestInit = {}) => fetch(`${baseUrl}${path}`, init)
const headerSet = (headers: Headers, names: string[]) =>
  Object.fromEntries(names.map((name) => [name, headers.get(name)]))

describe('the matchup fast path', () => {
  it("steps aside for a page not yet in memory, then serves the API route's exact bytes and headers", async () => {
    expect((await viaFastPath(`/api/public/matchups/${slug}`)).status).toBe(fellThrough)
    const origin = { origin: 'https://site.example' }
    const built = await rest.request('GET', `/public/matchups/${slug}`, { headers: origin })
    expect(built.status).toBe(200)

    const served = await viaFastPath(`/api/public/matchups/${slug}?utm_source=feed`, { headers: origin })
    expect(served.status).toBe(200)
    const text = await served.text()
    expect(JSON.parse(text)).toEqual(built.body)
    // Sent with its length in one piece, not as chunks.
    expect(served.headers.get('content-length')).toBe(String(Buffer.byteLength(text)))
    expect(served.headers.get('transfer-encoding')).toBeNull()
    const names = ['access-control-allow-origin', 'cache-control', 'content-type', 'etag', 'vary']
    expect(headerSet(served.headers, names)).toEqual(headerSet(built.headers, names))
    expect(served.headers.get('access-control-allow-origin')).toBe('https://site.example')
  })

  it('answers 304 to a current ETag and HEAD without a body', async () => {
    const { headers } = await viaFastPath(`/api/public/matchups/${slug}`)
    const etag = headers.get('etag')!
    const notModified = await viaFastPath(`/api/public/matchups/${slug}`, { headers: { 'If-None-Match': etag } })
    expect(notModified.status).toBe(304)
    expect(await notModified.text()).toBe('')
    const head = await viaFastPath(`/api/public/matchups/${slug}`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('etag')).toBe(etag)
    expect(await head.text()).toBe('')
    expect(head.headers.get('content-length')).toBe(headers.get('content-length'))
  })

  it('leaves other methods, paths and unknown slugs to Next.js', async () => {
    expect((await viaFastPath(`/api/public/matchups/${slug}`, { method: 'POST' })).status).toBe(fellThrough)
    expect((await viaFastPath(`/api/public/tools/ollama`)).status).toBe(fellThrough)
    expect((await viaFastPath('/api/public/matchups/no-such-page')).status).toBe(fellThrough)
    expect((await viaFastPath('/admin')).status).toBe(fellThrough)
  })

  it('never serves a page a publish has changed: it steps aside until the page is rebuilt', async () => {
    const before = (await (await viaFastPath(`/api/public/matchups/${slug}`)).json()) as {
      tools: Array<{ panel: { percent: number } }>
    }
    const editor = await tokenFor(payload, 'editor@verdicts.test', demoPassword)
    const buyerReviewer = await tokenFor(payload, 'buyer@verdicts.test', demoPassword)
    const verdicts = await payload.find({
      collection: slugs.verdicts,
      where: { and: [{ 'reviewer.slug': { equals: 'buyer' } }, { 'tool.slug': { equals: 'ollama' } }] },
    })
    const verdict = verdicts.docs[0] as unknown as { decision: string; id: number | string }
    expect(verdict.decision).toBe('skip')
    expect(
      (
        await rest.request('PATCH', `/${slugs.verdicts}/${verdict.id}?draft=true`, {
          body: { decision: 'ship' },
          token: editor,
        })
      ).status,
    ).toBe(200)
    await workflowAction(rest, slugs.verdicts, verdict.id, 'submit', editor)
    await workflowAction(rest, slugs.verdicts, verdict.id, 'approve', buyerReviewer)
    expect((await workflowAction(rest, slugs.verdicts, verdict.id, 'publish', editor)).status).toBe(200)

    expect((await viaFastPath(`/api/public/matchups/${slug}`)).status).toBe(fellThrough)
    const rebuilt = await rest.request<{ tools: Array<{ panel: { percent: number } }> }>(
      'GET',
      `/public/matchups/${slug}`,
    )
    expect(rebuilt.body.tools[0].panel.percent).toBe(100)
    expect(before.tools[0].panel.percent).toBe(80)
    expect(await (await viaFastPath(`/api/public/matchups/${slug}`)).json()).toEqual(rebuilt.body)
  })
})
