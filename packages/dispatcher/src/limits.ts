/** Per-endpoint rate and concurrency limits, held by one dispatcher process. */
export class EndpointLimits {
  readonly #buckets = new Map<string, { tokens: number; refilledAt: number }>()
  readonly #inFlight = new Map<string, number>()

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
    if (maxConcurrency !== null && (this.#inFlight.get(endpointId) ?? 0) >= maxConcurrency) {
      return 25
    }
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
    this.#inFlight.set(endpointId, (this.#inFlight.get(endpointId) ?? 0) + 1)
    return 0
  }

  release(endpointId: string): void {
    const n = (this.#inFlight.get(endpointId) ?? 1) - 1
    if (n <= 0) this.#inFlight.delete(endpointId)
    else this.#inFlight.set(endpointId, n)
  }
}
