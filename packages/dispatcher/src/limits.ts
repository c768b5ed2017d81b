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
  /** Adaptive cap: halved when an attempt hangs; back up by one per prompt success. */
  cap: number
  /** Whether the cap was ever cut: until then, the first prompt success opens it fully. */
  cut: boolean
}

/**
 * Per-endpoint concurrency caps and fair shares, held by one dispatcher process. (Rate
 * limits and the endpoint's own `maxConcurrency` across processes are the store's permits:
 * see `grantPermits`; this class keeps one process from asking for more than it could use.)
 *
 * Isolation: every endpoint starts with a share of the process's in-flight slots
 * (`initial`, a quarter of them by default). Its first prompt success opens it to `max`
 * (all slots), so one healthy endpoint still gets the whole process; an attempt that hangs
 * (runs past the slow threshold) or times out halves it, down to one, and from then on
 * each prompt success gives back one slot (additive increase, multiplicative decrease).
 * An endpoint that never answers therefore holds at most its starting share, soon one slot.
 */
export class EndpointLimits {
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
      share = {
        inFlight: 0,
        limit: Number.POSITIVE_INFINITY,
        cap: this.#options.initial,
        cut: false,
      }
      this.#shares.set(endpointId, share)
    }
    return share
  }

  /**
   * Takes a slot for one delivery: `0` when it may go now, otherwise the milliseconds
   * to wait before it may.
   */
  acquire(endpointId: string, maxConcurrency: number | null): number {
    const share = this.#share(endpointId)
    share.limit = maxConcurrency ?? Number.POSITIVE_INFINITY
    if (share.inFlight >= Math.min(Math.floor(share.cap), share.limit)) return 25
    share.inFlight += 1
    return 0
  }

  /** Whether the endpoint has as many in flight as its share (or its own limit) allows. */
  atCap(endpointId: string, maxConcurrency: number | null): boolean {
    const share = this.#shares.get(endpointId)
    if (!share) return false
    const bound = Math.min(Math.floor(share.cap), maxConcurrency ?? Number.POSITIVE_INFINITY)
    return share.inFlight >= bound
  }

  /** Gives the slot back; `prompt` = the attempt answered before the slow threshold. */
  release(endpointId: string, prompt: boolean): void {
    const share = this.#shares.get(endpointId)
    if (!share) return
    share.inFlight = Math.max(0, share.inFlight - 1)
    if (prompt)
      share.cap = share.cut ? Math.min(this.#options.max, share.cap + 1) : this.#options.max
  }

  /** An attempt of this endpoint hangs or timed out: halve its share. */
  slow(endpointId: string): void {
    const share = this.#shares.get(endpointId)
    if (!share) return
    share.cap = Math.max(1, share.cap / 2)
    share.cut = true
  }

  /**
   * Endpoints held below the process's size that may not start another attempt now, for
   * the store to skip. An endpoint whose share has grown to `max` is not listed: only the
   * process's own limit holds it, and claims may run ahead for it as for any other.
   */
  full(limit: number): string[] {
    const out: string[] = []
    for (const [id, s] of this.#shares) {
      const bound = Math.min(Math.floor(s.cap), s.limit)
      if (bound < this.#options.max && s.inFlight >= bound) out.push(id)
      if (out.length >= limit) break
    }
    return out
  }

  /** The current cap of an endpoint (for tests and metrics). */
  capOf(endpointId: string): number {
    return Math.floor(this.#shares.get(endpointId)?.cap ?? this.#options.initial)
  }
}
