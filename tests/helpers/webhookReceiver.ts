import type { IncomingHttpHeaders } from 'node:http'

import { createServer } from 'node:http'

const stalled = 0

export type ReceivedWebhook = { body: string; headers: IncomingHttpHeaders }

/**
 * A local webhook receiver on 127.0.0.1: records every POST and answers with the next
 * status from `statuses` (then 200 for ever after); `stallNext` leaves the next request
 * unanswered, as a server still compiling its route would.
 */
export async function startWebhookReceiver(statuses: number[] = []) {
  const received: ReceivedWebhook[] = []
  const queue = [...statuses]
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      received.push({ body, headers: request.headers })
      const status = queue.shift() ?? 200
      if (status === stalled) {
        return
      }
      response.statusCode = status
      response.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    failNext: (...codes: number[]) => queue.push(...codes),
    stallNext: () => queue.push(stalled),
    received,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        // Kept-alive connections from the senders would hold both processes up for seconds.
        server.closeAllConnections()
      }),
    url: `http://127.0.0.1:${port}/hooks`,
  }
}
