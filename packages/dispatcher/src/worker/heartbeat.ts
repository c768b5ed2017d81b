import type { Timers } from '../clock'
import type { TypedEmitter } from '../events'
import type { Config } from '../options'
import type { DeliveryStore } from '../store/types'

export interface HeartbeatDeps {
  store: DeliveryStore
  config: Config
  timers: Timers
  emitter: TypedEmitter
  workerId: string
  onReclaimed(): void
}

/**
 * Tells the store every `heartbeatMs` that this worker is alive, so its leases hold; each
 * beat also takes back the leases of a worker that missed three beats (then `onReclaimed`).
 */
export class Heartbeat {
  readonly #deps: HeartbeatDeps
  #cancel: (() => void) | undefined
  #stopped = false

  constructor(deps: HeartbeatDeps) {
    this.#deps = deps
  }

  /** Beats once (registered before the first claim, so nobody takes this worker for dead), then on the timer. */
  async start(): Promise<void> {
    await this.#beat()
    this.#schedule()
  }

  #schedule(): void {
    if (this.#stopped) return
    this.#cancel = this.#deps.timers.after(this.#deps.config.heartbeatMs, () => {
      this.#schedule()
      void this.#beat()
    })
  }

  async #beat(): Promise<void> {
    const { store, config, timers, emitter, workerId } = this.#deps
    try {
      const { reclaimed } = await store.heartbeat(workerId, timers.now(), config.heartbeatMs * 3)
      if (reclaimed > 0) {
        config.logger?.warn(
          { reclaimed },
          'took back the deliveries of a worker whose heartbeat stopped',
        )
        this.#deps.onReclaimed()
      }
    } catch (error) {
      emitter.emit('error', { error, context: 'heartbeat' })
      config.logger?.error({ err: error }, 'recording the heartbeat failed')
    }
  }

  /** Stops beating; the store forgets this worker (its leases then wait to expire). */
  async stop(): Promise<void> {
    this.#stopped = true
    this.#cancel?.()
    await this.#deps.store.removeWorker(this.#deps.workerId).catch(() => undefined)
  }
}
