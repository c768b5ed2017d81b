import pRetry from 'p-retry'
import type { TypedEmitter } from '../events'
import type { Config } from '../options'
import type { AttemptOutcome, ClaimedDelivery, DeliveryStore, Release } from '../store/types'
import type { HealthPolicy, RecordedOutcome } from './health-policy'

/**
 * Records finished attempts in batches: a few milliseconds of gathering turn many small
 * store transactions into few larger ones (a full batch goes at once). A failed write is
 * retried 5 times (100 ms, doubling); after that the leases expire and the deliveries are
 * attempted again.
 */
export class OutcomeRecorder {
  readonly #store: DeliveryStore
  readonly #config: Config
  readonly #emitter: TypedEmitter
  readonly #health: HealthPolicy
  readonly #onFlushed: () => void
  #outcomes: RecordedOutcome[] = []
  #releases: Release[] = []
  #flushing: Promise<void> | undefined
  #flushScheduled = false

  constructor(deps: {
    store: DeliveryStore
    config: Config
    emitter: TypedEmitter
    health: HealthPolicy
    /** Called after each flush: the loop may go on if it was holding back. */
    onFlushed: () => void
  }) {
    this.#store = deps.store
    this.#config = deps.config
    this.#emitter = deps.emitter
    this.#health = deps.health
    this.#onFlushed = deps.onFlushed
  }

  /** Attempts run no further ahead of their recording than a few batches. */
  get behind(): boolean {
    return this.#outcomes.length > this.#config.batchSize * 4
  }

  addOutcome(outcome: AttemptOutcome, claim: ClaimedDelivery): void {
    this.#outcomes.push({ outcome, claim })
    this.#schedule()
  }

  /** Gives a claim back without an attempt (rate limit, shutdown). */
  addRelease(release: Release): void {
    this.#releases.push(release)
    this.#schedule()
  }

  /** Records one outcome now, outside the batches (a test send waiting for it). */
  async recordNow(outcome: AttemptOutcome, claim: ClaimedDelivery): Promise<void> {
    const applied = await this.#store.recordOutcomes([outcome], this.#config.clock.now())
    await this.#health.afterRecorded(applied.has(outcome.deliveryId) ? [{ outcome, claim }] : [])
  }

  #schedule(): void {
    if (this.#outcomes.length >= this.#config.batchSize) {
      void this.flush()
      return
    }
    if (this.#flushScheduled) return
    this.#flushScheduled = true
    setTimeout(() => {
      this.#flushScheduled = false
      void this.flush()
    }, this.#config.recordDelayMs)
  }

  /** Records everything gathered so far (one flush at a time). */
  async flush(): Promise<void> {
    while (this.#flushing) await this.#flushing
    if (this.#outcomes.length === 0 && this.#releases.length === 0) return
    const outcomes = this.#outcomes.splice(0)
    const releases = this.#releases.splice(0)
    this.#flushing = this.#write(outcomes, releases)
    try {
      await this.#flushing
    } finally {
      this.#flushing = undefined
      this.#onFlushed()
    }
  }

  async #write(outcomes: RecordedOutcome[], releases: Release[]): Promise<void> {
    try {
      await pRetry(
        async () => {
          await this.#store.release(releases)
          const applied = await this.#store.recordOutcomes(
            outcomes.map((o) => o.outcome),
            this.#config.clock.now(),
          )
          await this.#health.afterRecorded(
            outcomes.filter((o) => applied.has(o.outcome.deliveryId)),
          )
        },
        {
          retries: 4,
          minTimeout: 100,
          factor: 2,
          randomize: false,
          onFailedAttempt: ({ error, attemptNumber }) => {
            this.#emitter.emit('error', { error, context: 'record' })
            this.#config.logger?.error(
              { err: error, tries: attemptNumber },
              'recording attempts failed',
            )
          },
        },
      )
    } catch {
      // given up: the leases expire and the deliveries are attempted again
    }
  }
}
