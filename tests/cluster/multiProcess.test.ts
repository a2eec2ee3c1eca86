import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { AppServer } from '../helpers/appServer.ts'

import { demoTools } from '../../src/demo/demoContent.ts'
import { computeScore } from '../../src/scores/score.ts'
import { apiLogin, runCli, runCliProcess } from '../helpers/appServer.ts'
import {
  api,
  clusterEnv,
  flipped,
  json,
  panelFigures,
  panelOnApi,
  startServers,
  verdictPublisher,
} from '../helpers/cluster.ts'
import { testDatabaseUri } from '../helpers/database.ts'
import { eventually, killRedisClients, uniqueRedisPrefix } from '../helpers/redis.ts'
import { startWebhookReceiver } from '../helpers/webhookReceiver.ts'

/**
 * Three production server processes (`next build` + server.ts) on one PostgreSQL database
 * and one Redis, as a deployment behind a load balancer runs them (README, Deploying).
 * Figures (staleness percentiles, throughput) are in `npm run bench`; these assert bounds.
 */
const { slug } = flipped
const prefix = uniqueRedisPrefix()
const databaseUri = testDatabaseUri('cluster')
const voteLimit = 30 // community.rateLimit.max by default
/** Publishes in the burst during which one process is killed (issue 14: 100). */
const burst = 100
const servers: AppServer[] = []
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>

type Score = { percent: null | number; ship: number; skip: number; total: number }

async function panelOnPage(server: AppServer): Promise<null | string> {
  const html = await (await fetch(`${server.url}/compare/${slug}`)).text()
  const card = new RegExp(`data-tool="${flipped.tool}"[\\s\\S]*?data-figure="panel"[^>]*>([^<]*)<`).exec(html)
  return card?.[1] ?? null
}

/** Resolves with the time from `since` until `check` holds (polled every 20 ms), up to 10 s. */
async function msUntil(since: number, check: () => Promise<boolean>): Promise<number> {
  await withServerLogs(() => eventually(check, 10_000))
  return Date.now() - since
}

/** Runs `wait`; when it fails, the failure carries the end of each server's log. */
async function withServerLogs<T>(wait: () => Promise<T>): Promise<T> {
  try {
    return await wait()
  } catch (error) {
    // The lines that say what went wrong, not the end of a long job dump.
    const problems = (output: string) =>
      output
        .split('\n')
        .filter((line) => /error|fail|refus|warn/i.test(line))
        .slice(-30)
        .join('\n')
    const logs = servers.map((server, index) => `--- server ${'ABC'[index]}:\n${problems(server.output())}`)
    throw new Error(`${(error as Error).message}\n${logs.join('\n')}`)
  }
}

beforeAll(async () => {
  if (!databaseUri.startsWith('postgres')) {
    throw new Error('the multi-process suite runs on PostgreSQL: npm run test:postgres')
  }
  runCli(['seed'], databaseUri)
  receiver = await startWebhookReceiver()
  const env = clusterEnv(prefix, {
    // Votes come from 200 addresses through one "proxy" (X-Forwarded-For).
    TRUST_PROXY: '1',
    VERDICTS_JOB_LEASE_SECONDS: '30',
    WEBHOOK_PRIVATE_ORIGINS: new URL(receiver.url).origin,
  })
  servers.push(...(await startServers(databaseUri, { count: 3, env, warm: [`/compare/${slug}`] })))
}, 900_000)

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()))
  await receiver?.stop()
})

describe('three processes, one database, one Redis (issue 14)', () => {
  it('each process answers /api/health with the database and Redis up', async () => {
    for (const server of servers) {
      expect(await json(`${server.url}/api/health`)).toEqual({ body: { database: 'ok', redis: 'ok' }, status: 200 })
    }
  })

  it('a publish through A is served by B and C within 1 s, on the API and on /compare', async () => {
    const [a, b, c] = servers
    const publisher = await verdictPublisher(a)
    // Every process has the page in memory (and /compare in its data cache) before the change.
    for (const server of servers) {
      expect(await panelOnApi(server)).toBe(panelFigures.asSeeded)
      expect(await panelOnPage(server)).toBe(`${panelFigures.asSeeded}%`)
    }
    expect(await publisher.publish('ship')).toBe(panelFigures.flipped)
    const published = Date.now()
    const staleness = await Promise.all(
      [b, c].map((server) => msUntil(published, async () => (await panelOnApi(server)) === panelFigures.flipped)),
    )
    expect(Math.max(...staleness)).toBeLessThan(1000)

    // /compare refreshes when the revalidation webhook arrives (the jobs queue, every 5 s)
    // at one process; from the first process showing it, the others follow within 1 s.
    await withServerLogs(() =>
      eventually(
        async () => (await Promise.all(servers.map(panelOnPage))).includes(`${panelFigures.flipped}%`),
        60_000,
      ),
    )
    const firstShown = Date.now()
    const pageStaleness = await Promise.all(
      servers.map((server) =>
        msUntil(firstShown, async () => (await panelOnPage(server)) === `${panelFigures.flipped}%`),
      ),
    )
    expect(Math.max(...pageStaleness)).toBeLessThan(1000)
  })

  it('1,000 votes from 200 voters over the three: every process reports the same community figure', async () => {
    const tools = demoTools.slice(0, 5).map((tool) => tool.slug)
    const voters = Array.from({ length: 200 }, (_, index) => index)
    const expected = new Map(tools.map((tool) => [tool, { ship: 0, skip: 0 }]))
    const refused: number[] = []
    // 20 voters at a time; each casts one vote per tool on a process of its own.
    for (let start = 0; start < voters.length; start += 20) {
      await Promise.all(
        voters.slice(start, start + 20).map(async (voter) => {
          let cookie = ''
          for (const [index, tool] of tools.entries()) {
            const server = servers[(voter + index) % 3]
            const decision = (voter * 7 + index) % 3 === 0 ? 'skip' : 'ship'
            const response = await fetch(`${server.url}/api/public/tools/${tool}/vote`, {
              body: JSON.stringify({ decision }),
              headers: {
                'Content-Type': 'application/json',
                Origin: server.url,
                'X-Forwarded-For': `10.1.${Math.floor(voter / 250)}.${voter % 250}`,
                ...(cookie ? { Cookie: cookie } : {}),
              },
              method: 'POST',
            })
            cookie ||= (response.headers.get('set-cookie') ?? '').split(';')[0]
            if (response.ok) {
              expected.get(tool)![decision] += 1
            } else {
              refused.push(response.status)
            }
            await response.body?.cancel()
          }
        }),
      )
    }
    expect(refused).toEqual([])
    for (const tool of tools) {
      const { ship, skip } = expected.get(tool)!
      const figures = await Promise.all(
        servers.map(
          async (server) => (await json<{ community: Score }>(`${server.url}/api/public/tools/${tool}`)).body.community,
        ),
      )
      for (const figure of figures) {
        expect(figure).toEqual({ percent: computeScore(ship, skip).percent, ship, skip, total: ship + skip })
      }
    }
  }, 300_000)

  it('one client address sending to all three gets at most rateLimit.max votes accepted', async () => {
    let cookie = ''
    const statuses: number[] = []
    for (let attempt = 0; attempt < voteLimit * 2; attempt += 1) {
      const server = servers[attempt % 3]
      const response = await fetch(`${server.url}/api/public/tools/ollama/vote`, {
        body: JSON.stringify({ decision: attempt % 2 ? 'ship' : 'skip' }),
        headers: {
          'Content-Type': 'application/json',
          Origin: server.url,
          'X-Forwarded-For': '10.9.9.9',
          ...(cookie ? { Cookie: cookie } : {}),
        },
        method: 'POST',
      })
      cookie ||= (response.headers.get('set-cookie') ?? '').split(';')[0]
      statuses.push(response.status)
      await response.body?.cancel()
    }
    expect(statuses.filter((status) => status < 300)).toHaveLength(voteLimit)
    expect(statuses.filter((status) => status === 429)).toHaveLength(voteLimit)
  })

  it('100 publishes through the three reach a subscriber once each, with one process killed mid-burst', async () => {
    const admin = await apiLogin(servers[0].url, 'admin@verdicts.test')
    expect((await api(servers[0], 'POST', '/webhook-subscriptions', admin, { url: receiver.url })).status).toBe(201)
    const editor = await apiLogin(servers[0].url, 'editor@verdicts.test')
    const tool = (
      await api<{ docs: Array<{ id: number }> }>(servers[0], 'GET', '/tools?where[slug][equals]=ollama', editor)
    ).body.docs[0]
    let changes = 0
    for (let index = 0; index < burst; index += 1) {
      if (index === burst / 2) {
        // B dies mid-burst, with whatever jobs it had claimed.
        await servers[1].kill()
      }
      // Round robin over the processes still alive.
      const alive = index < burst / 2 ? servers : [servers[0], servers[2]]
      const response = await api(alive[index % alive.length], 'PATCH', `/tools/${tool.id}`, editor, {
        tagline: `Local models, take ${index}`,
      })
      expect(response.status).toBe(200)
      changes += 1
    }
    const ids = () => receiver.received.map((delivery) => String(delivery.headers['webhook-id']))
    // Jobs B had claimed run elsewhere once their 30 s lease is over.
    await eventually(() => new Set(ids()).size >= changes, 120_000)
    await new Promise((resolve) => setTimeout(resolve, 6000))
    expect(new Set(ids()).size).toBe(changes)
    expect(ids()).toHaveLength(changes)
    const reconcile = runCliProcess(['reconcile', '--check'], databaseUri)
    expect(reconcile.status).toBe(0)
  }, 300_000)

  it('after Redis drops every subscription, no process serves a page older than the drop', async () => {
    const [a, , c] = servers
    const editor = await apiLogin(a.url, 'editor@verdicts.test')
    const tool = (await api<{ docs: Array<{ id: number }> }>(a, 'GET', '/tools?where[slug][equals]=openrouter', editor))
      .body.docs[0]
    for (const server of [a, c]) {
      await json(`${server.url}/api/public/tools/openrouter`)
    }
    // As a Redis restart would: every subscriber connection of this deployment is cut.
    expect(await killRedisClients(prefix)).toBeGreaterThanOrEqual(2)
    expect((await api(a, 'PATCH', `/tools/${tool.id}`, editor, { tagline: 'After the restart' })).status).toBe(200)
    const changed = Date.now()
    const staleness = await msUntil(changed, async () => {
      const { body } = await json<{ tagline: string }>(`${c.url}/api/public/tools/openrouter`)
      return body.tagline === 'After the restart'
    })
    expect(staleness).toBeLessThan(1000)
  })
})
