// Dispatcher benchmark: durable end-to-end deliveries/s on SQLite and Postgres with 64
// in flight, CPU µs per delivery, p50/p99 send→receive latency at 1 k/s offered, and RSS
// while draining a large backlog. The receiver runs in its own process. Every figure is
// printed next to a baseline measured in the same run (raw undici POSTs, no store).
// Never fails: it prints what it measured. Knobs: BENCH_MESSAGES, BENCH_BACKLOG, BENCH_ONLY_BACKLOG,
// BENCH_LATENCY_SECONDS, CLOCKHOOK_TEST_POSTGRES_URL (or BENCH_POSTGRES_URL).
import { fork, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createDispatcher,
  type DeliveryStore,
  postgresStore,
  sqliteStore,
} from '@clockhook/dispatcher'
import Database from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely'
import pg from 'pg'
import { Pool } from 'undici'

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 50_000)
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 1_000_000)
const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 10)
const PG_URL = process.env.BENCH_POSTGRES_URL ?? process.env.CLOCKHOOK_TEST_POSTGRES_URL
const CONCURRENCY = 64

const receiver = fork(new URL('./receiver.mjs', import.meta.url).pathname, [], { stdio: 'inherit' })
process.on('exit', () => receiver.kill())
const port: number = await new Promise((resolve) =>
  receiver.once('message', (m: { port: number }) => resolve(m.port)),
)
const url = `http://127.0.0.1:${port}/hooks`
const receiverStats = (): Promise<{ count: number; latencies: number[] }> =>
  new Promise((resolve) => {
    receiver.once('message', resolve as (m: unknown) => void)
    receiver.send('stats')
  })

const cpuMicros = () => {
  const u = process.cpuUsage()
  return u.user + u.system
}
const fmt = (n: number | undefined, digits = 0) =>
  (n ?? Number.NaN).toLocaleString('en-US', { maximumFractionDigits: digits })
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN

async function baseline(n: number) {
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: CONCURRENCY })
  const body = JSON.stringify({
    type: 'clock.in',
    timestamp: new Date().toISOString(),
    data: { worker_id: 'wkr_1', entry_id: 'te_1' },
  })
  await receiverStats()
  const cpu0 = cpuMicros()
  const t0 = performance.now()
  let next = 0
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < n) {
        const r = await pool.request({
          path: '/hooks',
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json' },
        })
        await r.body.dump()
      }
    }),
  )
  const seconds = (performance.now() - t0) / 1000
  const cpu = cpuMicros() - cpu0
  await pool.close()
  return { perSecond: n / seconds, cpuPerRequest: cpu / n }
}

interface Target {
  name: string
  store: DeliveryStore
  prefill(endpointId: string, count: number): Promise<void>
  cleanup(): Promise<void>
}

async function sqliteTarget(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'clockhook-bench-'))
  const database = new Database(join(dir, 'bench.db'))
  const kysely = new Kysely<unknown>({ dialect: new SqliteDialect({ database }) })
  const store = sqliteStore({ database, kysely })
  await store.migrate()
  return {
    name: 'SQLite',
    store,
    async prefill(endpointId, count) {
      // In a child process: SQLite's temporary b-trees for a million-row insert would stay in
      // this process's allocator and hide what the drain itself holds (the RSS figure).
      const now = Date.now()
      const script = `
        import Database from 'better-sqlite3'
        const db = new Database(process.env.DB)
        db.exec(\`
        with recursive n(i) as (select 1 union all select i + 1 from n where i < ${count})
        insert into clockhook_messages (id, tenant_id, type, timestamp, payload, seq, is_test, created_at)
        select printf('msg_b%012d', i), '', 'clock.in', ${now}, '{"worker_id":"wkr_1","entry_id":"te_1"}', null, 0, ${now} from n;
        insert into clockhook_deliveries (id, message_id, endpoint_id, tenant_id, event_type, status, attempts,
          next_attempt_at, leased_until, lease_token, is_test, last_http_status, last_error, created_at, updated_at)
        select 'dlv_b' || substr(id, 6), id, '${endpointId}', '', 'clock.in', 'pending', 0, ${now}, null, 0, 0, null, null, ${now}, ${now}
        from clockhook_messages where id like 'msg_b%';\`)
        db.close()`
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: new URL('.', import.meta.url).pathname,
        env: { ...process.env, DB: join(dir, 'bench.db') },
        stdio: 'inherit',
      })
      if (child.status !== 0) throw new Error(`prefill failed (exit ${child.status})`)
    },
    async cleanup() {
      await kysely.destroy()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function postgresTarget(): Promise<Target> {
  const schema = `clockhook_bench_${process.pid}`
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  await admin.query(`drop schema if exists ${schema} cascade; create schema ${schema}`)
  const pool = new pg.Pool({
    connectionString: PG_URL,
    options: `-c search_path=${schema}`,
    max: 8,
  })
  const store = postgresStore({ pool })
  await store.migrate()
  return {
    name: 'Postgres',
    store,
    async prefill(endpointId, count) {
      const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) })
      const now = Date.now()
      await sql`insert into clockhook_messages (id, tenant_id, type, timestamp, payload, seq, is_test, created_at)
        select 'msg_b' || lpad(i::text, 12, '0'), '', 'clock.in', ${now}, '{"worker_id":"wkr_1","entry_id":"te_1"}', null, 0, ${now}
        from generate_series(1, ${count}) as i`.execute(db)
      await sql`insert into clockhook_deliveries (id, message_id, endpoint_id, tenant_id, event_type, status, attempts,
          next_attempt_at, leased_until, lease_token, is_test, last_http_status, last_error, created_at, updated_at)
        select 'dlv_b' || substr(id, 6), id, ${endpointId}, '', 'clock.in', 'pending', 0, ${now}, null, 0, 0, null, null, ${now}, ${now}
        from clockhook_messages where id like 'msg_b%'`.execute(db)
      await sql`analyze`.execute(db)
    },
    async cleanup() {
      await store.close()
      await pool.end()
      await admin.query(`drop schema ${schema} cascade`)
      await admin.end()
    },
  }
}

/** BENCH_STORE_TIMING=1: how long each store method took, summed, after each drain. */
function timed(store: DeliveryStore): { store: DeliveryStore; report(): string } {
  if (process.env.BENCH_STORE_TIMING !== '1') return { store, report: () => '' }
  const spent = new Map<string, { calls: number; ms: number }>()
  const wrapped = { ...store } as Record<string, unknown>
  for (const [name, fn] of Object.entries(store)) {
    if (typeof fn !== 'function') continue
    wrapped[name] = async (...args: unknown[]) => {
      const t0 = performance.now()
      try {
        return await fn.apply(store, args)
      } finally {
        const s = spent.get(name) ?? { calls: 0, ms: 0 }
        s.calls++
        s.ms += performance.now() - t0
        spent.set(name, s)
      }
    }
  }
  return {
    store: wrapped as unknown as DeliveryStore,
    report: () =>
      [...spent].map(([n, s]) => `  ${n}: ${s.calls} calls, ${fmt(s.ms)} ms`).join('\n'),
  }
}

async function drain(target: Target, count: number, sampleRss = false) {
  const timing = timed(target.store)
  const dispatcher = createDispatcher({
    store: timing.store,
    ssrf: { allowedCidrs: ['127.0.0.1/32'] },
    concurrency: CONCURRENCY,
    batchSize: Number(process.env.BENCH_BATCH ?? 256),
  })
  let errors = 0
  dispatcher.on('error', ({ error, context }) => {
    if (errors++ === 0)
      console.log(`  first background error (${context}): ${(error as Error).message}`)
  })
  const { endpoint } = await dispatcher.createEndpoint({ url })
  await target.prefill(endpoint.id, count)
  await receiverStats()
  const rss: number[] = []
  const heap: number[] = []
  const sampler = sampleRss
    ? setInterval(() => {
        const m = process.memoryUsage()
        rss.push(m.rss)
        heap.push(m.heapUsed)
      }, 1000)
    : undefined
  const cpu0 = cpuMicros()
  const t0 = performance.now()
  await dispatcher.start()
  let delivered = 0
  while (delivered < count) {
    await new Promise((r) => setTimeout(r, 200))
    delivered += (await receiverStats()).count
  }
  for (;;) {
    const b = await dispatcher.backlog()
    if (b.due + b.scheduled + b.inFlight === 0) break
    await new Promise((r) => setTimeout(r, 20))
  }
  const seconds = (performance.now() - t0) / 1000
  const cpu = cpuMicros() - cpu0
  clearInterval(sampler)
  await dispatcher.stop()
  if (errors > 0) console.log(`  ${errors} background errors while draining`)
  if (timing.report()) console.log(timing.report())
  return { perSecond: count / seconds, cpuPerDelivery: cpu / count, seconds, rss, heap }
}

async function latency(target: Target) {
  const dispatcher = createDispatcher({
    store: target.store,
    ssrf: { allowedCidrs: ['127.0.0.1/32'] },
    concurrency: CONCURRENCY,
  })
  await dispatcher.createEndpoint({ url, tenantId: 'latency' })
  await dispatcher.start()
  await receiverStats()
  const total = LATENCY_SECONDS * 1000
  const t0 = performance.now()
  const pending = new Set<Promise<unknown>>()
  for (let i = 0; i < total; i++) {
    const due = t0 + i
    const wait = due - performance.now()
    if (wait > 1) await new Promise((r) => setTimeout(r, wait))
    if (pending.size >= 256) await Promise.race(pending)
    const sending = dispatcher.send({
      type: 'clock.in',
      tenantId: 'latency',
      data: { sent_at: performance.timeOrigin + performance.now(), i },
    })
    pending.add(sending)
    void sending.finally(() => pending.delete(sending))
  }
  await Promise.all(pending)
  const offered = total / ((performance.now() - t0) / 1000)
  const latencies: number[] = []
  while (latencies.length < total) {
    await new Promise((r) => setTimeout(r, 200))
    latencies.push(...(await receiverStats()).latencies)
  }
  await dispatcher.stop()
  latencies.sort((a, b) => a - b)
  return {
    offered,
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
    max: latencies[latencies.length - 1]!,
  }
}

// BENCH_ONLY_BACKLOG=1: the backlog drain alone (the root `pnpm bench` runs it so)
const ONLY_BACKLOG = process.env.BENCH_ONLY_BACKLOG === '1'

console.log(`node ${process.version}, ${CONCURRENCY} in flight, receiver in a separate process`)
const base = ONLY_BACKLOG ? undefined : await baseline(Math.min(MESSAGES, 50_000))
if (base)
  console.log(
    `baseline  raw undici Pool POSTs (no store, no signing): ${fmt(base.perSecond)} req/s, ${fmt(base.cpuPerRequest, 1)} µs CPU/request`,
  )

const targets: Array<() => Promise<Target>> = ONLY_BACKLOG ? [] : [sqliteTarget]
if (!ONLY_BACKLOG && PG_URL) targets.push(postgresTarget)
else if (!ONLY_BACKLOG) console.log('Postgres: skipped (set CLOCKHOOK_TEST_POSTGRES_URL)')

for (const make of targets) {
  const t = await make()
  try {
    const r = await drain(t, MESSAGES)
    console.log(
      `${t.name.padEnd(9)} durable deliveries: ${fmt(r.perSecond)} /s (${(r.perSecond / base!.perSecond).toFixed(2)}× baseline), ` +
        `${fmt(r.cpuPerDelivery, 1)} µs CPU/delivery in the dispatcher process (${(r.cpuPerDelivery / base!.cpuPerRequest).toFixed(2)}× baseline)`,
    )
    if (LATENCY_SECONDS <= 0) continue
    const l = await latency(t)
    console.log(
      `${t.name.padEnd(9)} send→receive latency at ${fmt(l.offered)} msg/s offered: p50 ${fmt(l.p50, 2)} ms, p99 ${fmt(l.p99, 2)} ms, max ${fmt(l.max, 1)} ms`,
    )
  } finally {
    await t.cleanup()
  }
}

if (BACKLOG > 0) {
  const t = await sqliteTarget()
  try {
    const r = await drain(t, BACKLOG, true)
    const mb = (b: number) => fmt(b / 1024 / 1024, 0)
    const first = r.rss.slice(0, Math.max(1, Math.floor(r.rss.length / 10)))
    const last = r.rss.slice(-Math.max(1, Math.floor(r.rss.length / 10)))
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
    console.log(
      `SQLite    ${fmt(BACKLOG)}-delivery backlog drained in ${fmt(r.seconds, 1)} s (${fmt(r.perSecond)} /s): ` +
        `RSS first 10 % ${mb(avg(first))} MB, last 10 % ${mb(avg(last))} MB, max ${mb(Math.max(...r.rss))} MB; ` +
        `V8 heap first 10 % ${mb(avg(r.heap.slice(0, first.length)))} MB, last 10 % ${mb(avg(r.heap.slice(-last.length)))} MB; ` +
        `RSS at each tenth of the drain: ${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => mb(r.rss[Math.min(r.rss.length - 1, Math.floor((r.rss.length * i) / 10) - 1)] ?? 0)).join(' ')} MB`,
    )
    // one machine-readable line for the root harness
    console.log(
      `BACKLOG_RESULT ${JSON.stringify({
        deliveries: BACKLOG,
        seconds: r.seconds,
        perSecond: r.perSecond,
        cpuPerDelivery: r.cpuPerDelivery,
        rssFirstMb: avg(first) / 2 ** 20,
        rssLastMb: avg(last) / 2 ** 20,
        rssMaxMb: Math.max(...r.rss) / 2 ** 20,
        heapFirstMb: avg(r.heap.slice(0, first.length)) / 2 ** 20,
        heapLastMb: avg(r.heap.slice(-last.length)) / 2 ** 20,
        nodeOptions: process.env.NODE_OPTIONS ?? '',
      })}`,
    )
  } finally {
    await t.cleanup()
  }
}
receiver.send('exit')
