export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

/**
 * A fixed-window counter per key (a client IP). In memory, so each server process counts
 * on its own; behind several processes the effective limit is max × processes.
 */
export class FixedWindowRateLimiter {
  private readonly windows = new Map<string, { count: number; resetsAt: number }>()
  private lastSweep = 0

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  hit(key: string): RateLimitDecision {
    const now = this.now()
    this.sweep(now)
    const window = this.windows.get(key)
    if (!window || window.resetsAt <= now) {
      this.windows.set(key, { count: 1, resetsAt: now + this.windowMs })
      return { allowed: true }
    }
    if (window.count >= this.max) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.resetsAt - now) / 1000)) }
    }
    window.count += 1
    return { allowed: true }
  }

  /** Drops finished windows once per window length, so memory follows active clients only. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) {
      return
    }
    this.lastSweep = now
    for (const [key, window] of this.windows) {
      if (window.resetsAt <= now) {
        this.windows.delete(key)
      }
    }
  }
}
