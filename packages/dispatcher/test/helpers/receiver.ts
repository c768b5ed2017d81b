import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedRequest {
  headers: IncomingMessage['headers']
  body: string
  at: number
}

export type Handler = (
  req: IncomingMessage,
  res: ServerResponse,
  received: ReceivedRequest,
  index: number,
) => unknown

/** A real HTTP receiver on 127.0.0.1:0 that records every request. */
export interface Receiver {
  url: string
  port: number
  requests: ReceivedRequest[]
  handler: Handler
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>
  close(): Promise<void>
}

export const ok: Handler = (_req, res) => {
  res.writeHead(204).end()
}

export async function startReceiver(handler: Handler = ok): Promise<Receiver> {
  const requests: ReceivedRequest[] = []
  const waiters: Array<() => void> = []
  const receiver = { handler } as Receiver
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      const received = {
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      }
      requests.push(received)
      for (const w of waiters.splice(0)) w()
      void Promise.resolve(receiver.handler(req, res, received, requests.length - 1)).catch(() =>
        res.destroy(),
      )
    })
  })
  server.keepAliveTimeout = 5000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    requests,
    async waitFor(count: number, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs
      while (requests.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`receiver got ${requests.length} of ${count} requests in ${timeoutMs} ms`)
        }
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, 50)
        })
      }
      return requests
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  })
}

/** Polls until `check` returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined && value !== false) return value
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** A clock tests move by hand, so a retry schedule of hours runs in milliseconds. */
export function manualClock(start = Date.now()) {
  let now = start
  return {
    now: () => now,
    advance(ms: number) {
      now += ms
    },
  }
}
