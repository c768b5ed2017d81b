import { afterEach, beforeEach } from 'vitest'
import type { Dispatcher, DispatcherOptions } from '../../src/index'
import { createDispatcher } from '../../src/index'
import type { Receiver } from './receiver'
import { startReceiver } from './receiver'
import type { StoreFactory, StoreHandle } from './stores'
import { createSqlite } from './stores'

export interface Harness {
  handle: StoreHandle
  receiver: Receiver
  dispatcher: Dispatcher | undefined
  /** A started dispatcher on the test's SQLite store that may reach 127.0.0.1. */
  start(options?: Partial<DispatcherOptions>): Promise<Dispatcher>
}

/** Per test: a fresh SQLite file, a receiver on 127.0.0.1, and cleanup of all three. */
export function useSqliteHarness(): Harness {
  const h = {} as Harness
  h.start = async (options = {}) => {
    h.dispatcher = createDispatcher({
      store: h.handle.store,
      ssrf: { allowedCidrs: ['127.0.0.1/32'] },
      pollIntervalMs: 20,
      ...options,
    })
    await h.dispatcher.start()
    return h.dispatcher
  }
  beforeEach(async () => {
    h.handle = createSqlite()
    await h.handle.store.migrate()
    h.receiver = await startReceiver()
  })
  afterEach(async () => {
    await h.dispatcher?.stop({ timeoutMs: 1000 })
    h.dispatcher = undefined
    await h.receiver.close()
    await h.handle.cleanup()
  })
  return h
}

/**
 * Per test: a fresh store from `factory`, a receiver on 127.0.0.1, and `make()` for
 * dispatchers on that store allowed to call it; all stopped and cleaned up after the test.
 * Call it inside a `describe`.
 */
export function useDispatcherHarness(factory: StoreFactory) {
  const dispatchers: Dispatcher[] = []
  const h = {
    handle: undefined as unknown as StoreHandle,
    receiver: undefined as unknown as Receiver,
    make(options: Partial<DispatcherOptions> = {}): Dispatcher {
      const d = createDispatcher({
        store: h.handle.store,
        ssrf: { allowedCidrs: ['127.0.0.1/32'] },
        pollIntervalMs: 20,
        ...options,
      })
      dispatchers.push(d)
      return d
    },
  }
  beforeEach(async () => {
    h.handle = await factory.create()
    h.receiver = await startReceiver()
  })
  afterEach(async () => {
    for (const d of dispatchers.splice(0)) await d.stop({ timeoutMs: 2000 })
    await h.receiver.close()
    await h.handle.cleanup()
  })
  return h
}
