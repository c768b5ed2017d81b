// `pnpm bench`: Clockhook on SQLite and on Postgres, BullMQ + Redis, pg-boss and raw undici,
// interleaved (A B C D E, A B C D E, …), each round on a fresh database, each system in its
// own process and the receiver in another. Per run: enqueue rate (single and bulk), a
// warm-up, then a measured window (deliveries/s; CPU µs per delivery of the system's
// process, the receiver and the database server, from /proc), then p50/p99 send → first
// byte latency at stepped offered rates. Then the scale-out on Postgres: the server's CLI
// as 1 API process + 1, 2, 3 `--role worker` processes (throughput, duplicates, and
// whether a per-endpoint rate limit holds across processes). Writes bench/results.json,
// bench/RESULTS.md and bench/chart.svg. Never fails on a slow system: it reports.
//
// Sizes (environment): BENCH_QUICK=1 (≈ 2 minutes), BENCH_ROUNDS, BENCH_WARMUP,
// BENCH_MESSAGES (measured window), BENCH_SINGLE (messages enqueued one at a time),
// BENCH_RATES (e.g. 500,1000,2000), BENCH_LATENCY_SECONDS, BENCH_SYSTEMS (subset),
// BENCH_SCALEOUT=0 to skip it, BENCH_SCALEOUT_MESSAGES, BENCH_RATE_LIMIT_MESSAGES,
// BENCH_REDIS_DB (default 7), CLOCKHOOK_TEST_POSTGRES_URL (or BENCH_POSTGRES_URL),
// BENCH_OUT (a folder for the three files instead of bench/).
import { type ChildProcess, fork, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { createDispatcher, postgresStore } from '@clockhook/dispatcher'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import {
  apiClient,
  freshDatabase,
  processCpuMicros,
  type ServerProcess,
  sleep,
  startServerProcess,
  workerReady,
} from './harness.ts'
import { type CpuSnapshot, postgresCpu, snapshot, totalCpu } from './proc.ts'
import { renderChart, renderMarkdown } from './report.ts'
import { SYSTEMS, type SystemName } from './system.ts'

const quick = process.env.BENCH_QUICK === '1'
const num = (name: string, full: number, short: number) =>
  Number(process.env[name] ?? (quick ? short : full))
export const config = {
  quick,
  rounds: num('BENCH_ROUNDS', 3, 1),
  warmup: num('BENCH_WARMUP', 2_000, 1_000),
  messages: num('BENCH_MESSAGES', 20_000, 10_000),
  single: num('BENCH_SINGLE', 2_000, 1_000),
  rates: (process.env.BENCH_RATES ?? (quick ? '1000,2000' : '500,1000,2000'))
    .split(',')
    .map(Number),
  latencySeconds: num('BENCH_LATENCY_SECONDS', 5, 3),
  scaleOut: process.env.BENCH_SCALEOUT !== '0',
  scaleOutMessages: num('BENCH_SCALEOUT_MESSAGES', 20_000, 8_000),
  rateLimitMessages: num('BENCH_RATE_LIMIT_MESSAGES', 600, 300),
  /** Deliveries of the backlog drain (0: skip), run by the dispatcher's own bench script. */
  backlog: num('BENCH_BACKLOG', 1_000_000, 100_000),
  redisDb: Number(process.env.BENCH_REDIS_DB ?? 7),
  systems: (process.env.BENCH_SYSTEMS?.split(',') ?? [...SYSTEMS]) as SystemName[],
}
const unknownSystems = config.systems.filter((s) => !(SYSTEMS as readonly string[]).includes(s))
if (unknownSystems.length > 0) {
  console.error(
    `BENCH_SYSTEMS: unknown ${unknownSystems.join(', ')} (the systems: ${SYSTEMS.join(', ')})`,
  )
  process.exit(2)
}
const PG_URL = process.env.BENCH_POSTGRES_URL ?? process.env.CLOCKHOOK_TEST_POSTGRES_URL
const PG_PORT = PG_URL ? Number(new URL(PG_URL).port || 5432) : 5432

export interface Run {
  system: SystemName
  round: number
  ok: boolean
  error?: string
  enqueue?: { singlePerSecond: number; bulkPerSecond: number | null }
  deliveriesPerSecond?: number
  /** µs of CPU per delivery during the measured window. */
  cpu?: { system: number; receiver: number; database: number; databaseAuxiliary: number }
  latency?: Array<{
    rate: number
    /** Single sends per second the caller managed (below `rate` when sends back up). */
    achieved?: number
    p50: number
    p99: number
    max: number
    count: number
  }>
}

export interface ScaleOut {
  workers: number
  deliveriesPerSecond: number
  duplicates: number
  delivered: number
  cpuPerDelivery: { api: number; workers: number; database: number }
  rateLimit: { limit: number; measuredPerSecond: number; messages: number }
  /** A webhook with `max_concurrency` whose receiver holds each request 50 ms. */
  concurrencyLimit?: { limit: number; peak: number; messages: number }
}

const log = (line: string) => console.log(line)
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

// --- the receiver --------------------------------------------------------------------------

interface ReceiverStats {
  count: number
  latencies: number[]
  distinct: number
  duplicates: number
  buckets: Array<number | null>
  heldPeak: number
}

function startReceiver() {
  const child = fork(new URL('./receiver.ts', import.meta.url).pathname, [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const listeners = new Set<(m: Record<string, unknown>) => void>()
  child.on('message', (m: Record<string, unknown>) => {
    for (const l of [...listeners]) l(m)
  })
  const next = (key: string, timeoutMs = 600_000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => {
        listeners.delete(on)
        reject(new Error(`receiver: no ${key} within ${timeoutMs} ms`))
      }, timeoutMs)
      const on = (m: Record<string, unknown>) => {
        if (!(key in m)) return
        clearTimeout(timer)
        listeners.delete(on)
        resolve(m)
      }
      listeners.add(on)
    })
  return {
    child,
    pid: child.pid!,
    port: next('port').then((m) => m.port as number),
    async reset(marks: number[] = [], track = false) {
      const done = next('reset')
      child.send({ cmd: 'reset', marks, track })
      await done
    },
    async startBuckets() {
      const done = next('buckets')
      child.send({ cmd: 'buckets' })
      await done
    },
    async stats(): Promise<ReceiverStats> {
      const done = next('stats')
      child.send({ cmd: 'stats' })
      return (await done).stats as ReceiverStats
    },
    /** Resolves with the time (epoch ms) at which the count reached `mark`. */
    mark: (mark: number, timeoutMs: number) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(on)
          reject(new Error(`the receiver never counted ${mark} requests (${timeoutMs} ms)`))
        }, timeoutMs)
        const on = (m: Record<string, unknown>) => {
          if (m.mark !== mark) return
          clearTimeout(timer)
          listeners.delete(on)
          resolve(m.at as number)
        }
        listeners.add(on)
      }),
    close() {
      child.send({ cmd: 'exit' })
    },
  }
}
type Receiver = ReturnType<typeof startReceiver>

// --- one system, one round -----------------------------------------------------------------

function forkSystem(name: SystemName, url: string) {
  const child: ChildProcess = fork(new URL('./system.ts', import.meta.url).pathname, [name, url], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const ask = (msg: Record<string, unknown>, key: string, timeoutMs = 600_000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.off('message', on)
        reject(new Error(`${name}: no ${key} within ${timeoutMs} ms`))
      }, timeoutMs)
      const on = (m: Record<string, unknown>) => {
        if ('error' in m) {
          clearTimeout(timer)
          child.off('message', on)
          reject(new Error(`${name}: ${m.error}`))
        } else if (key in m) {
          clearTimeout(timer)
          child.off('message', on)
          resolve(m)
        }
      }
      child.on('message', on)
      if (Object.keys(msg).length > 0) child.send(msg)
    })
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  return { child, ask, exited }
}

const pct = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!

async function runOne(
  name: SystemName,
  round: number,
  receiver: Receiver,
  url: string,
): Promise<Run> {
  const total = config.warmup + config.messages
  const sys = forkSystem(name, url)
  const pid = sys.child.pid!
  const dbComm =
    name === 'bullmq'
      ? 'redis-server'
      : name === 'clockhook-postgres' || name === 'pg-boss'
        ? 'postgres'
        : ''
  try {
    await sys.ask({}, 'ready', 60_000)
    await receiver.reset([config.warmup, total])
    const prepared = (await sys.ask({ cmd: 'prepare', total, single: config.single }, 'prepared'))
      .prepared as Run['enqueue']
    const enqueueText =
      name === 'undici'
        ? 'no queue'
        : `enqueue ${fmt(prepared!.singlePerSecond)}/s single, ${prepared!.bulkPerSecond === null ? 'bulk n/a' : `${fmt(prepared!.bulkPerSecond)}/s bulk`}`
    process.stdout.write(`  round ${round} ${name.padEnd(18)} ${enqueueText} … `)

    let cpu0 = { system: 0, receiver: 0, db: new Map() as CpuSnapshot }
    const warm = receiver.mark(config.warmup, 600_000).then((at) => {
      cpu0 = {
        system: processCpuMicros(pid),
        receiver: processCpuMicros(receiver.pid),
        db: dbComm ? snapshot(dbComm) : new Map(),
      }
      return at
    })
    const done = receiver.mark(total, 600_000).then((at) => ({
      at,
      system: processCpuMicros(pid),
      receiver: processCpuMicros(receiver.pid),
      db: dbComm ? snapshot(dbComm) : (new Map() as CpuSnapshot),
    }))
    await sys.ask({ cmd: 'start' }, 'started')
    const t1 = await warm
    const end = await done
    const seconds = (end.at - t1) / 1000
    const n = config.messages
    let database = 0
    let databaseAuxiliary = 0
    if (dbComm === 'postgres') {
      const spent = postgresCpu(cpu0.db, end.db, [pid], PG_PORT)
      database = spent.backends
      databaseAuxiliary = spent.auxiliary
    } else if (dbComm) database = totalCpu(cpu0.db, end.db)
    const run: Run = {
      system: name,
      round,
      ok: true,
      enqueue: name === 'undici' ? undefined : prepared,
      deliveriesPerSecond: n / seconds,
      cpu: {
        system: (end.system - cpu0.system) / n,
        receiver: (end.receiver - cpu0.receiver) / n,
        database: database / n,
        databaseAuxiliary: databaseAuxiliary / n,
      },
      latency: [],
    }
    log(
      `${fmt(run.deliveriesPerSecond!)} deliveries/s, CPU µs/delivery: ${fmt(run.cpu!.system, 1)} process + ${fmt(run.cpu!.database + run.cpu!.databaseAuxiliary, 1)} database`,
    )
    for (const rate of config.rates) {
      await receiver.reset()
      const answer = await sys.ask({ cmd: 'latency', rate, seconds: config.latencySeconds }, 'sent')
      const sent = answer.sent as number
      // below `rate` when the system cannot take single sends that fast
      const achieved = sent / (answer.seconds as number)
      const deadline = Date.now() + 30_000
      let stats = await receiver.stats()
      while (stats.count < sent && Date.now() < deadline) {
        await sleep(100)
        stats = await receiver.stats()
      }
      const sorted = stats.latencies.sort((a, b) => a - b)
      const l = {
        rate,
        achieved,
        p50: pct(sorted, 50),
        p99: pct(sorted, 99),
        max: sorted.at(-1) ?? Number.NaN,
        count: sorted.length,
      }
      run.latency!.push(l)
      log(
        `    ${fmt(rate)}/s offered (${fmt(achieved)}/s achieved): p50 ${fmt(l.p50, 2)} ms, p99 ${fmt(l.p99, 2)} ms (${l.count}/${sent} arrived)`,
      )
    }
    return run
  } catch (err) {
    log(`failed: ${(err as Error).message.split('\n')[0]}`)
    return { system: name, round, ok: false, error: (err as Error).message.split('\n')[0] }
  } finally {
    await sys.ask({ cmd: 'stop' }, 'stopped', 30_000).catch(() => {})
    if (sys.child.exitCode === null) sys.child.kill('SIGKILL')
    await sys.exited
  }
}

// --- availability --------------------------------------------------------------------------

async function redisReachable(): Promise<string | null> {
  const { Redis } = await import('ioredis')
  const r = new Redis({
    host: '127.0.0.1',
    port: 6379,
    db: config.redisDb,
    lazyConnect: true,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  })
  try {
    await r.connect()
    await r.ping()
    return null
  } catch (err) {
    return `Redis on 127.0.0.1:6379 unreachable (${(err as Error).message})`
  } finally {
    r.disconnect()
  }
}

async function postgresReachable(): Promise<string | null> {
  if (!PG_URL) return 'CLOCKHOOK_TEST_POSTGRES_URL is not set'
  const c = new pg.Client({ connectionString: PG_URL })
  try {
    await c.connect()
    await c.query('select 1')
    return null
  } catch (err) {
    return `Postgres unreachable (${(err as Error).message})`
  } finally {
    await c.end().catch(() => {})
  }
}

// --- scale-out on Postgres -----------------------------------------------------------------

async function scaleOutRun(workers: number, receiver: Receiver, port: number): Promise<ScaleOut> {
  const db = await freshDatabase('postgres')
  const processes: ServerProcess[] = []
  const pool = new pg.Pool({ connectionString: db.env.DATABASE_URL, max: 8 })
  const kysely = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) })
  const store = postgresStore({ pool, kysely })
  // an enqueue-only dispatcher in the bench's process (never started)
  const producer = createDispatcher({ store, ssrf: { allowedCidrs: ['127.0.0.1/32'] } })
  try {
    const api = startServerProcess('api', { ...db.env, LOG_LEVEL: 'error' })
    processes.push(api)
    const call = apiClient(await api.url())
    // the workers start and settle first; each backlog is then enqueued in one transaction
    // (with ANALYZE inside it), so it becomes due all at once for workers already running
    const hook = await call('POST', '/v1/webhooks', {
      name: 'bench',
      url: `http://127.0.0.1:${port}/scale`,
      events: ['clock.in'],
    })
    const limited = await call('POST', '/v1/webhooks', {
      name: 'rate limited',
      url: `http://127.0.0.1:${port}/limited`,
      events: ['clock.out'],
      rate_limit_per_second: 50,
    })
    if (hook.status !== 201 || limited.status !== 201)
      throw new Error(`POST /v1/webhooks: ${JSON.stringify(hook.body)}`)
    const tenantId = (await producer.getEndpoint(hook.body.id)).tenantId
    const workerPids: number[] = []
    for (let i = 0; i < workers; i++) {
      const w = startServerProcess('worker', { ...db.env, LOG_LEVEL: 'error' })
      processes.push(w)
      workerPids.push(w.pid)
    }
    await Promise.all(processes.slice(1).map(workerReady))
    const total = config.scaleOutMessages
    const warm = Math.floor(total / 10)
    const data = (i: number) => ({
      entry_id: `te_${i}`,
      worker_id: 'wkr_1',
      worker_name: 'Ada',
      clock_in: '2026-11-24T08:00:00.000Z',
      location_id: null,
    })
    const enqueue = (count: number, message: (i: number) => Parameters<typeof producer.send>[0]) =>
      kysely.transaction().execute(async (trx) => {
        for (let i = 0; i < count; i++) await producer.send(message(i), { trx })
        await sql`analyze`.execute(trx)
      })
    await sleep(1_000) // let the workers' start-up CPU settle
    await receiver.reset([warm, total], true)
    let cpu0 = { workers: 0, api: 0, db: new Map() as CpuSnapshot }
    const t1 = receiver.mark(warm, 600_000).then((at) => {
      cpu0 = {
        workers: workerPids.reduce((s, p) => s + processCpuMicros(p), 0),
        api: processCpuMicros(api.pid),
        db: snapshot('postgres'),
      }
      return at
    })
    const t2 = receiver.mark(total, 600_000).then((at) => ({
      at,
      workers: workerPids.reduce((s, p) => s + processCpuMicros(p), 0),
      api: processCpuMicros(api.pid),
      db: snapshot('postgres'),
    }))
    await enqueue(total, (i) => ({ type: 'clock.in', tenantId, data: data(i) }))
    const start = await t1
    const end = await t2
    const measured = total - warm
    const dbCpu = postgresCpu(cpu0.db, end.db, [api.pid, ...workerPids], PG_PORT)
    await sleep(1_000) // late duplicates
    const stats = await receiver.stats()

    // rate limit across processes: the limited webhook's backlog, arrivals per 100 ms
    await receiver.reset([config.rateLimitMessages])
    const limitedDone = receiver.mark(config.rateLimitMessages, 120_000).catch(() => 0)
    await receiver.startBuckets()
    await enqueue(config.rateLimitMessages, (i) => ({
      type: 'clock.out',
      tenantId,
      data: { ...data(total + i), clock_out: '2026-11-24T09:00:00.000Z', total_minutes: 60 },
    }))
    await limitedDone
    const buckets = (await receiver.stats()).buckets.map((b) => b ?? 0)

    // concurrency limit across processes: the same webhook, now max_concurrency 4 and no
    // rate, to a receiver path that holds each request 50 ms
    const patched = await call('PATCH', `/v1/webhooks/${limited.body.id}`, {
      url: `http://127.0.0.1:${port}/held`,
      rate_limit_per_second: null,
      max_concurrency: 4,
    })
    if (patched.status !== 200)
      throw new Error(`PATCH /v1/webhooks: ${JSON.stringify(patched.body)}`)
    const heldMessages = Math.max(40, Math.floor(config.rateLimitMessages / 2))
    await receiver.reset([heldMessages])
    const heldDone = receiver.mark(heldMessages, 120_000).catch(() => 0)
    await enqueue(heldMessages, (i) => ({
      type: 'clock.out',
      tenantId,
      data: { ...data(total + i), clock_out: '2026-11-24T09:00:00.000Z', total_minutes: 60 },
    }))
    await heldDone
    const heldPeak = (await receiver.stats()).heldPeak
    await call.close()
    // after the burst (one second's worth, granted at once), one permit per 1/50 s: the
    // rate is what arrived beyond the burst over the span from the first to the last arrival
    // (100 ms buckets), so a burst that lands late on a busy machine does not count as rate
    const first = buckets.findIndex((b) => b > 0)
    const lastBucket = buckets.length - 1
    const spanSeconds = (lastBucket - first) / 10
    const measuredPerSecond =
      first >= 0 && spanSeconds > 0 ? (config.rateLimitMessages - 50) / spanSeconds : Number.NaN

    const result: ScaleOut = {
      workers,
      deliveriesPerSecond: measured / ((end.at - start) / 1000),
      duplicates: stats.duplicates,
      delivered: stats.distinct,
      cpuPerDelivery: {
        api: (end.api - cpu0.api) / measured,
        workers: (end.workers - cpu0.workers) / measured,
        database: (dbCpu.backends + dbCpu.auxiliary) / measured,
      },
      rateLimit: { limit: 50, measuredPerSecond, messages: config.rateLimitMessages },
      concurrencyLimit: { limit: 4, peak: heldPeak, messages: heldMessages },
    }
    log(
      `  1 api + ${workers} worker${workers > 1 ? 's' : ''}: ${fmt(result.deliveriesPerSecond)} deliveries/s, ${result.delivered}/${total} distinct, ${result.duplicates} duplicates; CPU µs/delivery workers ${fmt(result.cpuPerDelivery.workers, 1)}, database ${fmt(result.cpuPerDelivery.database, 1)}; rate limit 50/s → ${fmt(measuredPerSecond, 1)}/s; max_concurrency 4 → peak ${heldPeak}`,
    )
    return result
  } finally {
    await Promise.all(processes.map((p) => p.stop()))
    await store.close()
    await kysely.destroy()
    await db.cleanup()
  }
}

// --- main ----------------------------------------------------------------------------------

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length === 0 ? Number.NaN : s[Math.floor((s.length - 1) / 2)]!
}

async function main() {
  const startedAt = new Date()
  const loadBefore = loadavg()
  log(
    `clockhook bench: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}, load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`,
  )
  log(
    `${config.rounds} rounds of ${config.systems.join(', ')}; ${fmt(config.warmup)} warm-up + ${fmt(config.messages)} measured deliveries; latency at ${config.rates.join(', ')}/s for ${config.latencySeconds} s each`,
  )
  const notRun: Record<string, string> = {}
  const pgProblem = await postgresReachable()
  const redisProblem = await redisReachable()
  for (const s of config.systems) {
    if ((s === 'clockhook-postgres' || s === 'pg-boss') && pgProblem) notRun[s] = pgProblem
    if (s === 'bullmq' && redisProblem) notRun[s] = redisProblem
  }
  for (const [s, why] of Object.entries(notRun)) log(`  ${s}: not run — ${why}`)

  const receiver = startReceiver()
  const port = await receiver.port
  const url = `http://127.0.0.1:${port}/hooks`
  const runs: Run[] = []
  try {
    for (let round = 1; round <= config.rounds; round++) {
      log(`round ${round}/${config.rounds}`)
      for (const s of config.systems)
        if (!notRun[s]) runs.push(await runOne(s, round, receiver, url))
    }
    const scaleOut: ScaleOut[] = []
    if (config.scaleOut && !pgProblem) {
      log('scale-out on Postgres: the server CLI, 1 --role api + N --role worker processes')
      for (const workers of [1, 2, 3]) {
        try {
          scaleOut.push(await scaleOutRun(workers, receiver, port))
        } catch (err) {
          log(`  ${workers} workers: failed — ${(err as Error).message.split('\n')[0]}`)
        }
      }
    }
    const backlog: Backlog[] = []
    if (config.backlog > 0) {
      log(`backlog drain: ${fmt(config.backlog)} deliveries on SQLite, RSS sampled each second`)
      for (const nodeOptions of ['', '--max-semi-space-size=4']) {
        const b = backlogRun(config.backlog, nodeOptions)
        if (b) backlog.push(b)
        log(
          b
            ? `  ${nodeOptions || 'Node defaults'}: ${fmt(b.perSecond)}/s, RSS ${fmt(b.rssFirstMb)} → ${fmt(b.rssLastMb)} MB (max ${fmt(b.rssMaxMb)}), V8 heap ${fmt(b.heapFirstMb)} → ${fmt(b.heapLastMb)} MB`
            : `  ${nodeOptions || 'Node defaults'}: failed`,
        )
      }
    }
    const loadAfter = loadavg()
    const summary = config.systems.map((system) => {
      const ok = runs.filter((r) => r.system === system && r.ok)
      const rate = ok.map((r) => r.deliveriesPerSecond!)
      return {
        system,
        notRun: notRun[system],
        runs: ok.length,
        failed: runs.filter((r) => r.system === system && !r.ok).length,
        deliveriesPerSecond: {
          median: median(rate),
          min: Math.min(...rate),
          max: Math.max(...rate),
        },
        cpu: {
          system: median(ok.map((r) => r.cpu!.system)),
          receiver: median(ok.map((r) => r.cpu!.receiver)),
          database: median(ok.map((r) => r.cpu!.database)),
          databaseAuxiliary: median(ok.map((r) => r.cpu!.databaseAuxiliary)),
        },
        enqueue: {
          single: median(ok.filter((r) => r.enqueue).map((r) => r.enqueue!.singlePerSecond)),
          bulk: ok.some((r) => r.enqueue?.bulkPerSecond != null)
            ? median(
                ok
                  .map((r) => r.enqueue?.bulkPerSecond ?? Number.NaN)
                  .filter((x) => !Number.isNaN(x)),
              )
            : null,
        },
        latency: config.rates.map((rate) => {
          const ls = ok.map((r) => r.latency!.find((l) => l.rate === rate)!).filter(Boolean)
          return {
            rate,
            achieved: median(ls.map((l) => l.achieved ?? Number.NaN)),
            p50: median(ls.map((l) => l.p50)),
            p99: median(ls.map((l) => l.p99)),
          }
        }),
      }
    })
    const results = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: {
        cores: cpus().length,
        model: cpus()[0]?.model ?? '?',
        node: process.version,
        loadBefore,
        loadAfter,
      },
      config: { ...config, inFlight: 64 },
      summary,
      runs,
      scaleOut,
      backlog,
    }
    const dir = process.env.BENCH_OUT
      ? `${process.env.BENCH_OUT.replace(/\/$/, '')}/`
      : new URL('../', import.meta.url).pathname
    mkdirSync(dir, { recursive: true })
    writeFileSync(`${dir}results.json`, `${JSON.stringify(results, null, 2)}\n`)
    writeFileSync(`${dir}chart.svg`, renderChart(results))
    writeFileSync(`${dir}RESULTS.md`, renderMarkdown(results))
    log(`wrote ${dir}results.json, ${dir}RESULTS.md and ${dir}chart.svg`)
  } finally {
    receiver.close()
  }
}

export type Results = {
  startedAt: string
  finishedAt: string
  machine: { cores: number; model: string; node: string; loadBefore: number[]; loadAfter: number[] }
  config: typeof config & { inFlight: number }
  summary: Array<{
    system: SystemName
    notRun?: string
    runs: number
    failed: number
    deliveriesPerSecond: { median: number; min: number; max: number }
    cpu: { system: number; receiver: number; database: number; databaseAuxiliary: number }
    enqueue: { single: number; bulk: number | null }
    latency: Array<{ rate: number; achieved?: number; p50: number; p99: number }>
  }>
  runs: Run[]
  scaleOut: ScaleOut[]
  backlog?: Backlog[]
}

export interface Backlog {
  deliveries: number
  seconds: number
  perSecond: number
  cpuPerDelivery: number
  rssFirstMb: number
  rssLastMb: number
  rssMaxMb: number
  heapFirstMb: number
  heapLastMb: number
  nodeOptions: string
}

/**
 * The 1 M-delivery backlog drain: the dispatcher's bench script (its own process, the
 * backlog prefilled by a child so the drain's RSS is its own) prints one JSON line.
 */
function backlogRun(deliveries: number, nodeOptions: string): Backlog | null {
  const script = new URL('../../packages/dispatcher/bench/throughput.ts', import.meta.url).pathname
  const child = spawnSync(process.execPath, [script], {
    cwd: new URL('../../packages/dispatcher/', import.meta.url).pathname,
    env: {
      ...process.env,
      BENCH_ONLY_BACKLOG: '1',
      BENCH_BACKLOG: String(deliveries),
      NODE_OPTIONS: nodeOptions,
    },
    encoding: 'utf8',
    timeout: 1_800_000,
  })
  const line = child.stdout?.split('\n').find((l) => l.startsWith('BACKLOG_RESULT '))
  return line ? (JSON.parse(line.slice('BACKLOG_RESULT '.length)) as Backlog) : null
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130))
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err)
      process.exit(1)
    },
  )
}
