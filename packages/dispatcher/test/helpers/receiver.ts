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

/**
 * A manual clock that also runs the dispatcher's timers (polling, wake-ups, heartbeats):
 * nothing on it fires until the test moves it, so a wait can only end by an event.
 */
export function manualTimerClock(start = Date.now()) {
  let now = start
  let nextId = 0
  const timers = new Map<number, { at: number; callback: () => void }>()
  const watchers: Array<() => void> = []
  return {
    now: () => now,
    setTimeout(callback: () => void, ms: number): unknown {
      const id = ++nextId
      timers.set(id, { at: now + Math.max(0, ms), callback })
      for (const w of watchers.splice(0)) w()
      return id
    },
    clearTimeout(id: unknown) {
      timers.delete(id as number)
    },
    /** Moves the clock, firing every timer that comes due on the way, in order. */
    advance(ms: number) {
      const end = now + ms
      for (;;) {
        const next = [...timers.entries()]
          .filter(([, t]) => t.at <= end)
          .sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0]
        if (!next) break
        timers.delete(next[0])
        now = Math.max(now, next[1].at)
        next[1].callback()
      }
      now = end
    },
    /** Timers waiting on this clock. */
    get pending(): number {
      return timers.size
    },
    /** Resolves once at least `count` timers wait on this clock (the worker is idle). */
    async waitForTimers(count: number): Promise<void> {
      while (timers.size < count) await new Promise<void>((r) => watchers.push(r))
    },
  }
}
