import type { Timers } from '../clock'
import type { TypedEmitter } from '../events'
import type { Config } from '../options'
import type { ClaimedDelivery, DeliveryStore } from '../store/types'
import type { AttemptPool } from './attempt-pool'
import type { OutcomeRecorder } from './outcome-recorder'

/**
 * - `dispatching`: starting claimed deliveries while there is room, deciding what next
 * - `claiming`: waiting for the store to lease a batch
 * - `waiting`: nothing to do until a wake-up, a freed slot or the poll timer
 * - `stopping`: stop() was asked; the loop finishes its step and gives back what it holds
 * - `stopped`: done; nothing is claimed or started any more
 */
export type LoopState = 'dispatching' | 'claiming' | 'waiting' | 'stopping' | 'stopped'

/** Wake-up times kept at most (each a claim given back until then); the poll covers more. */
const MAX_WAKE_TIMES = 1000

const TRANSITIONS: Record<LoopState, readonly LoopState[]> = {
  dispatching: ['claiming', 'waiting', 'dispatching', 'stopping'],
  claiming: ['dispatching', 'stopping'],
  waiting: ['dispatching', 'stopping'],
  stopping: ['stopped'],
  stopped: [],
}

export interface WorkerLoopDeps {
  store: DeliveryStore
  config: Config
  timers: Timers
  emitter: TypedEmitter
  pool: AttemptPool
  recorder: OutcomeRecorder
  workerId: string
}

/**
 * The claim-ahead loop of one running dispatcher. Claims run ahead of the attempts (a
 * buffer of up to `batchSize`), so the store sees batches, not one row per finished
 * attempt. It claims when told something may be due (`wake`), when a claim came back
 * full, and on the poll timer; between those it waits, and `notify` (a freed slot) cuts
 * the wait short without sending it to the store.
 */
export class WorkerLoop {
  #state: LoopState = 'dispatching'
  readonly #deps: WorkerLoopDeps
  readonly #ready: ClaimedDelivery[] = []
  /** Something may have become due: claim at the next step even before the poll timer. */
  #workHint = true
  #pollDue = false
  #cancelPoll: (() => void) | undefined
  #cancelDeferred: (() => void) | undefined
  #deferredAt = Number.POSITIVE_INFINITY
  /** The times asked for by `wakeAfter`, soonest first. */
  readonly #wakeTimes: number[] = []
  #signalled = false
  #resume: (() => void) | undefined
  readonly done: Promise<void>

  constructor(deps: WorkerLoopDeps) {
    this.#deps = deps
    this.done = this.#run()
  }

  get state(): LoopState {
    return this.#state
  }

  #to(next: LoopState): void {
    if (!TRANSITIONS[this.#state].includes(next)) {
      throw new Error(`worker loop: no transition from ${this.#state} to ${next}`)
    }
    this.#state = next
  }

  /** Something may be due now (a send, a resend, a reclaimed lease): look at the store. */
  wake(): void {
    this.#workHint = true
    this.notify()
  }

  /** A slot freed or a parked claim may go: take another step, without a store round trip. */
  notify(): void {
    this.#signalled = true
    this.#resume?.()
  }

  /** A claim that was parked for its endpoint goes before the others. */
  unpark(claim: ClaimedDelivery): void {
    this.#ready.unshift(claim)
  }

  /**
   * Wakes the loop in `ms` (on the clock). Every asked-for time is kept (claims given back
   * one rate interval apart each come due at their own time): one timer runs for the
   * earliest, and when it fires the next is set.
   */
  wakeAfter(ms: number): void {
    const at = Math.round(this.#deps.timers.now() + ms)
    const times = this.#wakeTimes
    // sorted, without repeats; bounded (the poll timer is the fallback beyond)
    let i = times.length
    while (i > 0 && times[i - 1]! > at) i--
    if (times[i - 1] === at || (i >= MAX_WAKE_TIMES && times.length >= MAX_WAKE_TIMES)) return
    times.splice(i, 0, at)
    if (times.length > MAX_WAKE_TIMES) times.pop()
    if (at < this.#deferredAt) this.#armWake()
  }

  #armWake(): void {
    this.#cancelDeferred?.()
    this.#cancelDeferred = undefined
    this.#deferredAt = Number.POSITIVE_INFINITY
    const next = this.#wakeTimes[0]
    if (next === undefined) return
    this.#deferredAt = next
    this.#cancelDeferred = this.#deps.timers.after(
      Math.max(0, next - this.#deps.timers.now()),
      () => {
        const now = this.#deps.timers.now()
        while (this.#wakeTimes.length > 0 && this.#wakeTimes[0]! <= now) this.#wakeTimes.shift()
        this.#cancelDeferred = undefined
        this.#deferredAt = Number.POSITIVE_INFINITY
        this.#armWake()
        this.wake()
      },
    )
  }

  /** Stops claiming and starting; `done` settles once the held claims are given back. */
  stop(): Promise<void> {
    if (this.#state !== 'stopping' && this.#state !== 'stopped') this.#to('stopping')
    this.notify()
    return this.done
  }

  async #run(): Promise<void> {
    const { config } = this.#deps
    while (!this.#stopRequested()) {
      this.#dispatch()
      let claimedAll = false
      if (this.#ready.length < config.batchSize / 2 && (this.#workHint || this.#pollDue)) {
        claimedAll = await this.#claim()
        if (this.#stopRequested()) break
        this.#dispatch()
      }
      if (claimedAll && this.#ready.length < config.batchSize / 2) continue
      await this.#wait()
    }
    this.#cancelPoll?.()
    this.#cancelDeferred?.()
    const now = this.#deps.timers.now()
    for (const claim of [...this.#ready.splice(0), ...this.#deps.pool.takeParked()]) {
      this.#deps.recorder.addRelease({
        deliveryId: claim.delivery.id,
        leaseToken: claim.leaseToken,
        nextAttemptAt: now,
      })
    }
    this.#to('stopped')
  }

  #stopRequested(): boolean {
    return this.#state === 'stopping'
  }

  /** Starts ready claims while there is room and the recording keeps up. */
  #dispatch(): void {
    this.#to('dispatching')
    const { pool, recorder } = this.#deps
    while (!recorder.behind && this.#ready.length > 0 && pool.hasRoom) {
      pool.start(this.#ready.shift()!)
    }
  }

  /** Leases a batch; true when it came back full (more may be due). */
  async #claim(): Promise<boolean> {
    const { store, config, timers, emitter, pool, workerId } = this.#deps
    this.#to('claiming')
    this.#workHint = false
    this.#pollDue = false
    this.#cancelPoll?.()
    // a started worker keeps the process alive, as a server would
    this.#cancelPoll = timers.after(
      config.pollIntervalMs,
      () => {
        this.#cancelPoll = undefined
        this.#pollDue = true
        this.notify()
      },
      { keepAlive: true },
    )
    try {
      const want = config.batchSize - this.#ready.length
      const claims = await store.claimDue(timers.now(), want, config.leaseMs, {
        owner: workerId,
        skipEndpoints: pool.endpointsToSkip(),
      })
      this.#ready.push(...claims)
      if (claims.length === want) this.#workHint = true
      return claims.length === want
    } catch (error) {
      emitter.emit('error', { error, context: 'claim' })
      config.logger?.error({ err: error }, 'claiming deliveries failed')
      return false
    } finally {
      if (this.#state === 'claiming') this.#to('dispatching')
    }
  }

  async #wait(): Promise<void> {
    if (this.#signalled) {
      this.#signalled = false
      return
    }
    this.#to('waiting')
    await new Promise<void>((resolve) => {
      this.#resume = resolve
    })
    this.#resume = undefined
    this.#signalled = false
    if (this.#state === 'waiting') this.#to('dispatching')
  }
}
