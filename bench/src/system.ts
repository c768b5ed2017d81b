// One system under test, in its own process (forked by run.ts with IPC), so its CPU can be
// read from /proc alone. argv[2] names it. Each baseline is what a user would write in
// ~40 lines: a job per subscriber; a worker that signs with @clockhook/signer, POSTs with
// an undici Pool (64 connections: at most 64 requests in flight) and throws on non-2xx so
// the library retries.
//
// Protocol (messages from the parent → answers):
//   { cmd: 'prepare', total, single }  → { prepared: { singlePerSecond, bulkPerSecond|null } }
//     fresh database/queue, `single` messages enqueued one at a time, the rest in bulk
//     (one at a time where there is no bulk API), ANALYZE for the Postgres systems
//   { cmd: 'start' }                   → { started: true }   workers begin draining
//   { cmd: 'latency', rate, seconds }  → { sent: n }         single sends paced at `rate`/s
//   { cmd: 'stop' }                    → exits after cleaning up
import { Webhook } from '@clockhook/signer'
import { Pool } from 'undici'

export const SYSTEMS = [
  'clockhook-sqlite',
  'clockhook-postgres',
  'bullmq',
  'pg-boss',
  'undici',
] as const
export type SystemName = (typeof SYSTEMS)[number]

const IN_FLIGHT = 64
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'

interface System {
  /** Enqueue one message; `sentAt` goes into its data for the latency phase. */
  sendOne(i: number, sentAt?: number): Promise<void>
  /** Enqueue many in one call, or null when the system has no bulk API. */
  sendBulk: ((from: number, count: number) => Promise<void>) | null
  afterEnqueue(): Promise<void>
  start(): Promise<void>
  stop(): Promise<void>
}

const message = (i: number, sentAt?: number) => ({
  type: 'clock.in',
  data: {
    entry_id: `te_${i}`,
    worker_id: 'wkr_1',
    worker_name: 'Ada',
    clock_in: '2026-11-24T08:00:00.000Z',
    location_id: null,
    ...(sentAt === undefined ? {} : { sent_at: sentAt }),
  },
})

/** What every baseline's worker does with one job: sign, POST, throw on non-2xx. */
function deliverer(url: string) {
  const target = new URL(url)
  const pool = new Pool(target.origin, { connections: IN_FLIGHT, pipelining: 1 })
  const wh = new Webhook(SECRET)
  return {
    async deliver(id: string, payload: { type: string; data: unknown }) {
      const timestamp = new Date()
      const body = JSON.stringify({ ...payload, timestamp: timestamp.toISOString() })
      const res = await pool.request({
        path: target.pathname,
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', ...wh.signHeaders(id, timestamp, body) },
      })
      await res.body.dump()
      if (res.statusCode < 200 || res.statusCode > 299)
        throw new Error(`receiver answered ${res.statusCode}`)
    },
    close: () => pool.close(),
  }
}

const PG_URL = process.env.BENCH_POSTGRES_URL ?? process.env.CLOCKHOOK_TEST_POSTGRES_URL ?? ''
const withSearchPath = (schema: string) =>
  `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`

async function clockhook(kind: 'sqlite' | 'postgres', url: string): Promise<System> {
  const { createDispatcher, postgresStore, sqliteStore } = await import('@clockhook/dispatcher')
  let store: Parameters<typeof createDispatcher>[0]['store']
  let cleanup: () => Promise<void>
  let analyze = async () => {}
  if (kind === 'sqlite') {
    const { mkdtempSync, rmSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const Sqlite = (await import('better-sqlite3')).default
    const dir = mkdtempSync(join(tmpdir(), 'clockhook-bench-'))
    const database = new Sqlite(join(dir, 'bench.db'))
    const s = sqliteStore({ database })
    store = s
    cleanup = async () => {
      await s.close()
      database.close()
      rmSync(dir, { recursive: true, force: true })
    }
  } else {
    const pg = (await import('pg')).default
    const schema = `clockhook_bench_${process.pid}`
    const admin = new pg.Client({ connectionString: PG_URL })
    await admin.connect()
    await admin.query(`drop schema if exists ${schema} cascade; create schema ${schema}`)
    const pool = new pg.Pool({ connectionString: withSearchPath(schema), max: 8 })
    const s = postgresStore({ pool })
    store = s
    analyze = async () => {
      await pool.query('analyze')
    }
    cleanup = async () => {
      await s.close()
      await pool.end()
      await admin.query(`drop schema if exists ${schema} cascade`)
      await admin.end()
    }
  }
  await store.migrate()
  const dispatcher = createDispatcher({
    store,
    ssrf: { allowedCidrs: ['127.0.0.1/32'] },
    concurrency: IN_FLIGHT,
  })
  await dispatcher.createEndpoint({ url, secret: SECRET })
  return {
    async sendOne(i, sentAt) {
      await dispatcher.send(message(i, sentAt))
    },
    async sendBulk(from, count) {
      await dispatcher.sendMany(Array.from({ length: count }, (_, k) => message(from + k)))
    },
    afterEnqueue: analyze,
    start: () => dispatcher.start(),
    async stop() {
      await dispatcher.stop({ timeoutMs: 5_000 })
      await cleanup()
    },
  }
}

async function bullmq(url: string): Promise<System> {
  const { Queue, Worker } = await import('bullmq')
  const { Redis } = await import('ioredis')
  const db = Number(process.env.BENCH_REDIS_DB ?? 7)
  const connection = {
    host: '127.0.0.1',
    port: 6379,
    db,
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
  }
  const admin = new Redis(connection)
  await admin.flushdb()
  const name = `bench_${process.pid}`
  const queue = new Queue(name, {
    connection,
    defaultJobOptions: {
      attempts: 8,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: true,
      removeOnFail: 10_000,
    },
  })
  await queue.waitUntilReady()
  const http = deliverer(url)
  let worker: { close(): Promise<void> } | undefined
  return {
    async sendOne(i, sentAt) {
      await queue.add('clock.in', message(i, sentAt))
    },
    async sendBulk(from, count) {
      await queue.addBulk(
        Array.from({ length: count }, (_, k) => ({ name: 'clock.in', data: message(from + k) })),
      )
    },
    afterEnqueue: async () => {},
    async start() {
      const w = new Worker<ReturnType<typeof message>>(
        name,
        async (job) => http.deliver(`msg_${job.id}`, job.data),
        {
          connection,
          concurrency: 128,
        },
      )
      await w.waitUntilReady()
      worker = w
    },
    async stop() {
      await worker?.close()
      await queue.obliterate({ force: true }).catch(() => {})
      await queue.close()
      await admin.flushdb()
      await admin.quit()
      await http.close()
    },
  }
}

async function pgBoss(url: string): Promise<System> {
  const { PgBoss } = await import('pg-boss')
  const pg = (await import('pg')).default
  const schema = `pgboss_bench_${process.pid}`
  const boss = new PgBoss({ connectionString: PG_URL, schema, max: 8 })
  boss.on('error', (err) => console.error('pg-boss:', err.message))
  await boss.start()
  const queue = 'bench'
  await boss.createQueue(queue, { retryLimit: 8, retryDelay: 1, retryBackoff: true })
  const http = deliverer(url)
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  return {
    async sendOne(i, sentAt) {
      await boss.send(queue, message(i, sentAt))
    },
    async sendBulk(from, count) {
      await boss.insert(
        queue,
        Array.from({ length: count }, (_, k) => ({ data: message(from + k) })),
      )
    },
    async afterEnqueue() {
      await admin.query(`analyze ${schema}.job`).catch(() => admin.query('analyze'))
    },
    async start() {
      await boss.work<ReturnType<typeof message>>(
        queue,
        {
          localConcurrency: 4,
          batchSize: 64,
          burstWhenBatchFull: true,
          pollingIntervalSeconds: 0.5,
        },
        async (jobs) => {
          await Promise.all(jobs.map((job) => http.deliver(`msg_${job.id}`, job.data)))
        },
      )
    },
    async stop() {
      await boss.stop({ graceful: false }).catch(() => {})
      await admin.query(`drop schema if exists ${schema} cascade`)
      await admin.end()
      await http.close()
    },
  }
}

/** No queue at all: the ceiling. `total` POSTs by 64 loops; latency POSTs sent at once. */
function rawUndici(url: string): System & { total: number } {
  const http = deliverer(url)
  let running = false
  const state = {
    total: 0,
    async sendOne(i: number, sentAt?: number) {
      if (!running) {
        state.total++
        return
      }
      void http.deliver(`msg_l${i}`, message(i, sentAt)).catch(() => {})
    },
    sendBulk: null,
    afterEnqueue: async () => {},
    async start() {
      let next = 0
      const total = state.total
      running = true
      void Promise.all(
        Array.from({ length: IN_FLIGHT }, async () => {
          while (next < total) {
            const i = next++
            await http.deliver(`msg_${i}`, message(i))
          }
        }),
      )
    },
    async stop() {
      await http.close()
    },
  }
  return state
}

async function open(name: SystemName, url: string): Promise<System> {
  if (name === 'clockhook-sqlite') return clockhook('sqlite', url)
  if (name === 'clockhook-postgres') return clockhook('postgres', url)
  if (name === 'bullmq') return bullmq(url)
  if (name === 'pg-boss') return pgBoss(url)
  return rawUndici(url)
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

async function main() {
  const name = process.argv[2] as SystemName
  const url = process.argv[3]!
  const system = await open(name, url)
  const reply = (m: unknown) => process.send?.(m)
  process.on(
    'message',
    async (msg: {
      cmd: string
      total?: number
      single?: number
      rate?: number
      seconds?: number
    }) => {
      try {
        if (msg.cmd === 'prepare') {
          const total = msg.total!
          const single = Math.min(msg.single!, total)
          let t0 = performance.now()
          for (let i = 0; i < single; i++) await system.sendOne(i)
          const singlePerSecond = single / ((performance.now() - t0) / 1000)
          let bulkPerSecond: number | null = null
          t0 = performance.now()
          if (system.sendBulk) {
            for (let from = single; from < total; from += 1000)
              await system.sendBulk(from, Math.min(1000, total - from))
            if (total > single) bulkPerSecond = (total - single) / ((performance.now() - t0) / 1000)
          } else {
            for (let i = single; i < total; i++) await system.sendOne(i)
          }
          await system.afterEnqueue()
          reply({ prepared: { singlePerSecond, bulkPerSecond } })
        } else if (msg.cmd === 'start') {
          await system.start()
          reply({ started: true })
        } else if (msg.cmd === 'latency') {
          const total = Math.round(msg.rate! * msg.seconds!)
          const t0 = performance.now()
          const pending = new Set<Promise<void>>()
          for (let i = 0; i < total; i++) {
            const due = t0 + (i * 1000) / msg.rate!
            const wait = due - performance.now()
            if (wait > 1) await sleep(wait)
            if (pending.size >= 256) await Promise.race(pending)
            const p = system.sendOne(1_000_000 + i, performance.timeOrigin + performance.now())
            pending.add(p)
            void p.finally(() => pending.delete(p))
          }
          await Promise.all(pending)
          reply({ sent: total, seconds: (performance.now() - t0) / 1000 })
        } else if (msg.cmd === 'stop') {
          await system.stop()
          reply({ stopped: true })
          process.exit(0)
        }
      } catch (err) {
        reply({ error: (err as Error).stack ?? String(err) })
      }
    },
  )
  reply({ ready: true })
}

if (process.argv[2]) {
  process.on('disconnect', () => process.exit(0))
  main().catch((err) => {
    process.send?.({ error: (err as Error).stack ?? String(err) })
    process.exit(1)
  })
}
