import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

/**
 * Every per-client limit of the app (votes, new voters, logins) goes through this one
 * module. It uses rate-limiter-flexible's in-memory store, so each process counts on its
 * own; a deployment of several processes swaps in the library's Redis store here
 * (`RateLimiterRedis` has the same interface) without touching the callers.
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

export function createClientLimiter({ max, windowSeconds }: { max: number; windowSeconds: number }): ClientLimiter {
  const limiter = new RateLimiterMemory({ duration: windowSeconds, points: max })
  const refusal = (msBeforeNext: number): LimitDecision => ({
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)),
  })
  return {
    async hit(key) {
      try {
        await limiter.consume(key)
        return { allowed: true }
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return refusal(rejection.msBeforeNext)
        }
        throw rejection
      }
    },
    async reward(key) {
      await limiter.reward(key, 1)
    },
    async peek(key) {
      const state = await limiter.get(key)
      return state && state.consumedPoints >= max ? refusal(state.msBeforeNext) : { allowed: true }
    },
  }
}
