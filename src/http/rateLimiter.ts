import type { RateLimiterAbstract } from 'rate-limiter-flexible'

import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'

import { commandConnection } from '../cluster/redis.ts'

/**
 * Every per-client limit of the app (votes, new voters, logins, newsletter sign-ups) goes
 * through this one module, on rate-limiter-flexible. Without Redis each process counts on
 * its own (in memory). With `cluster.redisUrl` every process counts in Redis, so N
 * processes behind a load balancer allow `max` per client in all, not N × `max`; while
 * Redis is unreachable each process falls back to its own in-memory count (the library's
 * insurance limiter) rather than refusing or admitting everyone.
 */
export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

export type ClientLimiter = {
  /** Counts one request for `key`; refused once `max` were counted in the window. */
  hit: (key: string) => Promise<LimitDecision>
  /** Whether `key` has room for one more, without counting. */
  peek: (key: string) => Promise<LimitDecision>
  /** Gives one counted request back (a sign-in that turned out right). */
  reward: (key: string) => Promise<void>
}

export type LimiterSettings = {
  max: number
  /** Names the limit's keys in Redis (`<prefix>limit:<name>:<client>`). */
  name: string
  redis: null | { keyPrefix: string; url: string }
  windowSeconds: number
}

function createStore({ max, name, redis, windowSeconds }: LimiterSettings): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ duration: windowSeconds, points: max })
  if (!redis) {
    return memory
  }
  return new RateLimiterRedis({
    duration: windowSeconds,
    insuranceLimiter: memory,
    keyPrefix: `${redis.keyPrefix}limit:${name}`,
    points: max,
    rejectIfRedisNotReady: true,
    storeClient: commandConnection(redis.url),
  })
}

export function createClientLimiter(settings: LimiterSettings): ClientLimiter {
  const { max } = settings
  // Built on first use: the Redis connection opens only in a process that counts requests.
  let store: RateLimiterAbstract | undefined
  const limiter = () => (store ??= createStore(settings))
  const refusal = (msBeforeNext: number): LimitDecision => ({
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)),
  })
  return {
    async hit(key) {
      try {
        await limiter().consume(key)
        return { allowed: true }
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return refusal(rejection.msBeforeNext)
        }
        throw rejection
      }
    },
    async reward(key) {
      await limiter().reward(key, 1)
    },
    async peek(key) {
      const state = await limiter().get(key)
      return state && state.consumedPoints >= max ? refusal(state.msBeforeNext) : { allowed: true }
    },
  }
}

/** The Redis settings of a sanitized plugin config, or null for in-process limits. */
export function limiterRedis(cluster: { redisKeyPrefix: string; redisUrl: null | string }): LimiterSettings['redis'] {
  return cluster.redisUrl ? { keyPrefix: cluster.redisKeyPrefix, url: cluster.redisUrl } : null
}
