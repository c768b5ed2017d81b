// Clock-in/clock-out requests per second through the whole server (SQLite), with three
// subscribed webhooks and the deliveries keeping up; p50/p99 request latency; the
// delivery backlog sampled every second. Baseline in the same run: GET /healthz through
// the same server. Prints; never fails. Knobs: BENCH_SECONDS, BENCH_CONCURRENCY.
import { fork } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig, startServer } from '@clockhook/reference-server'
import { Pool } from 'undici'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32)
const ADMIN = 'ck_bench_admin_key_that_is_long_enough_0123456789'

const receiver = fork(new URL('./receiver.mjs', import.meta.url).pathname)
process.on('exit', () => receiver.kill())
const port: number = await new Promise((r) =>
  receiver.once('message', (m: { port: number }) => r(m.port)),
)
const dir = mkdtempSync(join(tmpdir(), 'clockhook-bench-'))
const silent = { info() {}, warn() {}, error() {} }
const server = await startServer(
  loadConfig({
    PORT: '0',
    CLOCKHOOK_DATA_DIR: dir,
    CLOCKHOOK_BOOTSTRAP_ADMIN_KEY: ADMIN,
    CLOCKHOOK_ALLOW_PRIVATE_URLS: '1',
    CLOCKHOOK_RATE_LIMIT: '100000',
  }),
  silent,
  () => {},
)
const pool = new Pool(server.url, { connections: CONCURRENCY })
const headers = { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }
const post = async (path: string, body: unknown) => {
  const r = await pool.request({ path, method: 'POST', headers, body: JSON.stringify(body) })
  const text = await r.body.text()
  return { status: r.statusCode, body: text ? JSON.parse(text) : null }
}

for (let i = 0; i < 3; i++) {
  await post('/v1/webhooks', {
    name: `payroll ${i}`,
    url: `http://127.0.0.1:${port}/hooks/${i}`,
    events: ['clock.in', 'clock.out'],
  })
}
const workers: string[] = []
for (let i = 0; i < CONCURRENCY; i++)
  workers.push((await post('/v1/workers', { name: `w${i}` })).body.id)

async function run(label: string, one: (worker: number) => Promise<number>) {
  const latencies: number[] = []
  let errors = 0
  const end = performance.now() + SECONDS * 1000
  const t0 = performance.now()
  await Promise.all(
    workers.map(async (_, w) => {
      while (performance.now() < end) {
        const s = performance.now()
        const status = await one(w)
        latencies.push(performance.now() - s)
        if (status >= 400) errors++
      }
    }),
  )
  const seconds = (performance.now() - t0) / 1000
  latencies.sort((a, b) => a - b)
  const p = (q: number) => latencies[Math.floor(latencies.length * q)]!.toFixed(2)
  return { label, perSecond: latencies.length / seconds, p50: p(0.5), p99: p(0.99), errors }
}

const base = await run('GET /healthz', async () => {
  const r = await pool.request({ path: '/healthz', method: 'GET' })
  await r.body.dump()
  return r.statusCode
})
const counted = (): Promise<number> =>
  new Promise((r) => {
    receiver.once('message', (m: { count: number }) => r(m.count))
    receiver.send('count')
  })
const backlog: number[] = []
const sampler = setInterval(async () => {
  const text = await (await pool.request({ path: '/metrics', method: 'GET' })).body.text()
  backlog.push(Number(/clockhook_backlog_due (\d+)/.exec(text)?.[1] ?? Number.NaN))
}, 1000)
const clockedIn = new Array(workers.length).fill(false)
const clock = await run('clock-in/out', async (w) => {
  const r = await post(clockedIn[w] ? '/v1/time-entries/clock-out' : '/v1/time-entries/clock-in', {
    worker_id: workers[w],
  })
  clockedIn[w] = !clockedIn[w]
  return r.status
})
clearInterval(sampler)
const expected = Math.round(clock.perSecond * SECONDS) * 3
const t0 = Date.now()
while ((await counted()) < expected && Date.now() - t0 < 30_000)
  await new Promise((r) => setTimeout(r, 200))
const drainSeconds = (Date.now() - t0) / 1000
console.log(
  `node ${process.version}, ${CONCURRENCY} concurrent clients, ${SECONDS} s, SQLite, receiver in a separate process`,
)
for (const r of [base, clock]) {
  console.log(
    `${r.label.padEnd(14)} ${Math.round(r.perSecond).toLocaleString('en-US').padStart(7)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}`,
  )
}
console.log(
  `clock-in/out vs GET /healthz: ${(clock.perSecond / base.perSecond).toFixed(2)}×; 3 webhooks each: ${Math.round(clock.perSecond * 3).toLocaleString('en-US')} deliveries/s offered`,
)
console.log(
  `delivery backlog (due) sampled each second: ${backlog.join(', ')}; all delivered ${drainSeconds.toFixed(1)} s after the load stopped`,
)
await pool.close()
await server.close()
rmSync(dir, { recursive: true, force: true })
receiver.kill()
