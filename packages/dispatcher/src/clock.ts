/**
 * The dispatcher's time. `now` dates attempts and schedules retries; when the clock also
 * has `setTimeout`/`clearTimeout`, the worker's own timers (polling, wake-ups of released
 * deliveries, slow-attempt detection, heartbeats) run on it too, so a test can move all of
 * them by hand. Without them those timers run on the event loop, measured by `now`.
 *
 * @example
 * createDispatcher({ store, clock: { now: () => Date.now() } })
 */
export interface Clock {
  now(): number
  setTimeout?(callback: () => void, ms: number): unknown
  clearTimeout?(handle: unknown): void
}

/** One-shot timers on a clock: `after` returns the function that cancels it. */
export interface Timers {
  now(): number
  /** `keepAlive`: the timer holds the process open (a started worker's poll does). */
  after(ms: number, callback: () => void, options?: { keepAlive?: boolean }): () => void
}

export const systemClock: Clock = { now: () => Date.now() }

/** The longest delay `setTimeout` takes; longer ones would fire at once. */
const MAX_DELAY_MS = 2 ** 31 - 1

export function timersOf(clock: Clock): Timers {
  const { setTimeout: set, clearTimeout: clear } = clock
  if (set && clear) {
    return {
      now: () => clock.now(),
      after(ms, callback) {
        const handle = set.call(clock, callback, Math.min(ms, MAX_DELAY_MS))
        return () => clear.call(clock, handle)
      },
    }
  }
  return {
    now: () => clock.now(),
    after(ms, callback, options) {
      const handle = setTimeout(callback, Math.min(ms, MAX_DELAY_MS))
      if (!options?.keepAlive) handle.unref()
      return () => clearTimeout(handle)
    },
  }
}
