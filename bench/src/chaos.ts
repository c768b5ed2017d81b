// The crash suite's engine: one `--role api` process and several `--role worker` processes
// of the reference server's CLI on one database, clock-in/clock-out events fanned out to
// several receivers, workers SIGKILLed at random points of the delivery and restarted at
// once. The receivers keep a ledger of `webhook-id`s; the pull API says what was sent.
import { randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  apiClient,
  type Database,
  eventually,
  freshDatabase,
  type Ledger,
  mapLimit,
  type ServerProcess,
  sleep,
  startLedger,
  startServerProcess,
  workerReady,
} from './harness.ts'

export interface ChaosOptions {
  database: 'sqlite' | 'postgres'
  /** Events sent through the API (each goes to every receiver). */
  messages: number
  /** SIGKILLs, each at a random point of the delivery. */
  kills: number
  /**
   * `split`: one `--role api` process and `workers` `--role worker` processes; the workers
   * are killed. `single`: one `--role all` process on a fixed port, killed and restarted
   * (the API's clients retry with the same `Idempotency-Key`).
   */
  topology?: 'split' | 'single'
  /** `--role worker` processes running at once (split). */
  workers?: number
  receivers?: number
  /** Longest wait for the ledger to fill. */
  deadlineMs?: number
  log?: (line: string) => void
  /** For reproducible kill points. */
  seed?: number
}

export interface ChaosResult {
  database: string
  messages: number
  expected: number
  delivered: number
  lost: number
  duplicates: number
  kills: number
  /** Fraction of the expected deliveries done at each kill. */
  killPoints: number[]
  seconds: number
}

/** A port free right now on 127.0.0.1 (for a process that must keep its URL across restarts). */
async function freePort(): Promise<number> {
  const s = createServer()
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  const port = (s.address() as AddressInfo).port
  await new Promise<void>((r) => s.close(() => r()))
  return port
}

/**
 * Retries a call refused or cut by a killed server, for up to 60 s, with the same
 * `Idempotency-Key`, so a request that committed before the kill is answered from the
 * stored answer. A key whose request was running when its process was killed stays
 * "in progress" on the server (409 `request_in_progress`, until the key expires): its
 * outcome is unknown, so the call is retried under a new key, and a 409 `conflict`
 * then means the killed request had committed (`ambiguous` counts them).
 */
function retrying(call: ReturnType<typeof apiClient>) {
  let ambiguous = 0
  const wrapped = async (method: string, path: string, body?: unknown, key?: string) => {
    const deadline = Date.now() + 60_000
    let cut = false
    let currentKey = key
    let unknownOutcome = false
    for (;;) {
      try {
        const r = await call(
          method,
          path,
          body,
          currentKey ? { 'idempotency-key': currentKey } : {},
        )
        if (cut && r.status === 409 && r.body?.error?.code === 'request_in_progress') {
          currentKey = randomUUID()
          unknownOutcome = true
          ambiguous++
          continue
        }
        if (unknownOutcome && r.status === 409 && r.body?.error?.code === 'conflict')
          return { status: 200, body: { replayedAfterKill: true } }
        return r
      } catch (err) {
        if (Date.now() > deadline) throw err
        cut = true
        await sleep(100)
      }
    }
  }
  return Object.assign(wrapped, { close: call.close, ambiguous: () => ambiguous })
}

function random(seed: number) {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 2 ** 32
  }
}

/** Lists every event id the API emitted of the given types (the pull API, all pages). */
async function emittedIds(call: ReturnType<typeof retrying>, types: string): Promise<Set<string>> {
  const ids = new Set<string>()
  let cursor = ''
  for (;;) {
    const r = await call(
      'GET',
      `/v1/events?types=${types}&limit=100${cursor ? `&after=${encodeURIComponent(cursor)}` : ''}`,
    )
    if (r.status !== 200) throw new Error(`GET /v1/events answered ${r.status}`)
    for (const e of r.body.data) ids.add(e.id)
    if (!r.body.has_more) return ids
    cursor = r.body.next_cursor
  }
}

export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const log = options.log ?? (() => {})
  const rand = random(options.seed ?? Date.now())
  const topology = options.topology ?? 'split'
  const workerCount = topology === 'single' ? 1 : (options.workers ?? 2)
  const receiverCount = options.receivers ?? 3
  const started = Date.now()
  let db: Database | undefined
  let ledger: Ledger | undefined
  let api: ServerProcess | undefined
  const workers: ServerProcess[] = []
  const everyProcess: ServerProcess[] = []
  try {
    db = await freshDatabase(options.database)
    ledger = await startLedger(receiverCount)
    // A compressed retry schedule (it also polls every 200 ms: SQLite has no NOTIFY).
    const env = { ...db.env, CLOCKHOOK_RETRY_SCHEDULE: '0,0.5,1,2,5,10,30,60' }
    const port = topology === 'single' ? String(await freePort()) : '0'
    const startWorker = async () => {
      const w = startServerProcess(topology === 'single' ? 'all' : 'worker', { ...env, PORT: port })
      everyProcess.push(w)
      if (topology === 'single') {
        api = w
        await w.url()
      } else await workerReady(w)
      return w
    }
    if (topology === 'split') {
      api = startServerProcess('api', env)
      everyProcess.push(api)
    }
    for (let i = 0; i < workerCount; i++) workers.push(await startWorker())
    const url = await api!.url()
    const call = retrying(apiClient(url, undefined, 32))

    for (const [i, target] of ledger.urls.entries()) {
      const r = await call('POST', '/v1/webhooks', {
        name: `receiver ${i}`,
        url: target,
        events: ['clock.in', 'clock.out'],
      })
      if (r.status !== 201)
        throw new Error(`POST /v1/webhooks: ${r.status} ${JSON.stringify(r.body)}`)
    }
    const people = await mapLimit(Array.from({ length: 32 }), 8, async (_, i) => {
      const r = await call('POST', '/v1/workers', { name: `chaos ${i}` })
      if (r.status !== 201) throw new Error(`POST /v1/workers: ${r.status}`)
      return r.body.id as string
    })

    const expected = options.messages * receiverCount
    const killPoints = Array.from({ length: options.kills }, () => 0.05 + rand() * 0.85).sort(
      (a, b) => a - b,
    )
    log(
      `${options.database}: ${options.messages} events × ${receiverCount} receivers, ${topology === 'single' ? 'one --role all process' : `api + ${workerCount} worker processes`}, kills at ${killPoints.map((p) => `${Math.round(p * 100)} %`).join(', ')}`,
    )

    // The killer: at each kill point, SIGKILL a random worker and start a new one at once.
    let killsDone = 0
    let stopKilling = false
    const killer = (async () => {
      for (const point of killPoints) {
        while (!stopKilling && ledger!.distinct() < point * expected)
          await new Promise((r) => setTimeout(r, 10))
        if (stopKilling) return
        const index = Math.floor(rand() * workers.length)
        await workers[index]!.kill()
        killsDone++
        log(
          `  kill ${killsDone}/${options.kills} at ${ledger!.distinct()}/${expected} delivered: worker pid ${workers[index]!.pid}`,
        )
        workers[index] = await startWorker()
      }
    })()

    // The load: each person alternates clock-in and clock-out.
    const perPerson = Math.ceil(options.messages / people.length)
    let sent = 0
    await mapLimit(people, people.length, async (person) => {
      for (let k = 0; k < perPerson && sent < options.messages; k++) {
        sent++
        const path = k % 2 === 0 ? 'clock-in' : 'clock-out'
        const r = await call(
          'POST',
          `/v1/time-entries/${path}`,
          { worker_id: person },
          randomUUID(),
        )
        if (r.status < 200 || r.status > 299)
          throw new Error(
            `POST ${path}: ${r.status} ${JSON.stringify(r.body)}\napi output:\n${api!.output().slice(-3000)}`,
          )
      }
    })
    if (call.ambiguous() > 0)
      log(
        `  ${call.ambiguous()} requests were running when their process was killed (key stuck in progress)`,
      )
    log(`  ${sent} events accepted by the API in ${((Date.now() - started) / 1000).toFixed(1)} s`)

    const ids = await emittedIds(call, 'clock.in,clock.out')
    if (ids.size !== options.messages)
      throw new Error(`the pull API lists ${ids.size} events, expected ${options.messages}`)
    const missing = () => {
      let n = 0
      for (const seen of ledger!.seen) for (const id of ids) if (!seen.has(id)) n++
      return n
    }
    const deadline = options.deadlineMs ?? 240_000
    try {
      await eventually(
        () => ledger!.distinct() >= expected && missing() === 0,
        deadline,
        'every delivery in the ledger',
      )
    } catch {
      // fall through: the result reports what was lost
    }
    stopKilling = true
    await killer
    await call.close()

    let duplicates = 0
    let unexpected = 0
    for (const seen of ledger.seen)
      for (const [id, n] of seen) {
        if (!ids.has(id)) unexpected++
        duplicates += n - 1
      }
    if (unexpected > 0) throw new Error(`${unexpected} webhook-ids the API never emitted`)
    const result: ChaosResult = {
      database: options.database,
      messages: options.messages,
      expected,
      delivered: ledger.distinct(),
      lost: missing(),
      duplicates,
      kills: killsDone,
      killPoints,
      seconds: (Date.now() - started) / 1000,
    }
    log(
      `  ${result.database}: ${result.delivered}/${expected} delivered, ${result.lost} lost, ${result.duplicates} duplicates after ${result.kills} kills, ${result.seconds.toFixed(1)} s`,
    )
    return result
  } finally {
    await Promise.all(everyProcess.map((p) => p.stop()))
    await ledger?.close()
    await db?.cleanup()
  }
}
