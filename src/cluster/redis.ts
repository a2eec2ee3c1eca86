import { Redis } from 'ioredis'

/**
 * One command connection per Redis URL and process, shared by the rate limiters and the
 * health check. Opened on first use, so a config that names Redis costs nothing in a
 * process that never counts a request (the CLI, type generation).
 *
 * It has no offline queue: while Redis is away a command fails at once instead of
 * waiting, so a limiter falls back to its in-memory count and the health check answers
 * 503 without hanging; ioredis keeps reconnecting in the background.
 */
/**
 * How long ioredis waits for a socket to close on `disconnect()` before destroying it. Its
 * 2 s default keeps a timer alive even when the socket is long gone (Redis unreachable),
 * holding up the end of a script or test; ours are closed only on the way out.
 */
export const disconnectTimeout = 100

const connectionsSlot = Symbol.for('verdicts-cms.redis-connections')
type WithConnections = typeof globalThis & { [connectionsSlot]?: Map<string, Redis> }

export function commandConnection(url: string): Redis {
  const holder = globalThis as WithConnections
  holder[connectionsSlot] ??= new Map()
  let connection = holder[connectionsSlot].get(url)
  if (!connection) {
    connection = new Redis(url, { disconnectTimeout, enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    // Errors surface on the commands (and in /api/health); the event would otherwise crash.
    connection.on('error', () => {})
    // It answers requests; it is never a reason for a process to stay up. A request that
    // reaches a limiter after its Payload was destroyed (one a test gave up on, say) opens it
    // again, and nothing would close it: the process (a jest worker) could never exit.
    connection.on('connect', () => connection?.stream.unref())
    holder[connectionsSlot].set(url, connection)
  }
  return connection
}

/** Closes the shared command connection to `url` (a process shutting down, a test ending). */
export async function closeCommandConnection(url: string): Promise<void> {
  const connections = (globalThis as WithConnections)[connectionsSlot]
  const connection = connections?.get(url)
  if (connection) {
    connections?.delete(url)
    connection.disconnect()
  }
}

/** Resolves once `connection` is connected and answers PING, or rejects after `timeoutMs`. */
export async function pingRedis(connection: Redis, timeoutMs = 1000): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  let onReady: (() => void) | undefined
  const ready =
    connection.status === 'ready'
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          onReady = resolve
          connection.once('ready', resolve)
        })
  try {
    await Promise.race([
      ready.then(() => connection.ping()),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
      }),
    ])
  } finally {
    clearTimeout(timer)
    if (onReady) {
      connection.off('ready', onReady)
    }
  }
}
