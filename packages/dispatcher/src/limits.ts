/** How the in-flight share of each endpoint adapts (see `EndpointLimits`). */
export interface ShareOptions {
  /** The cap an endpoint starts with, and returns to after it was cut. */
  initial: number
  /** The most an endpoint may ever have in flight in this process. */
  max: number
}

interface Share {
  inFlight: number
  /** The endpoint's own `maxConcurrency`, as last seen. */
  limit: number
  /** Adaptive cap: +1 per prompt success up to `max`, halved when an attempt hangs. */
  cap: number
}

/**
 * Per-endpoint rate limits, concurrency caps and fair shares, held by one dispatcher process.
 *
 * Isolation: every endpoint starts with a share of the process's in-flight slots
 * (`initial`, a quarter of them by default). A prompt success raises its cap by one, up to
 * `max` (all slots), so one healthy endpoint still gets the whole process; an attempt that
 * hangs (runs past the slow threshold) or times out halves it, down to one. A hanging
 * endpoint therefore holds at most its starting share, and soon just one slot.
 */
export class EndpointLimits {
  readonly #buckets = new Map<string, { tokens: number; refilledAt: number }>()
  readonly #shares = new Map<string, Share>()
  readonly #options: ShareOptions

  constructor(
    options: ShareOptions = { initial: Number.POSITIVE_INFINITY, max: Number.POSITIVE_INFINITY },
  ) {
    this.#options = options
  }

  #share(endpointId: string): Share {
    let share = this.#shares.get(endpointId)
    if (!share) {
      if (this.#shares.size > 10_000) {
        for (const [id, s] of this.#shares) if (s.inFlight === 0) this.#shares.delete(id)
      }
      share = { inFlight: 0, limit: Number.POSITIVE_INFINITY, cap: this.#options.initial }
      this.#shares.set(endpointId, share)
    }
    return share
  }

  /**
   * Takes a slot for one delivery: `0` when it may go now, otherwise the milliseconds
   * to wait before it may.
   */
  acquire(
    endpointId: string,
    ratePerSecond: number | null,
    maxConcurrency: number | null,
    now: number,
  ): number {
    const share = this.#share(endpointId)
    share.limit = maxConcurrency ?? Number.POSITIVE_INFINITY
    if (share.inFlight >= Math.min(Math.floor(share.cap), share.limit)) return 25
    if (ratePerSecond !== null) {
      const burst = Math.max(1, ratePerSecond)
      const bucket = this.#buckets.get(endpointId) ?? { tokens: burst, refilledAt: now }
      bucket.tokens = Math.min(
        burst,
        bucket.tokens + ((now - bucket.refilledAt) * ratePerSecond) / 1000,
      )
      bucket.refilledAt = now
      this.#buckets.set(endpointId, bucket)
      if (bucket.tokens < 1) return Math.ceil(((1 - bucket.tokens) * 1000) / ratePerSecond)
      bucket.tokens -= 1
    }
    share.inFlight += 1
    return 0
  }

  /** Gives the slot back; `prompt` = the attempt answered before the slow threshold. */
  release(endpointId: string, prompt: boolean): void {
    const share = this.#shares.get(endpointId)
    if (!share) return
    share.inFlight = Math.max(0, share.inFlight - 1)
    if (prompt) share.cap = Math.min(this.#options.max, share.cap + 1)
  }

  /** An attempt of this endpoint hangs or timed out: halve its share. */
  slow(endpointId: string): void {
    const share = this.#shares.get(endpointId)
    if (share) share.cap = Math.max(1, share.cap / 2)
  }

  /** Endpoints that may not start another attempt now (for the store to skip). */
  full(limit: number): string[] {
    const out: string[] = []
    for (const [id, s] of this.#shares) {
      if (s.inFlight >= Math.min(Math.floor(s.cap), s.limit)) out.push(id)
      if (out.length >= limit) break
    }
    return out
  }

  /** The current cap of an endpoint (for tests and metrics). */
  capOf(endpointId: string): number {
    return Math.floor(this.#shares.get(endpointId)?.cap ?? this.#options.initial)
  }
}
