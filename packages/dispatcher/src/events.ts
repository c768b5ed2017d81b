import type { Attempt, Delivery, Endpoint } from './types'

/** What a dispatcher tells its host, for audit logs and metrics. */
export interface DispatcherEvents {
  /** Every recorded attempt, successful or not. */
  attempt: { attempt: Attempt; delivery: Delivery }
  /** A delivery succeeded. */
  'delivery.succeeded': { delivery: Delivery }
  /** A delivery exhausted its schedule (or met a 410) and will not be retried. */
  'delivery.failed': { delivery: Delivery; attempt: Attempt }
  /** An endpoint was disabled automatically: `reason` is `gone` (HTTP 410) or `failing`. */
  'endpoint.disabled': { endpoint: Endpoint; reason: string }
  /** A background error the dispatcher survived (a store write it will retry, say). */
  error: { error: unknown; context: string }
}

export type DispatcherEventName = keyof DispatcherEvents
type Listener<K extends DispatcherEventName> = (event: DispatcherEvents[K]) => void

export class TypedEmitter {
  readonly #listeners = new Map<DispatcherEventName, Set<Listener<never>>>()

  on<K extends DispatcherEventName>(name: K, listener: Listener<K>): () => void {
    let set = this.#listeners.get(name)
    if (!set) {
      set = new Set()
      this.#listeners.set(name, set)
    }
    set.add(listener as Listener<never>)
    return () => set.delete(listener as Listener<never>)
  }

  has(name: DispatcherEventName): boolean {
    return (this.#listeners.get(name)?.size ?? 0) > 0
  }

  emit<K extends DispatcherEventName>(name: K, event: DispatcherEvents[K]): void {
    for (const listener of this.#listeners.get(name) ?? []) {
      try {
        ;(listener as Listener<K>)(event)
      } catch {
        // a host's listener must not break delivery
      }
    }
  }
}
