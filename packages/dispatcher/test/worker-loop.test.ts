import { describe, expect, it } from 'vitest'
import { timersOf } from '../src/clock'
import { TypedEmitter } from '../src/events'
import { memoryStore } from '../src/index'
import { resolveOptions } from '../src/options'
import type { DeliveryStore } from '../src/store/types'
import { AttemptPool } from '../src/worker/attempt-pool'
import { HealthPolicy } from '../src/worker/health-policy'
import { OutcomeRecorder } from '../src/worker/outcome-recorder'
import { WorkerLoop } from '../src/worker/worker-loop'
import { eventually, manualTimerClock } from './helpers/receiver'

/** A loop over a store that counts its claims; no endpoints, so nothing is ever due. */
function loopOver(store: DeliveryStore) {
  const clock = manualTimerClock()
  const config = resolveOptions({ store, clock, pollIntervalMs: 1000 })
  const timers = timersOf(clock)
  const emitter = new TypedEmitter()
  const recorder = new OutcomeRecorder({
    store,
    config,
    emitter,
    health: new HealthPolicy(store, config, emitter),
    onFlushed: () => {},
  })
  const pool = new AttemptPool({
    config,
    store,
    timers,
    recorder,
    attempt: async () => undefined,
    onSlotFreed: () => {},
    onUnparked: () => {},
    onDeferred: () => {},
    onError: () => {},
  })
  const loop = new WorkerLoop({ store, config, timers, emitter, pool, recorder, workerId: 'wrk_t' })
  return { loop, clock }
}

describe('the worker loop', () => {
  it('claims at once, then waits; a wake-up or the poll timer sends it to the store again', async () => {
    const inner = memoryStore()
    let claims = 0
    const store = {
      ...inner,
      claimDue: (...args: Parameters<DeliveryStore['claimDue']>) => {
        claims++
        return inner.claimDue(...args)
      },
    }
    const { loop, clock } = loopOver(store)
    await eventually(async () => loop.state === 'waiting')
    expect(claims).toBe(1)
    loop.notify() // a freed slot: a step, but no store round trip
    await eventually(async () => loop.state === 'waiting')
    expect(claims).toBe(1)
    loop.wake()
    await eventually(async () => claims === 2 && loop.state === 'waiting')
    clock.advance(1000) // the poll
    await eventually(async () => claims === 3 && loop.state === 'waiting')
    await loop.stop()
    expect(loop.state).toBe('stopped')
    loop.wake()
    clock.advance(10_000)
    expect(claims).toBe(3)
    expect(clock.pending).toBe(0) // its timers went with it
  })
})
