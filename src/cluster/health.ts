import type { Endpoint, Payload } from 'payload'

import type { SanitizedVerdictsOptions } from '../options.ts'

import { commandConnection, pingRedis } from './redis.ts'

export type HealthReport = {
  database: 'down' | 'ok'
  errors?: Array<{ message: string }>
  redis: 'down' | 'not configured' | 'ok'
}

/** How long each check may take before it counts as down: a load balancer's probe should not hang. */
const checkTimeoutMs = 2000

async function withinTimeout(check: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      check,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${checkTimeoutMs} ms`)), checkTimeoutMs)
      }),
    ])
  } finally {
    clearTimeout(timer)
  }
}

/** Whether this process reaches its database and (when configured) Redis, checked now. */
export async function checkHealth(payload: Payload, options: SanitizedVerdictsOptions): Promise<HealthReport> {
  const errors: Array<{ message: string }> = []
  const [database, redis] = await Promise.all([
    // The adapter itself, below access control: one cheap count of the users table.
    withinTimeout(payload.db.count({ collection: options.collectionSlugs.users, req: {} })).then(
      () => 'ok' as const,
      (error: Error) => {
        errors.push({ message: `database: ${error.message}` })
        return 'down' as const
      },
    ),
    options.cluster.redisUrl
      ? pingRedis(commandConnection(options.cluster.redisUrl), checkTimeoutMs).then(
          () => 'ok' as const,
          (error: Error) => {
            errors.push({ message: `redis: ${error.message}` })
            return 'down' as const
          },
        )
      : Promise.resolve('not configured' as const),
  ])
  return errors.length > 0 ? { database, errors, redis } : { database, redis }
}

/**
 * `GET /api/health` for load balancers: 200 when the database and Redis (if configured)
 * answer, else 503 naming what is down. Says nothing else about the deployment.
 */
export function createHealthEndpoint(options: SanitizedVerdictsOptions): Endpoint {
  return {
    handler: async (req) => {
      const report = await checkHealth(req.payload, options)
      return Response.json(report, {
        headers: { 'Cache-Control': 'no-store' },
        status: report.errors ? 503 : 200,
      })
    },
    method: 'get',
    path: '/health',
  }
}
