import type { Context, MiddlewareHandler } from 'hono'
import { checkContentLength, readLimited } from '../body'
import { WebhookReceiverError } from '../errors'
import type { EventOf, RegisteredEvents } from '../events'
import {
  errorResult,
  isReceiver,
  RECEIVED,
  type Receiver,
  type ReceiverOptions,
  resolveReceiver,
  type WebhookResult,
} from '../receiver'

export type { Receiver, ReceiverOptions } from '../receiver'

declare module 'hono' {
  interface ContextVariableMap {
    /** The verified delivery, set by `verifyWebhooks`. */
    webhook: EventOf<RegisteredEvents>
  }
}

type CachedBodies = Record<string, Promise<unknown> | undefined>

async function readRawBody(c: Context, maxBodyBytes: number): Promise<Uint8Array | string> {
  const cache = c.req.bodyCache as CachedBodies
  if (cache.arrayBuffer) return new Uint8Array((await cache.arrayBuffer) as ArrayBuffer)
  if (cache.text) return (await cache.text) as string
  if (c.req.raw.bodyUsed) {
    throw new WebhookReceiverError(
      'raw_body_unavailable',
      'verifyWebhooks() needs the raw request body, but it was read before without Hono keeping a copy. Register verifyWebhooks() before the middleware that reads the body, or read it there with c.req.text() / c.req.arrayBuffer().',
    )
  }
  checkContentLength(c.req.header('content-length'), maxBodyBytes)
  if (!c.req.raw.body) return ''
  const bytes = await readLimited(c.req.raw.body, maxBodyBytes)
  cache.arrayBuffer = Promise.resolve(bytes.slice().buffer)
  c.req.raw = new Request(c.req.raw, { body: bytes.slice() })
  return bytes
}

const send = (c: Context, result: WebhookResult) =>
  c.json(result.body, result.status as 200 | 400 | 401 | 409 | 413 | 500)

/**
 * Hono middleware that verifies Clockhook (Standard Webhooks) deliveries; runs on Node and on
 * Web Crypto runtimes (Workers, Deno, Bun).
 *
 * - Given options, it verifies, sets `c.get('webhook')` and calls the next handler; the
 *   `webhook-id` counts as handled once that handler answers 2xx.
 * - Given a receiver from `createReceiver`, it runs the receiver's handlers and answers itself.
 *
 * Refusals are answered with JSON (401 bad signature, 400 malformed, 413 too large); the
 * raw body stays readable afterwards (`c.req.text()`, `c.req.json()`, `c.req.raw`).
 *
 * @example
 * import { Hono } from 'hono'
 * import { verifyWebhooks } from '@clockhook/receiver-middleware/hono'
 *
 * const app = new Hono()
 * app.post('/webhooks', verifyWebhooks({ secret: process.env.CLOCKHOOK_WEBHOOK_SECRET }), (c) => {
 *   const event = c.get('webhook')
 *   if (event.type === 'clock.in') console.log(event.data)
 *   return c.body(null, 204)
 * })
 */
export function verifyWebhooks<Events extends object = RegisteredEvents>(
  source: Receiver<Events> | ReceiverOptions,
): MiddlewareHandler {
  const receiver = resolveReceiver(source)
  const answersItself = isReceiver(source)
  return async function verifyWebhooks(c, next) {
    let raw: Uint8Array | string
    try {
      raw = await readRawBody(c, receiver.maxBodyBytes)
    } catch (err) {
      if (err instanceof WebhookReceiverError) return send(c, receiver.reject(err))
      throw err
    }
    const reception = await receiver.receive(raw, c.req.raw.headers)
    if (reception.kind !== 'claimed') return send(c, reception.result)
    const failure = await reception.runHandlers()
    if (failure) {
      await reception.settle(false)
      return send(c, errorResult(failure))
    }
    if (answersItself) {
      await reception.settle(true)
      return send(c, RECEIVED)
    }
    c.set('webhook', reception.event as EventOf<RegisteredEvents>)
    try {
      await next()
    } catch (err) {
      await reception.settle(false)
      throw err
    }
    await reception.settle(!c.error && c.res.status >= 200 && c.res.status < 300)
  }
}
