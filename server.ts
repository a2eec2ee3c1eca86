/**
 * The production server (`npm run build && npm start`): Next.js (admin, APIs, /compare)
 * behind a plain node:http server whose first stop is the comparison page's fast path, so
 * a page in memory is answered without Next.js's per-request work.
 */
import next from 'next'
import { createServer } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { getPayload } from 'payload'

import config from './payload.config.ts'
import { createMatchupFastPath, stampSocketAddress } from 'verdicts-cms/node'

import { startSiteRelay } from './src/site/revalidationRelay.ts'
import { ensureSiteSubscription } from './src/site/siteSubscription.ts'

async function main(): Promise<void> {
  const port = Number(process.env.PORT || 3000)
  const hostname = process.env.HOSTNAME || '0.0.0.0'
  const app = next({ dev: false, dir: path.dirname(fileURLToPath(import.meta.url)), hostname, port })
  const handle = app.getRequestHandler()
  await app.prepare()
  // The one Payload instance of this process; Next.js's routes get the same one back
  // from getPayload, so the fast path and the API share its page cache. VERDICTS_JOBS=off
  // leaves the jobs (webhooks, newsletter, releases) to `npm run worker`.
  const payload = await getPayload({ config, cron: process.env.VERDICTS_JOBS !== 'off' })
  await ensureSiteSubscription(payload)
  // Other processes' /compare expiries arrive over Redis and are applied through this one.
  const ownHost = ['0.0.0.0', '::'].includes(hostname) ? '127.0.0.1' : hostname
  const stopSiteRelay = startSiteRelay(
    `http://${ownHost.includes(':') ? `[${ownHost}]` : ownHost}:${port}`,
    (message) => payload.logger.error(message),
  )
  const fastPath = createMatchupFastPath(payload)

  const server = createServer((request, response) => {
    if (fastPath(request, response)) {
      return
    }
    // Route handlers cannot see the socket: hand its address on, replacing any a client sent
    // (src/http/clientAddress.ts; `trustProxy` decides how far X-Forwarded-For is believed).
    // After the fast path, whose cached pages are the same for every client: parsing the
    // address is not part of a warm read.
    stampSocketAddress(request.headers, request.socket.remoteAddress)
    void handle(request, response)
  })
  // A proxy keeps idle connections open to reuse them (60 s on common load balancers). With
  // Node's default of 5 s the server would close one just as the proxy sends on it, and the
  // proxy would answer that reader 502; the server must be the one that waits longer.
  server.keepAliveTimeout = keepAliveTimeoutMs
  server.headersTimeout = keepAliveTimeoutMs + 1000
  server.listen(port, hostname, () => {
    payload.logger.info(
      `Verdicts CMS on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port} (admin at /admin, pages at /compare)`,
    )
  })

  // A rolling deploy or a scale-down sends SIGTERM: stop taking connections, let the requests
  // in flight finish, then close the database and Redis connections and exit 0. A request
  // still running after the grace period is cut off rather than holding the deploy up.
  const stop = (signal: NodeJS.Signals) => {
    payload.logger.info(`${signal}: no new connections; finishing the requests in flight, then stopping`)
    setTimeout(() => process.exit(0), shutdownGraceMs + 5000).unref()
    stopSiteRelay?.()
    const drained = new Promise<void>((resolve) => server.close(() => resolve()))
    // close() ends the idle keep-alive connections once; a connection whose request finishes
    // later would stay open, idle, until its keep-alive timeout: end those as they go idle.
    const idleSweep = setInterval(() => server.closeIdleConnections(), 100)
    const cutOff = setTimeout(() => server.closeAllConnections(), shutdownGraceMs)
    void drained
      .then(() => {
        clearInterval(idleSweep)
        clearTimeout(cutOff)
        return payload.destroy()
      })
      .catch((error: unknown) => payload.logger.error(`stopping: ${(error as Error).message}`))
      .finally(() => process.exit(0))
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

/** How long an idle client connection is kept open (see the comment where it is set). */
const keepAliveTimeoutMs = 65_000
/** How long a stopping server lets its requests in flight run. */
const shutdownGraceMs = Number(process.env.SHUTDOWN_GRACE_SECONDS || 10) * 1000

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
