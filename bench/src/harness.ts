// Shared pieces of the benchmark and the reliability suites: the reference server's built
// CLI as child processes, ledger receivers on 127.0.0.1, a fresh Postgres schema, a small
// API client and CPU readings from /proc. Everything listens on 127.0.0.1 only.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { Pool } from 'undici'

/** The reference server's built CLI (`pnpm build` makes it; turbo builds it before tests). */
export const SERVER_CLI = new URL('../../apps/reference-server/dist/cli.js', import.meta.url)
  .pathname

export const ADMIN_KEY = 'ck_reliability_admin_key_that_is_long_enough_0123456789'
export const MASTER_KEY = Buffer.alloc(32, 11).toString('base64')

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/** Polls until `check` returns something other than `false`; throws after `ms`. */
export async function eventually<T>(
  check: () => Promise<T | false> | T | false,
  ms: number,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value !== false) return value
    if (Date.now() > deadline) throw new Error(`${what} not met within ${ms} ms`)
    await sleep(50)
  }
}

export interface ServerProcess {
  child: ChildProcess
  pid: number
  output(): string
  exited: Promise<number | null>
  /** Resolves once the process printed `text`; rejects if it exits first or after `ms`. */
  printed(text: string, ms?: number): Promise<void>
  /** The API's base URL (api and all roles), once it printed it. */
  url(): Promise<string>
  /** SIGTERM, then SIGKILL after `ms`; resolves when the process is gone. */
  stop(ms?: number): Promise<void>
  kill(): Promise<void>
}

const running = new Set<ChildProcess>()
// never leave a server process behind, even when the caller dies
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

/** Starts `clockhook-server --role <role>` with the given environment (PORT 0 by default). */
export function startServerProcess(
  role: 'api' | 'worker' | 'all',
  env: Record<string, string>,
): ServerProcess {
  const child = spawn(process.execPath, [SERVER_CLI, '--role', role], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      CLOCKHOOK_MASTER_KEY: MASTER_KEY,
      CLOCKHOOK_BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
      CLOCKHOOK_ALLOW_PRIVATE_URLS: '1',
      CLOCKHOOK_RATE_LIMIT: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  child.once('exit', () => running.delete(child))
  let output = ''
  child.stdout?.on('data', (c) => {
    output = (output + c).slice(-20_000)
  })
  child.stderr?.on('data', (c) => {
    output = (output + c).slice(-20_000)
  })
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode)
    else child.once('exit', (code) => resolve(code))
  })
  const printed = async (text: string, ms = 30_000) => {
    const deadline = Date.now() + ms
    while (!output.includes(text)) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`${role} process exited before printing "${text}":\n${output}`)
      if (Date.now() > deadline) throw new Error(`"${text}" never printed by ${role}:\n${output}`)
      await sleep(25)
    }
  }
  const gone = () => child.exitCode !== null || child.signalCode !== null
  return {
    child,
    pid: child.pid!,
    output: () => output,
    exited,
    printed,
    async url() {
      await printed('Clockhook API on ')
      return /Clockhook API on (http:\/\/\S+)/.exec(output)![1]!
    },
    async stop(ms = 12_000) {
      if (gone()) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), ms)
      await exited
      clearTimeout(timer)
    },
    async kill() {
      if (gone()) return
      child.kill('SIGKILL')
      await exited
    },
  }
}

/** A worker process is ready once the dispatcher started: it printed nothing, so wait for a beat. */
export async function workerReady(p: ServerProcess): Promise<void> {
  // `--role worker` prints only if it made the first tenant; give it time to open the store.
  await sleep(300)
  if (p.child.exitCode !== null) throw new Error(`worker exited early:\n${p.output()}`)
}

export interface Delivery {
  receiver: number
  webhookId: string
  type: string
  body: string
  at: number
}

export interface Ledger {
  urls: string[]
  /** Every request received, in arrival order. */
  log: Delivery[]
  /** Per receiver: webhook-id → times received. */
  seen: Map<string, number>[]
  /** Sum over receivers of distinct webhook-ids. */
  distinct(): number
  /** Stop answering (connections refused) / listen again on the same port. */
  down(index?: number): Promise<void>
  up(index?: number): Promise<void>
  close(): Promise<void>
}

/** `count` receivers on 127.0.0.1 that record each request's `webhook-id` and answer 204. */
export async function startLedger(count: number): Promise<Ledger> {
  const log: Delivery[] = []
  const seen = Array.from({ length: count }, () => new Map<string, number>())
  let distinct = 0
  const handler = (i: number) => (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const webhookId = String(req.headers['webhook-id'] ?? '')
      const body = Buffer.concat(chunks).toString()
      const n = seen[i]!.get(webhookId) ?? 0
      if (n === 0) distinct++
      seen[i]!.set(webhookId, n + 1)
      const type = /"type":"([^"]+)"/.exec(body)?.[1] ?? ''
      log.push({ receiver: i, webhookId, type, body, at: Date.now() })
      res.writeHead(204).end()
    })
  }
  const servers: Server[] = []
  const ports: number[] = []
  for (let i = 0; i < count; i++) {
    const s = createServer(handler(i))
    s.keepAliveTimeout = 30_000
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
    servers.push(s)
    ports.push((s.address() as AddressInfo).port)
  }
  const closeOne = async (i: number) => {
    const s = servers[i]!
    if (!s.listening) return
    s.closeAllConnections()
    await new Promise<void>((r) => s.close(() => r()))
  }
  return {
    urls: ports.map((p, i) => `http://127.0.0.1:${p}/hooks/${i}`),
    log,
    seen,
    distinct: () => distinct,
    async down(index) {
      for (let i = 0; i < count; i++) if (index === undefined || index === i) await closeOne(i)
    },
    async up(index) {
      for (let i = 0; i < count; i++) {
        if (index !== undefined && index !== i) continue
        const s = createServer(handler(i))
        s.keepAliveTimeout = 30_000
        await new Promise<void>((r, reject) => {
          s.once('error', reject)
          s.listen(ports[i], '127.0.0.1', () => r())
        })
        servers[i] = s
      }
    },
    async close() {
      for (let i = 0; i < count; i++) await closeOne(i)
    },
  }
}

export interface Database {
  kind: 'sqlite' | 'postgres'
  env: Record<string, string>
  cleanup(): Promise<void>
}

export const POSTGRES_URL = process.env.CLOCKHOOK_TEST_POSTGRES_URL

/** A fresh SQLite data directory, or a fresh schema on the test Postgres. */
export async function freshDatabase(kind: 'sqlite' | 'postgres'): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), `clockhook-rel-${kind}-`))
  if (kind === 'sqlite') {
    return {
      kind,
      env: { CLOCKHOOK_DATA_DIR: dir },
      async cleanup() {
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  if (!POSTGRES_URL) throw new Error('CLOCKHOOK_TEST_POSTGRES_URL is not set')
  const schema = `clockhook_rel_${Math.random().toString(36).slice(2, 10)}`
  const admin = new pg.Client({ connectionString: POSTGRES_URL })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const sep = POSTGRES_URL.includes('?') ? '&' : '?'
  return {
    kind,
    env: {
      CLOCKHOOK_DATA_DIR: dir,
      DATABASE_URL: `${POSTGRES_URL}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    },
    async cleanup() {
      const c = new pg.Client({ connectionString: POSTGRES_URL })
      await c.connect()
      await c.query(`drop schema if exists ${schema} cascade`)
      await c.end()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface ApiAnswer {
  status: number
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers of the API under test
  body: any
}

/** A keep-alive client for the reference server's REST API. */
export function apiClient(baseUrl: string, key = ADMIN_KEY, connections = 16) {
  const pool = new Pool(baseUrl, { connections })
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiAnswer> => {
    const r = await pool.request({
      path,
      method: method as 'GET',
      headers: {
        ...headers,
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await r.body.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {}
    return { status: r.statusCode, body: parsed }
  }
  return Object.assign(call, { close: () => pool.close() })
}

/** Reads one gauge or counter (no labels) from the Prometheus text at /metrics. */
export async function metric(baseUrl: string, name: string): Promise<number> {
  const res = await fetch(`${baseUrl}/metrics`)
  const text = await res.text()
  const m = new RegExp(`^${name} ([0-9.eE+-]+)$`, 'm').exec(text)
  return m ? Number(m[1]) : Number.NaN
}

/** Runs `fn` over `items` with at most `limit` at a time. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        out[i] = await fn(items[i]!, i)
      }
    }),
  )
  return out
}

/** CPU time (user + system) of a process in µs, from /proc/<pid>/stat; 0 if it is gone. */
export function processCpuMicros(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // fields[11] = utime, fields[12] = stime (clock ticks; 100 per second on Linux)
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100
  } catch {
    return 0
  }
}

/** Pids of every process whose command name is `comm` (e.g. `postgres`, `redis-server`). */
export function pidsNamed(comm: string): number[] {
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === comm) pids.push(Number(entry))
    } catch {}
  }
  return pids
}

/**
 * CPU of a server made of many processes (Postgres forks one per connection): the sum over
 * every process seen at `start`, plus those that appeared since, as a delta.
 */
export function serverCpu(comm: string) {
  const start = new Map<number, number>()
  for (const pid of pidsNamed(comm)) start.set(pid, processCpuMicros(pid))
  return {
    /** µs of CPU spent by the server since this call (processes that exited are lost). */
    spent(): number {
      let total = 0
      for (const pid of pidsNamed(comm)) total += processCpuMicros(pid) - (start.get(pid) ?? 0)
      return total
    },
  }
}
