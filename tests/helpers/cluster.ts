import type { AppServer } from './appServer.ts'

import { apiLogin, startAppServer } from './appServer.ts'
import { demoMatchupSlugs } from './demoMatchups.ts'
import { testRedisUrl } from './redis.ts'

/**
 * Several production server processes (`next build` + server.ts) on one database and one
 * Redis, as a deployment behind a load balancer runs them (README, Deploying). The
 * multi-process suite (tests/cluster) and `npm run bench` (bench/cluster.ts) start them and
 * publish through them alike. No jest here: the bench imports it too.
 */

/** The demo comparison whose panel figure a publish flips, and the tool it flips. */
export const flipped = { slug: demoMatchupSlugs.vsMistralSmall, tool: 'mistral-3-small' }
/** The panel figure of `flipped.tool` in the demo data (3 of 4 ship), and with its skip made a ship. */
export const panelFigures = { asSeeded: 75, flipped: 100 }

/**
 * Starts `count` processes one after another: each start checks the site's own webhook
 * subscription. Behind a load balancer every process names the one public address of the
 * site's API, and so the one webhook target every process may deliver to; here that
 * address is the first process's. On a failure the processes already started are stopped.
 */
export async function startServers(
  databaseUri: string,
  { count, env = {}, warm = [] }: { count: number; env?: Record<string, string>; warm?: string[] },
): Promise<AppServer[]> {
  const servers: AppServer[] = []
  try {
    servers.push(await startAppServer(databaseUri, { env, warm }))
    for (let index = 1; index < count; index += 1) {
      servers.push(await startAppServer(databaseUri, { env: { ...env, SITE_API_URL: servers[0].url }, warm }))
    }
  } catch (error) {
    await Promise.all(servers.map((server) => server.stop()))
    throw error
  }
  return servers
}

/** The environment of every process of one deployment: one Redis, one key prefix. */
export function clusterEnv(prefix: string, more: Record<string, string> = {}): Record<string, string> {
  return { REDIS_KEY_PREFIX: prefix, REDIS_URL: testRedisUrl, ...more }
}

export async function json<T>(url: string, init: RequestInit = {}): Promise<{ body: T; status: number }> {
  const response = await fetch(url, init)
  return { body: (await response.json()) as T, status: response.status }
}

/** A call to the app's REST API as a signed-in user. */
export const api = async <T>(server: AppServer, method: string, path: string, token: string, body?: unknown) =>
  json<T>(`${server.url}/api${path}`, {
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
    method,
  })

type Score = { percent: null | number }
type MatchupPage = { tools: Array<{ panel: Score; slug: string }> }

/** The panel figure of `flipped.tool` that `server` serves on the public API right now. */
export const panelOnApi = async (server: AppServer): Promise<null | number> =>
  (await json<MatchupPage>(`${server.url}/api/public/matchups/${flipped.slug}`)).body.tools.find(
    (tool) => tool.slug === flipped.tool,
  )!.panel.percent

/**
 * Publishes verdicts through one process as the newsroom does: an editor changes the
 * decision of the flipped tool's verdict, submits it, a reviewer approves, the editor
 * publishes (the workflow endpoint). `publish` returns the panel figure it leads to.
 */
export async function verdictPublisher(server: AppServer): Promise<{
  publish: (decision: 'ship' | 'skip') => Promise<number>
}> {
  const editor = await apiLogin(server.url, 'editor@verdicts.test')
  const reviewer = await apiLogin(server.url, 'skeptic@verdicts.test')
  const verdict = (
    await api<{ docs: Array<{ id: number }> }>(
      server,
      'GET',
      `/verdicts?where[tool.slug][equals]=${flipped.tool}&where[decision][equals]=skip`,
      editor,
    )
  ).body.docs[0]
  const step = async (token: string, method: string, path: string, body: unknown) => {
    const { body: answer, status } = await api(server, method, path, token, body)
    if (status !== 200) {
      throw new Error(`${method} ${path} answered ${status}: ${JSON.stringify(answer)}`)
    }
  }
  return {
    publish: async (decision) => {
      await step(editor, 'PATCH', `/verdicts/${verdict.id}?draft=true`, { decision })
      await step(editor, 'POST', `/verdicts/${verdict.id}/workflow`, { action: 'submit' })
      await step(reviewer, 'POST', `/verdicts/${verdict.id}/workflow`, { action: 'approve' })
      await step(editor, 'POST', `/verdicts/${verdict.id}/workflow`, { action: 'publish' })
      return decision === 'ship' ? panelFigures.flipped : panelFigures.asSeeded
    },
  }
}
