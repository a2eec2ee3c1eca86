import { Redis } from 'ioredis'
import { randomBytes } from 'node:crypto'

/** The Redis the cluster suites use (REDIS_URL, else the machine's own). */
export const testRedisUrl = process.env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379'

/** Why Redis at `url` does not answer, or null when it does (asked once, no retries). */
export async function redisProblem(url: string): Promise<null | string> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
  redis.on('error', () => {})
  try {
    await redis.connect()
    await redis.ping()
    return null
  } catch (error) {
    return (error as Error).message
  } finally {
    redis.disconnect()
  }
}

/** A key prefix no other run (or helper sharing this Redis) uses. */
export function uniqueRedisPrefix(): string {
  return `verdicts-test-${randomBytes(6).toString('hex')}:`
}

/** Cuts every connection whose name starts with `namePrefix`, as a Redis restart would. */
export async function killRedisClients(namePrefix: string): Promise<number> {
  const admin = new Redis(testRedisUrl)
  try {
    const list = (await admin.client('LIST')) as string
    const ids = list
      .split('\n')
      .map((line) => Object.fromEntries(line.split(' ').map((pair) => pair.split('=') as [string, string])))
      .filter((client) => client.name?.startsWith(namePrefix))
      .map((client) => client.id as string)
    for (const id of ids) {
      await admin.client('KILL', 'ID', id)
    }
    return ids.length
  } finally {
    admin.disconnect()
  }
}

/** Resolves once `check` holds, polling every 20 ms; rejects after `timeoutMs`. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`still not true after ${timeoutMs} ms`)
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
