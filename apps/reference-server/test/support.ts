import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

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
