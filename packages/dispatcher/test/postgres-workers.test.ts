import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import type { Dispatcher } from '../src/index'
import { createDispatcher, memoryStore, postgresStore } from '../src/index'
import { eventually, manualTimerClock, startReceiver } from './helpers/receiver'
import { createPostgres, postgresUrl } from './helpers/stores'

const LOCAL = { allowedCidrs: ['127.0.0.1/32'] }

describe('wake-ups', () => {
  it('a send wakes an idle dispatcher at once (in-process signal, no poll)', async () => {
    const receiver = await startReceiver()
    // the clock never moves: its poll timer cannot fire, only the send's signal can
    const clock = manualTimerClock()
    const d = createDispatcher({ store: memoryStore(), ssrf: LOCAL, clock })
    try {
      await d.start()
      await d.createEndpoint({ url: receiver.url })
      await clock.waitForTimers(2) // heartbeat and poll: the worker has claimed and is idle
      await d.send({ type: 'clock.in', data: {} })
      await receiver.waitFor(1, 5000)
      const [delivery] = (await d.listMessages()).data
      expect(delivery?.type).toBe('clock.in')
    } finally {
      await d.stop()
      await receiver.close()
    }
  })
})

describe.skipIf(!postgresUrl)('several dispatchers on one Postgres', () => {
  const cleanups: Array<() => Promise<void>> = []
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c()
  })

  it('migrates each schema on its own, even when another schema has the tables', async () => {
    const first = await createPostgres()
    cleanups.push(first.cleanup)
    const second = await createPostgres()
    cleanups.push(second.cleanup)
    await second.store.migrate()
    const tables = await second.pool.query(
      'select table_name from information_schema.tables where table_schema = $1 order by 1',
      [second.schema],
    )
    expect(tables.rows.map((r) => r.table_name)).toEqual([
      'clockhook_attempts',
      'clockhook_deliveries',
      'clockhook_endpoints',
      'clockhook_messages',
      'clockhook_migrations',
      'clockhook_migrations_lock',
      'clockhook_workers',
    ])
  })

  it('share the work without delivering any message twice', async () => {
    const main = await createPostgres()
    cleanups.push(main.cleanup)
    const seen = new Map<string, number>()
    const receiver = await startReceiver((_q, res, r) => {
      const id = String(r.headers['webhook-id'])
      seen.set(id, (seen.get(id) ?? 0) + 1)
      setTimeout(() => res.writeHead(200).end(), 1)
    })
    cleanups.push(() => receiver.close())
    const workers: Dispatcher[] = []
    const counts = [0, 0]
    for (const i of [0, 1]) {
      const pool = new pg.Pool({
        connectionString: postgresUrl,
        options: `-c search_path=${main.schema}`,
        max: 4,
      })
      const d = createDispatcher({
        store: postgresStore({ pool }),
        ssrf: LOCAL,
        concurrency: 16,
        batchSize: 20,
        pollIntervalMs: 25,
      })
      d.on('attempt', () => {
        counts[i]!++
      })
      workers.push(d)
      cleanups.push(async () => {
        await d.stop()
        await pool.end()
      })
    }
    const producer = createDispatcher({ store: main.store, ssrf: LOCAL })
    await producer.createEndpoint({ url: receiver.url })
    const total = 600
    for (let n = 0; n < total; n++) await producer.send({ type: 'clock.in', data: { n } })
    await Promise.all(workers.map((w) => w.start()))
    await eventually(async () => seen.size === total, 30_000)
    // every delivery recorded and nothing left to attempt: no second send can come now
    await eventually(async () => {
      const backlog = await main.store.backlog(Date.now())
      return backlog.due + backlog.scheduled === 0 && counts[0]! + counts[1]! === total
    })
    expect([...seen.values()].filter((n) => n > 1)).toEqual([])
    expect(counts[0]! + counts[1]!).toBe(total)
    expect(counts[0]).toBeGreaterThan(0)
    expect(counts[1]).toBeGreaterThan(0)
  }, 60_000)

  it('wakes an idle dispatcher in another process through LISTEN/NOTIFY', async () => {
    const main = await createPostgres()
    cleanups.push(main.cleanup)
    const receiver = await startReceiver()
    cleanups.push(() => receiver.close())
    const pool = new pg.Pool({
      connectionString: postgresUrl,
      options: `-c search_path=${main.schema}`,
      max: 4,
    })
    // the worker's clock never moves: its poll timer cannot fire, only NOTIFY can wake it
    const clock = manualTimerClock()
    const worker = createDispatcher({ store: postgresStore({ pool }), ssrf: LOCAL, clock })
    cleanups.push(async () => {
      await worker.stop()
      await pool.end()
    })
    await worker.start()
    // the producer's sends are due at the worker's (frozen) time
    const producer = createDispatcher({ store: main.store, ssrf: LOCAL, clock })
    await producer.createEndpoint({ url: receiver.url })
    await clock.waitForTimers(2) // heartbeat and poll: the worker has claimed and is idle
    await producer.send({ type: 'clock.in', data: {} })
    await receiver.waitFor(1, 5000)
    expect(clock.pending).toBeGreaterThanOrEqual(2) // no timer of the worker's had to fire
  })
})
