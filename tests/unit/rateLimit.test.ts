import { describe, expect, it } from '@jest/globals'

import { FixedWindowRateLimiter } from '../../src/votes/rateLimit.ts'

describe('FixedWindowRateLimiter', () => {
  it('allows max hits per window per key, then says when to retry', () => {
    let now = 0
    const limiter = new FixedWindowRateLimiter(2, 10_000, () => now)
    expect(limiter.hit('a')).toEqual({ allowed: true })
    expect(limiter.hit('a')).toEqual({ allowed: true })
    expect(limiter.hit('b')).toEqual({ allowed: true })
    now = 2_500
    expect(limiter.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 8 })
    now = 10_000
    expect(limiter.hit('a')).toEqual({ allowed: true })
  })
})
