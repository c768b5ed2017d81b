import type { Timers } from '../clock'
import { EndpointLimits } from '../limits'
import type { Config } from '../options'
import type { AttemptOutcome, ClaimedDelivery, DeliveryStore } from '../store/types'
import type { AttemptTrigger } from '../types'
import type { OutcomeRecorder } from './outcome-recorder'

/**
 * How long a worker waits to ask again when other workers hold an endpoint's slots: 20 ms,
 * doubling on each refusal in a row up to 1 s (a long attempt elsewhere must not turn into
 * a claim-and-give-back loop here), back to 20 ms once a permit is granted.
 */
const SLOT_RETRY_MS = 20
const SLOT_RETRY_MAX_MS = 1000
/** How long a worker waits to ask again when the store could not answer. */
const PERMIT_ERROR_RETRY_MS = 1000
/** A permit outlives its attempt's timeout by this much before it lapses (dead worker). */
const PERMIT_MARGIN_MS = 5000

/** Claims of one endpoint waiting for the store's answer to their permit request. */
interface PermitBatch {
  claims: ClaimedDelivery[]
  /** Resolves each claim: `undefined` = go, a number = given back for that many ms. */
  resolve: Array<(wait: number | undefined) => void>
}

/** An attempt of the loop in flight: when it started, whether it has turned slow. */
interface Running {
  endpointId: string
  startedAt: number
  slow: boolean
}

export interface AttemptPoolDeps {
  config: Config
  /** Grants the permits of rate- and concurrency-limited endpoints (shared by every worker). */
  store: Pick<DeliveryStore, 'acquirePermits'>
  timers: Timers
  recorder: OutcomeRecorder
  attempt(claim: ClaimedDelivery, trigger: AttemptTrigger): Promise<AttemptOutcome | undefined>
  /** A slot freed: the loop may start the next claim. `rescan`: something may be claimable. */
  onSlotFreed(rescan: boolean): void
  /** A claim waiting for its endpoint may go now: it goes first. */
  onUnparked(claim: ClaimedDelivery): void
  /** A claim was given back until `ms` from now (rate limit): look again then. */
  onDeferred(ms: number): void
  /** The store could not answer a permit request (the claims wait and are asked for again). */
  onError(error: unknown): void
}

/**
 * The endpoint-share and isolation policy of one process: which claimed delivery may start
 * now, how many each endpoint has in flight (`EndpointLimits`), and what happens to the
 * rest. A claim of an endpoint at its share waits (parked, a few per endpoint) for one of
 * that endpoint's slots; beyond that, or under a rate limit, it is given back to the store.
 * An attempt running past `slowAfterMs` gives its slot back (it only holds an idle socket)
 * and halves its endpoint's share: a hanging receiver cannot hold the process.
 *
 * An endpoint's own `rateLimitPerSecond` and `maxConcurrency` hold across every worker
 * sharing the store: before its attempt, a claim of such an endpoint takes a permit from
 * the store (one request per endpoint for the claims started together). A refused claim is
 * given back until the next permit is due, and the endpoint is left out of claims till then.
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
  /** Endpoints refused by the store's permits, until when (clock ms). */
  readonly #refusedUntil = new Map<string, number>()
  readonly #permitBatches = new Map<string, PermitBatch>()
  /** The current wait after a refusal for the concurrency limit, by endpoint. */
  readonly #slotBackoff = new Map<string, number>()
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
    const now = this.#deps.timers.now()
    let soonest = Number.POSITIVE_INFINITY
    for (const [id, until] of this.#refusedUntil) {
      if (until <= now) this.#refusedUntil.delete(id)
      else if (full.length < 400) {
        full.push(id)
        soonest = Math.min(soonest, until)
      }
    }
    // look again when the first of them may be claimed
    if (soonest < Number.POSITIVE_INFINITY) this.#deps.onDeferred(soonest - now + 1)
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
    // refused a permit a moment ago: given back until then without asking the store again
    const refusedUntil = this.#refusedUntil.get(endpoint.id) ?? 0
    if (refusedUntil > now) {
      this.#giveBack(claim, refusedUntil)
      this.#deps.onDeferred(refusedUntil - now + 1)
      return
    }
    const wait = limits.acquire(endpoint.id, endpoint.maxConcurrency)
    if (wait > 0) {
      this.#giveBack(claim, now + wait)
      this.#deps.onDeferred(wait + 1)
      return
    }
    const running: Running = { endpointId: endpoint.id, startedAt: now, slow: false }
    this.#running.set(delivery.id, running)
    this.#startSweeping()
    let prompt = false
    const limited = endpoint.rateLimitPerSecond !== null || endpoint.maxConcurrency !== null
    const task = (async () => {
      if (limited) {
        const refusedFor = await this.#permit(claim)
        if (refusedFor !== undefined) {
          this.#refused(claim, refusedFor)
          return
        }
      }
      const outcome = await this.#deps.attempt(claim, claim.trigger)
      if (outcome === undefined) {
        // interrupted by stop(): given back, not counted as an attempt
        this.#giveBack(claim, this.#deps.timers.now())
        return
      }
      if (outcome.attempt.errorKind === 'timeout') limits.slow(endpoint.id)
      prompt = !running.slow && outcome.attempt.errorKind !== 'timeout'
      this.#deps.recorder.addOutcome(outcome, claim)
      // its permit counts against maxConcurrency until the outcome is recorded: the slot
      // frees (and the next claim asks) only then
      if (endpoint.maxConcurrency !== null) await this.#deps.recorder.flush()
    })().finally(() => this.#finished(claim, running, prompt))
    this.#inFlight.set(delivery.id, task)
  }

  #giveBack(claim: ClaimedDelivery, nextAttemptAt: number): void {
    this.#deps.recorder.addRelease({
      deliveryId: claim.delivery.id,
      leaseToken: claim.leaseToken,
      nextAttemptAt,
    })
  }

  /** Asks the store for a permit; claims of one endpoint started together share a request. */
  #permit(claim: ClaimedDelivery): Promise<number | undefined> {
    const endpointId = claim.endpoint.id
    return new Promise((resolve) => {
      let batch = this.#permitBatches.get(endpointId)
      if (!batch) {
        const fresh: PermitBatch = { claims: [], resolve: [] }
        batch = fresh
        this.#permitBatches.set(endpointId, fresh)
        queueMicrotask(() => {
          this.#permitBatches.delete(endpointId)
          void this.#askPermits(fresh)
        })
      }
      batch.claims.push(claim)
      batch.resolve.push(resolve)
    })
  }

  async #askPermits({ claims, resolve }: PermitBatch): Promise<void> {
    const { endpoint } = claims[0]!
    const { config, timers, store } = this.#deps
    try {
      const { granted, retryAfterMs } = await store.acquirePermits(
        {
          endpointId: endpoint.id,
          claims: claims.map((c) => ({ deliveryId: c.delivery.id, leaseToken: c.leaseToken })),
          ratePerSecond: endpoint.rateLimitPerSecond,
          maxConcurrency: endpoint.maxConcurrency,
          holdMs: (endpoint.timeoutMs ?? config.timeoutMs) + PERMIT_MARGIN_MS,
        },
        timers.now(),
      )
      const go = new Set(granted)
      let slotWait = SLOT_RETRY_MS
      if (go.size > 0) this.#slotBackoff.delete(endpoint.id)
      else if (retryAfterMs === null) {
        const last = this.#slotBackoff.get(endpoint.id)
        slotWait = last === undefined ? SLOT_RETRY_MS : Math.min(SLOT_RETRY_MAX_MS, last * 2)
        this.#slotBackoff.set(endpoint.id, slotWait)
        if (this.#slotBackoff.size > 10_000) this.#slotBackoff.clear()
      }
      if (go.size < claims.length) {
        // the endpoint is left out of claims until its next permit may be granted
        this.#skipUntil(endpoint.id, timers.now() + (retryAfterMs ?? slotWait))
      }
      // the refused wait their turn one rate interval apart, not all at the next permit
      const interval = endpoint.rateLimitPerSecond ? 1000 / endpoint.rateLimitPerSecond : 0
      let k = 0
      for (const [i, c] of claims.entries()) {
        if (go.has(c.delivery.id)) {
          resolve[i]!(undefined)
          continue
        }
        const wait = retryAfterMs === null ? slotWait : retryAfterMs + Math.ceil(k * interval)
        k++
        resolve[i]!(wait)
      }
    } catch (error) {
      this.#deps.onError(error)
      this.#skipUntil(endpoint.id, timers.now() + PERMIT_ERROR_RETRY_MS)
      for (const r of resolve) r(PERMIT_ERROR_RETRY_MS)
    }
  }

  #skipUntil(endpointId: string, until: number): void {
    this.#refusedUntil.set(endpointId, Math.max(this.#refusedUntil.get(endpointId) ?? 0, until))
  }

  /** The store refused the claim a permit: it and its endpoint's parked claims wait. */
  #refused(claim: ClaimedDelivery, waitMs: number): void {
    const endpointId = claim.endpoint.id
    const now = this.#deps.timers.now()
    this.#giveBack(claim, now + waitMs)
    const parked = this.#parked.get(endpointId) ?? []
    this.#parked.delete(endpointId)
    for (const other of parked) this.#giveBack(other, this.#refusedUntil.get(endpointId) ?? now)
    this.#deps.onDeferred(waitMs + 1)
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
