import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig, type RunningServer, startServer } from '../src/index'
import type { TestDatabase } from './databases'

/** A logger that keeps tests quiet. */
export const silent = { info() {}, warn() {}, error() {} }

/** Calls the API with a key (`null`: none) and parses the JSON answer. */
export function apiClient(baseUrl: () => string, defaultKey: string) {
  return async (
    method: string,
    path: string,
    body?: unknown,
    key: string | null = defaultKey,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers }
  }
}

export interface Recorded {
  headers: Record<string, string>
  body: string
}

/** A webhook receiver on 127.0.0.1 that records every request and answers `status()`. */
export async function startRecorder(status: () => number = () => 204) {
  const received: Recorded[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      received.push({
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks).toString(),
      })
      res.writeHead(status()).end()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
    },
  }
}

/** Polls until `check` returns something other than `false`. */
export async function eventually<T>(check: () => Promise<T | false>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value !== false) return value
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

const CLI = new URL('../dist/cli.js', import.meta.url).pathname

/** Runs the built `clockhook-server` with extra environment; collects stdout and stderr. */
export function runCli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (c) => {
    output += c
  })
  child.stderr.on('data', (c) => {
    output += c
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const printed = async (text: string, ms = 20_000) => {
    const deadline = Date.now() + ms
    while (!output.includes(text)) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`"${text}" never printed:\n${output}`)
      await new Promise((r) => setTimeout(r, 50))
    }
  }
  return { child, output: () => output, exited, printed }
}

export interface TestServer {
  /** Where the running server answers (a restart changes it). */
  readonly url: string
  readonly dir: string
  /** The server's Postgres URL (its own schema on the search path); undefined for SQLite. */
  readonly databaseUrl: string | undefined
  /** Starts it again on the same data (and schema), with more settings if given. */
  restart(env?: Record<string, string>): Promise<void>
  /** Stops the server, keeping its data for a look or a restart. */
  stop(): Promise<void>
  /** Every byte of the SQLite files, or every row of the Postgres schema, as text. */
  dumpText(): Promise<string>
  /** Stops it and removes its data dir and Postgres schema. */
  cleanup(): Promise<void>
}

/**
 * The reference server in-process on port 0, quiet, on a fresh data dir — and on a fresh
 * Postgres schema when `database` is Postgres.
 */
export async function startTestServer(
  options: { env?: Record<string, string>; database?: TestDatabase } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'clockhook-test-'))
  const db = options.database ? await options.database.create() : undefined
  const base = {
    ...(db?.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
    PORT: '0',
    CLOCKHOOK_DATA_DIR: dir,
    ...options.env,
  }
  const start = (env: Record<string, string>) =>
    startServer(loadConfig({ ...base, ...env }), silent, () => {})
  let server: RunningServer | undefined = await start({})
  const stop = async () => {
    await server?.close()
    server = undefined
  }
  return {
    get url() {
      if (!server) throw new Error('the test server is stopped')
      return server.url
    },
    dir,
    databaseUrl: db?.databaseUrl,
    async restart(env = {}) {
      await stop()
      server = await start(env)
    },
    stop,
    async dumpText() {
      if (db?.dumpText) return db.dumpText()
      return readdirSync(dir)
        .map((f) => readFileSync(join(dir, f)).toString('latin1'))
        .join('\n')
    },
    async cleanup() {
      await stop()
      rmSync(dir, { recursive: true, force: true })
      await db?.cleanup()
    },
  }
}
