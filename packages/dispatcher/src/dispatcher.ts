import type { Dispatcher, DispatcherOptions } from './api'
import { timersOf } from './clock'
import { DispatcherError } from './errors'
import { TypedEmitter } from './events'
import type { HttpClient } from './http'
import { createHttpClient } from './http'
import { newId } from './ids'
import { deliveryMethods } from './management/deliveries'
import { endpointMethods } from './management/endpoints'
import { messageMethods } from './management/messages'
import { resolveOptions } from './options'
import { SecretBox } from './secrets'
import { AddressPolicy } from './ssrf'
import { attemptDelivery } from './worker/attempt'
import { AttemptPool } from './worker/attempt-pool'
import { HealthPolicy } from './worker/health-policy'
import { Heartbeat } from './worker/heartbeat'
import { OutcomeRecorder } from './worker/outcome-recorder'
import { WorkerLoop } from './worker/worker-loop'

/** What runs while the dispatcher is started. */
interface Worker {
  id: string
  /** Made once the worker is registered and listening. */
  loop?: WorkerLoop
  heartbeat: Heartbeat
  unsubscribe: (() => Promise<void>) | undefined
}

/**
 * Durable, signed, retried webhook fan-out on a pluggable store.
 *
 * @example
 * const dispatcher = createDispatcher({ store: sqliteStore({ database }) })
 * await dispatcher.start()
 * await dispatcher.createEndpoint({ url: 'https://example.com/hooks', eventTypes: ['clock.in'] })
 * await dispatcher.send({ type: 'clock.in', data: { worker_id: 'wkr_1' } })
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const config = resolveOptions(options)
  const { store } = options
  const timers = timersOf(config.clock)
  const policy = new AddressPolicy(options.ssrf)
  const emitter = new TypedEmitter()
  const secrets = new SecretBox(options.secretCipher)
  let worker: Worker | undefined
  let stopping = false

  let http: HttpClient | undefined
  const httpClient = () =>
    (http ??= createHttpClient({
      policy,
      connectTimeoutMs: Math.min(config.timeoutMs, 10_000),
      previewBytes: config.previewBytes,
      // the attempt says only "not allowed"; where the name pointed goes to the log
      onBlocked: ({ host, address }) =>
        config.logger?.warn(
          { host, address },
          'webhook destination refused by the SSRF guard: private, loopback or reserved address',
        ),
    }))
  const attempt = attemptDelivery.bind(null, { config, secrets, http: httpClient })

  const health = new HealthPolicy(store, config, emitter)
  const recorder = new OutcomeRecorder({
    store,
    config,
    emitter,
    health,
    onFlushed: () => worker?.loop?.notify(),
  })
  const pool = new AttemptPool({
    config,
    store,
    timers,
    recorder,
    attempt,
    onSlotFreed: (rescan) => (rescan ? worker?.loop?.wake() : worker?.loop?.notify()),
    onUnparked: (claim) => worker?.loop?.unpark(claim),
    onDeferred: (ms) => worker?.loop?.wakeAfter(ms),
    onError: (error) => {
      emitter.emit('error', { error, context: 'permit' })
      config.logger?.error({ err: error }, 'asking for permits failed')
    },
  })

  const wake = () => worker?.loop?.wake()
  const context = {
    store,
    config,
    secrets,
    policy,
    wake(trx?: unknown) {
      if (!worker) return
      if (trx === undefined) wake()
      else for (const ms of [5, 50, 250]) setTimeout(wake, ms).unref()
    },
  }

  const dispatcher: Dispatcher = {
    ...endpointMethods(context),
    ...messageMethods(context),
    ...deliveryMethods({
      ...context,
      attempt,
      recordNow: (outcome, claim) => recorder.recordNow(outcome, claim),
      workerId: () => worker?.id,
      inFlight: () => pool.inFlight,
    }),

    async start() {
      if (worker || stopping) return
      const id = newId('wrk_')
      const heartbeat = new Heartbeat({
        store,
        config,
        timers,
        emitter,
        workerId: id,
        onReclaimed: wake,
      })
      const starting: Worker = { id, heartbeat, unsubscribe: undefined }
      worker = starting
      await heartbeat.start()
      if (store.subscribe) {
        try {
          starting.unsubscribe = await store.subscribe(wake)
        } catch (error) {
          config.logger?.warn({ err: error }, 'LISTEN failed; falling back to polling')
        }
      }
      starting.loop = new WorkerLoop({
        store,
        config,
        timers,
        emitter,
        pool,
        recorder,
        workerId: id,
      })
    },

    async stop(opts = {}) {
      const current = worker
      if (!current || stopping) return
      const total = opts.timeoutMs ?? 10_000
      if (!Number.isFinite(total) || total < 0) {
        throw new DispatcherError('invalid_argument', 'timeoutMs must be a number of ms ≥ 0')
      }
      const deadline = performance.now() + total
      const left = () => Math.max(0, deadline - performance.now())
      // the last part of the deadline is kept for giving back what is cut short
      const reserve = Math.min(1000, total / 4)
      stopping = true
      try {
        await within(current.loop?.stop(), left())
        await within(pool.settled(), left() - reserve)
        if (pool.inFlight > 0) {
          // Past the deadline: cut the requests still waiting for an answer. Their
          // deliveries are released (due now, no attempt counted) for any worker to send.
          http?.abortAll()
          await within(pool.settled(), left() / 2)
        }
        await within(recorder.flush(), left())
        await within(current.heartbeat.stop(), left())
        await within(current.unsubscribe?.(), left())
        pool.close()
        const client = http
        http = undefined
        // an attempt still running (its render hangs) keeps its lease until it expires
        await within(pool.inFlight === 0 ? client?.close() : client?.destroy(), left())
      } finally {
        worker = undefined
        stopping = false
      }
    },

    wake() {
      wake()
    },
    on: (name, listener) => emitter.on(name, listener),
  }
  return dispatcher
}

/** Waits for a promise, or for `ms`, whichever comes first. */
async function within(promise: Promise<unknown> | undefined, ms: number): Promise<void> {
  if (!promise) return
  let timer: NodeJS.Timeout | undefined
  await Promise.race([
    promise.catch(() => undefined),
    new Promise((r) => {
      timer = setTimeout(r, Math.max(0, ms))
    }),
  ])
  clearTimeout(timer)
}
