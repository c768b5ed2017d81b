import type { Timers } from '../clock'
import { EndpointLimits } from '../limits'
import type { Config } from '../options'
import type { AttemptOutcome, ClaimedDelivery } from '../store/types'
import type { AttemptTrigger } from '../types'
import type { OutcomeRecorder } from './outcome-recorder'

/** An attempt of the loop in flight: when it started, whether it has turned slow. */
interface Running {
  endpointId: string
  startedAt: number
  slow: boolean
}

export interface AttemptPoolDeps {
  config: Config
  timers: Timers
  recorder: OutcomeRecorder
  attempt(claim: ClaimedDelivery, trigger: AttemptTrigger): Promise<AttemptOutcome | undefined>
  /** A slot freed: the loop may start the next claim. `rescan`: something may be claimable. */
  onSlotFreed(rescan: boolean): void
  /** A claim waiting for its endpoint may go now: it goes first. */
  onUnparked(claim: ClaimedDelivery): void
  /** A claim was given back until `ms` from now (rate limit): look again then. */
  onDeferred(ms: number): void
}

/**
 * The endpoint-share and isolation policy of one process: which claimed delivery may start
 * now, how many each endpoint has in flight (`EndpointLimits`), and what happens to the
 * rest. A claim of an endpoint at its share waits (parked, a few per endpoint) for one of
 * that endpoint's slots; beyond that, or under a rate limit, it is given back to the store.
 * An attempt running past `slowAfterMs` gives its slot back (it only holds an idle socket)
 * and halves its endpoint's share: a hanging receiver cannot hold the process.
 */
export class AttemptPool {
  readonly #deps: AttemptPoolDeps
  readonly #limits: EndpointLimits
  readonly #inFlight = new Map<string, Promise<void>>()
  readonly #running = new Map<string, Running>()
  /** Claims waiting for a slot of their endpoint, by endpoint. */
  readonly #parked = new Map<string, ClaimedDelivery[]>()
  /** Endpoints the last claims skipped for being full. */
  readonly #skipped = new Set<string>()
  #slowCount = 0
  #cancelSweep: (() => void) | undefined

  constructor(deps: AttemptPoolDeps) {
    this.#deps = deps
    this.#limits = new EndpointLimits({
      initial: deps.config.endpointShare,
      max: deps.config.concurrency,
    })
  }

  get inFlight(): number {
    return this.#inFlight.size
  }

  /** Whether another attempt may start: slow attempts (idle sockets) do not count. */
  get hasRoom(): boolean {
    return this.#inFlight.size - this.#slowCount < this.#deps.config.concurrency
  }

  /** Endpoints for the next claim to leave out: at their share in this process. */
  endpointsToSkip(): string[] {
    const full = this.#limits.full(200)
    for (const id of full) this.#skipped.add(id)
    return full
  }

  /** Starts, parks or gives back one claimed delivery. */
  start(claim: ClaimedDelivery): void {
    const { endpoint, delivery } = claim
    const limits = this.#limits
    if (limits.atCap(endpoint.id, endpoint.maxConcurrency)) {
      const list = this.#parked.get(endpoint.id) ?? []
      if (list.length < limits.capOf(endpoint.id)) {
        list.push(claim)
        this.#parked.set(endpoint.id, list)
        return
      }
    }
    const now = this.#deps.timers.now()
    const wait = limits.acquire(
      endpoint.id,
      endpoint.rateLimitPerSecond,
      endpoint.maxConcurrency,
      now,
    )
    if (wait > 0) {
      this.#deps.recorder.addRelease({
        deliveryId: delivery.id,
        leaseToken: claim.leaseToken,
        nextAttemptAt: now + wait,
      })
      this.#deps.onDeferred(wait + 1)
      return
    }
    const running: Running = { endpointId: endpoint.id, startedAt: now, slow: false }
    this.#running.set(delivery.id, running)
    this.#startSweeping()
    let prompt = false
    const task = this.#deps
      .attempt(claim, claim.trigger)
      .then((outcome) => {
        if (outcome === undefined) {
          // interrupted by stop(): given back, not counted as an attempt
          this.#deps.recorder.addRelease({
            deliveryId: delivery.id,
            leaseToken: claim.leaseToken,
            nextAttemptAt: this.#deps.timers.now(),
          })
          return
        }
        if (outcome.attempt.errorKind === 'timeout') limits.slow(endpoint.id)
        prompt = !running.slow && outcome.attempt.errorKind !== 'timeout'
        this.#deps.recorder.addOutcome(outcome, claim)
      })
      .finally(() => this.#finished(claim, running, prompt))
    this.#inFlight.set(delivery.id, task)
  }

  #finished(claim: ClaimedDelivery, running: Running, prompt: boolean): void {
    const endpointId = claim.endpoint.id
    this.#limits.release(endpointId, prompt)
    // a claim skipped this endpoint while it was full: it has room now, look again
    const rescan = this.#skipped.delete(endpointId)
    const parked = this.#parked.get(endpointId)
    const next = parked?.shift()
    if (parked?.length === 0) this.#parked.delete(endpointId)
    if (next) this.#deps.onUnparked(next)
    this.#running.delete(claim.delivery.id)
    if (running.slow) this.#slowCount--
    this.#inFlight.delete(claim.delivery.id)
    this.#deps.onSlotFreed(rescan)
  }

  #startSweeping(): void {
    if (this.#cancelSweep) return
    const { slowAfterMs } = this.#deps.config
    const tick = () => {
      this.#cancelSweep = undefined
      this.#sweepSlow()
      if (this.#running.size > 0) this.#startSweeping()
    }
    this.#cancelSweep = this.#deps.timers.after(Math.min(100, slowAfterMs), tick)
  }

  #sweepSlow(): void {
    const { slowAfterMs, maxSlow } = this.#deps.config
    const now = this.#deps.timers.now()
    let freed = false
    for (const running of this.#running.values()) {
      if (running.slow || now - running.startedAt < slowAfterMs) continue
      if (this.#slowCount >= maxSlow) break
      running.slow = true
      this.#slowCount++
      this.#limits.slow(running.endpointId)
      freed = true
    }
    // the endpoints that were full may have room again only later; others may go now
    if (freed) this.#deps.onSlotFreed(true)
  }

  /** Every parked claim, taken out (the loop gives them back when it stops). */
  takeParked(): ClaimedDelivery[] {
    const all = [...this.#parked.values()].flat()
    this.#parked.clear()
    return all
  }

  /** Settles when every attempt in flight now has finished. */
  settled(): Promise<unknown> {
    return Promise.allSettled([...this.#inFlight.values()])
  }

  /** Stops watching for slow attempts. */
  close(): void {
    this.#cancelSweep?.()
    this.#cancelSweep = undefined
  }
}
