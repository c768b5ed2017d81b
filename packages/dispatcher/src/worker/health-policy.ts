import type { TypedEmitter } from '../events'
import type { Config } from '../options'
import { publicEndpoint } from '../secrets'
import type { AttemptOutcome, ClaimedDelivery, DeliveryStore, StoredEndpoint } from '../store/types'
import type { Delivery } from '../types'

/** An outcome the store recorded (its lease was still held), with the claim it came from. */
export interface RecordedOutcome {
  outcome: AttemptOutcome
  claim: ClaimedDelivery
}

/**
 * What follows a recorded attempt: the host hears of it (`attempt`, `delivery.succeeded`,
 * `delivery.failed`), and an endpoint is disabled when it answered 410 Gone (`gone`) or
 * has failed without a success for `disableAfterMs` (`failing`). The store keeps the
 * failure streak (`failingSince`); this policy only reads it.
 */
export class HealthPolicy {
  readonly #store: DeliveryStore
  readonly #config: Config
  readonly #emitter: TypedEmitter

  constructor(store: DeliveryStore, config: Config, emitter: TypedEmitter) {
    this.#store = store
    this.#config = config
    this.#emitter = emitter
  }

  async afterRecorded(recorded: readonly RecordedOutcome[]): Promise<void> {
    const now = this.#config.clock.now()
    const toDisable = new Map<string, { endpoint: StoredEndpoint; reason: string }>()
    for (const { outcome, claim } of recorded) {
      const delivery = this.#announce(outcome, claim, now)
      if (outcome.attempt.succeeded || delivery.isTest) continue
      const { endpoint } = claim
      if (outcome.attempt.httpStatus === 410)
        toDisable.set(endpoint.id, { endpoint, reason: 'gone' })
      const since = endpoint.failingSince ?? outcome.attempt.attemptedAt
      if (now - since >= this.#config.disableAfterMs && !toDisable.has(endpoint.id)) {
        toDisable.set(endpoint.id, { endpoint, reason: 'failing' })
      }
    }
    for (const { endpoint, reason } of toDisable.values()) {
      if (await this.#store.disableEndpoint(endpoint.id, reason, now)) {
        this.#emitter.emit('endpoint.disabled', {
          endpoint: {
            ...publicEndpoint(endpoint),
            enabled: false,
            disabledReason: reason,
            updatedAt: now,
          },
          reason,
        })
      }
    }
  }

  #announce(outcome: AttemptOutcome, claim: ClaimedDelivery, now: number): Delivery {
    const delivery: Delivery = {
      ...claim.delivery,
      status: outcome.status,
      attempts: claim.delivery.attempts + 1,
      nextAttemptAt: outcome.nextAttemptAt,
      lastHttpStatus: outcome.attempt.httpStatus,
      lastError: outcome.attempt.errorMessage,
      updatedAt: now,
    }
    const emitter = this.#emitter
    if (emitter.has('attempt')) emitter.emit('attempt', { attempt: outcome.attempt, delivery })
    if (outcome.status === 'succeeded') emitter.emit('delivery.succeeded', { delivery })
    if (outcome.status === 'failed')
      emitter.emit('delivery.failed', { delivery, attempt: outcome.attempt })
    return delivery
  }
}
