import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig, startServer } from '@clockhook/reference-server'
import { afterAll, beforeAll } from 'vitest'
import { Clockhook, type ClockhookError } from '../src/index'

export const ADMIN_KEY = 'ck_sdk_test_admin_key_that_is_long_enough_0123'

const silent = { info() {}, warn() {}, error() {} }

export interface TestServer {
  url: string
  adminKey: string
  close(): Promise<void>
}

/** A real reference server on 127.0.0.1, port 0, with a fresh SQLite file. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'clockhook-sdk-'))
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    CLOCKHOOK_DATA_DIR: dir,
    CLOCKHOOK_BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
    CLOCKHOOK_ALLOW_PRIVATE_URLS: '1',
    ...env,
  })
  const server = await startServer(config, silent, () => {})
  return {
    url: server.url,
    adminKey: ADMIN_KEY,
    async close() {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface ReceivedRequest {
  method: string
  url: string
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** An HTTP receiver on 127.0.0.1 that records every request and answers `status()`. */
export async function startReceiver(status: () => number = () => 204) {
  const received: ReceivedRequest[] = []
  const waiters: Array<() => void> = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      })
      res.writeHead(status()).end()
      for (const wake of waiters.splice(0)) wake()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    /** Resolves once `n` requests arrived. */
    async waitFor(n: number): Promise<ReceivedRequest[]> {
      while (received.length < n) await new Promise<void>((r) => waiters.push(r))
      return received
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
    },
  }
}

/** What the fake front of the server does with the n-th request (1-based). */
export type ProxyAction =
  | { kind: 'forward' }
  | { kind: 'answer'; status: number; headers?: Record<string, string>; body?: unknown }
  /** Destroys the socket before the request reaches the server. */
  | { kind: 'drop' }
  /** Forwards, lets the server answer, then destroys the socket instead of answering. */
  | { kind: 'drop-after-forward' }
  /** Never answers. */
  | { kind: 'hang' }

export interface ProxiedRequest {
  method: string
  url: string
  headers: Record<string, string | string[] | undefined>
  /** `performance.now()` when the request arrived. */
  at: number
}

/** An HTTP front on 127.0.0.1 that misbehaves on purpose, then forwards to `target`. */
export async function startProxy(target: string, plan: (n: number) => ProxyAction) {
  const seen: ProxiedRequest[] = []
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    seen.push({
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      at: performance.now(),
    })
    const action = plan(seen.length)
    if (action.kind === 'hang') return
    if (action.kind === 'drop') return req.socket.destroy()
    if (action.kind === 'answer') {
      res.writeHead(action.status, { 'content-type': 'application/json', ...action.headers })
      return res.end(action.body === undefined ? '' : JSON.stringify(action.body))
    }
    const headers = new Headers()
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === 'string' && k !== 'host' && k !== 'connection') headers.set(k, v)
    }
    const upstream = await fetch(target + req.url, {
      method: req.method ?? 'GET',
      headers,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    })
    const body = Buffer.from(await upstream.arrayBuffer())
    if (action.kind === 'drop-after-forward') return req.socket.destroy()
    const out: Record<string, string> = {}
    upstream.headers.forEach((v, k) => {
      if (k !== 'content-length' && k !== 'transfer-encoding' && k !== 'connection') out[k] = v
    })
    res.writeHead(upstream.status, out).end(body)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
    },
  }
}

/** The error a call rejects with (fails the test when it resolves). */
export async function failure(call: PromiseLike<unknown>): Promise<ClockhookError> {
  try {
    await call
  } catch (err) {
    return err as ClockhookError
  }
  throw new Error('expected the call to fail')
}

/**
 * Per suite: a reference server, a receiver and a client with the admin key, closed after
 * the suite. Call it inside a `describe`; read the fields inside tests.
 */
export function useServerAndReceiver() {
  const suite = {
    server: undefined as unknown as TestServer,
    receiver: undefined as unknown as Awaited<ReturnType<typeof startReceiver>>,
    clockhook: undefined as unknown as Clockhook,
  }
  beforeAll(async () => {
    suite.server = await startTestServer()
    suite.receiver = await startReceiver()
    suite.clockhook = new Clockhook({ apiKey: suite.server.adminKey, baseUrl: suite.server.url })
  })
  afterAll(async () => {
    await suite.server?.close()
    await suite.receiver?.close()
  })
  return suite
}
