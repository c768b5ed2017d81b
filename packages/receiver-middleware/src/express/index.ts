import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { checkContentLength, tooLarge } from '../body'
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
import { settleOnFinish } from '../settle-on-finish'

export type { Receiver, ReceiverOptions } from '../receiver'

declare global {
  namespace Express {
    interface Request {
      /** The verified delivery, set by `verifyWebhooks`. */
      webhook?: EventOf<RegisteredEvents>
    }
  }
}

/** An Express request after `verifyWebhooks`: `req.webhook` is set. */
export type WebhookRequest<Events extends object = RegisteredEvents> = Request & {
  webhook: EventOf<Events>
}

type BodyState = Request & { rawBody?: unknown; _body?: boolean }

const ALREADY_PARSED =
  'verifyWebhooks() needs the raw request body, but a body parser (express.json()?) read it without keeping the bytes, and re-serialised JSON cannot be verified. Mount verifyWebhooks() on the webhook route before app.use(express.json()), e.g. app.post("/webhooks", verifyWebhooks({ secret }), handler) above it, or keep a raw copy: express.json({ verify: (req, _res, buf) => { req.rawBody = buf } }).'

function readStream(req: Request, maxBodyBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const cleanup = () => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength
      if (size > maxBodyBytes) {
        cleanup()
        req.resume()
        reject(tooLarge(maxBodyBytes))
        return
      }
      chunks.push(chunk)
    }
    const onEnd = () => {
      cleanup()
      resolve(Buffer.concat(chunks, size))
    }
    const onError = (err: Error) => {
      cleanup()
      reject(err)
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
  })
}

async function readRawBody(req: BodyState, maxBodyBytes: number): Promise<Uint8Array | string> {
  if (req.body instanceof Uint8Array) return req.body
  if (req.rawBody instanceof Uint8Array || typeof req.rawBody === 'string') return req.rawBody
  if (typeof req.body === 'string') return req.body
  if (req._body || req.readableEnded) {
    throw new WebhookReceiverError('raw_body_unavailable', ALREADY_PARSED)
  }
  checkContentLength(req.headers['content-length'], maxBodyBytes)
  const raw = await readStream(req, maxBodyBytes)
  req.rawBody = raw
  req._body = true
  return raw
}

function send(res: Response, result: WebhookResult) {
  if (result.status === 413) res.setHeader('connection', 'close')
  res.status(result.status).json(result.body)
}

/**
 * Express middleware that verifies Clockhook (Standard Webhooks) deliveries on the raw bytes.
 * Works whether `express.raw()` ran first (a Buffer in `req.body`), `express.json({ verify })`
 * kept `req.rawBody`, or nothing read the body yet (it reads the stream itself, counting bytes).
 *
 * - Given options, it verifies, sets `req.webhook` and calls `next()`; the `webhook-id`
 *   counts as handled once your handler answers 2xx.
 * - Given a receiver from `createReceiver`, it runs the receiver's handlers and answers itself.
 *
 * @example
 * import express from 'express'
 * import { verifyWebhooks } from '@clockhook/receiver-middleware/express'
 *
 * const app = express()
 * app.post('/webhooks', verifyWebhooks({ secret: process.env.CLOCKHOOK_WEBHOOK_SECRET }), (req, res) => {
 *   if (req.webhook?.type === 'clock.in') console.log(req.webhook.data)
 *   res.sendStatus(204)
 * })
 * app.use(express.json()) // other routes: mounted after, or keep a raw copy (see README)
 */
export function verifyWebhooks<Events extends object = RegisteredEvents>(
  source: Receiver<Events> | ReceiverOptions,
): RequestHandler {
  const receiver = resolveReceiver(source)
  const answersItself = isReceiver(source)
  return async function verifyWebhooks(req: Request, res: Response, next: NextFunction) {
    try {
      let raw: Uint8Array | string
      try {
        raw = await readRawBody(req, receiver.maxBodyBytes)
      } catch (err) {
        if (err instanceof WebhookReceiverError) return send(res, receiver.reject(err))
        throw err
      }
      const reception = await receiver.receive(raw, req.headers)
      if (reception.kind !== 'claimed') return send(res, reception.result)
      const failure = await reception.runHandlers()
      if (failure) {
        await reception.settle(false)
        return send(res, errorResult(failure))
      }
      if (answersItself) {
        await reception.settle(true)
        return send(res, RECEIVED)
      }
      req.webhook = reception.event as EventOf<RegisteredEvents>
      if (typeof raw !== 'string' && !(req.body instanceof Uint8Array) && req.body === undefined) {
        req.body = JSON.parse(new TextDecoder().decode(raw))
      }
      settleOnFinish(res, reception)
      next()
    } catch (err) {
      next(err)
    }
  }
}
