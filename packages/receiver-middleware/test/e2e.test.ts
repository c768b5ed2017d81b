import { createServer, type Server } from 'node:http'
import { Clockhook, NotFoundError } from '@clockhook/sdk'
import { createAdaptorServer } from '@hono/node-server'
import express, { type RequestHandler } from 'express'
import Fastify from 'fastify'
import { Hono, type MiddlewareHandler } from 'hono'
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import { verifyWebhooks as expressWebhooks, type WebhookRequest } from '../src/express/index'
import { verifyWebhooks as fastifyWebhooks } from '../src/fastify/index'
import { verifyWebhooks as honoWebhooks } from '../src/hono/index'
import {
  type ClockhookEventsV1,
  createMemoryDedupeStore,
  createReceiver,
  type EventOf,
  type Receiver,
} from '../src/index'
import { listen, post } from './http'
import { ADMIN_KEY, eventually, startReferenceServer } from './support'

type Event = EventOf<ClockhookEventsV1>

interface Harness {
  name: string
  url: string
  handled: Event[]
  last: { body: string; headers: Record<string, string> } | undefined
  configure(secrets: string[]): void
  close(): Promise<void>
}

const plainHeaders = (headers: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(headers)
      .filter(([k]) => k.startsWith('webhook-') || k === 'content-type')
      .map(([k, v]) => [k, String(v)]),
  )

async function expressHarness(): Promise<Harness> {
  const dedupe = createMemoryDedupeStore()
  let middleware: RequestHandler = (_req, res) => res.sendStatus(503)
  const app = express()
  const h = { name: 'express', handled: [], last: undefined } as unknown as Harness
  app.post(
    '/webhooks',
    (req, res, next) => middleware(req, res, next),
    (req, res) => {
      const event = (req as WebhookRequest<ClockhookEventsV1>).webhook
      h.handled.push(event)
      h.last = {
        body: String((req as unknown as { rawBody: Buffer }).rawBody),
        headers: plainHeaders(req.headers),
      }
      res.sendStatus(204)
    },
  )
  const running = await listen(createServer(app))
  return Object.assign(h, {
    url: `${running.url}/webhooks`,
    configure: (secrets: string[]) => {
      middleware = expressWebhooks({ secrets, dedupe })
    },
    close: running.close,
  })
}

async function honoHarness(): Promise<Harness> {
  const dedupe = createMemoryDedupeStore()
  let middleware: MiddlewareHandler = async (c) => c.body(null, 503)
  const app = new Hono()
  const h = { name: 'hono', handled: [], last: undefined } as unknown as Harness
  app.post(
    '/webhooks',
    (c, next) => middleware(c, next),
    async (c) => {
      h.handled.push(c.get('webhook') as Event)
      h.last = {
        body: await c.req.text(),
        headers: plainHeaders(Object.fromEntries(c.req.raw.headers)),
      }
      return c.body(null, 204)
    },
  )
  const running = await listen(createAdaptorServer({ fetch: app.fetch }) as Server)
  return Object.assign(h, {
    url: `${running.url}/webhooks`,
    configure: (secrets: string[]) => {
      middleware = honoWebhooks({ secrets, dedupe })
    },
    close: running.close,
  })
}

/** A receiver that forwards to the current configuration, so a rotation needs no restart. */
function switchableReceiver() {
  const dedupe = createMemoryDedupeStore()
  let current: Receiver<ClockhookEventsV1> | undefined
  const use = () => {
    if (!current) throw new Error('not configured')
    return current
  }
  const receiver: Receiver<ClockhookEventsV1> = {
    maxBodyBytes: 1024 * 1024,
    on: () => receiver,
    onAny: () => receiver,
    onError: () => receiver,
    handle: (body, headers) => use().handle(body, headers),
    verify: (body, headers) => use().verify(body, headers),
    receive: (body, headers) => use().receive(body, headers),
    reject: (error) => use().reject(error),
  }
  return {
    receiver,
    configure: (secrets: string[]) => {
      current = createReceiver<ClockhookEventsV1>({ secrets, dedupe })
    },
  }
}

async function fastifyHarness(): Promise<Harness> {
  const { receiver, configure } = switchableReceiver()
  const app = Fastify()
  const h = { name: 'fastify', handled: [], last: undefined } as unknown as Harness
  await app.register(fastifyWebhooks, {
    prefix: '/webhooks',
    receiver,
    handler: async (request, reply) => {
      h.handled.push(request.webhook as Event)
      h.last = { body: String(request.body), headers: plainHeaders(request.headers) }
      return reply.code(204).send()
    },
  })
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  return Object.assign(h, {
    url: `${url}/webhooks`,
    configure,
    close: () => app.close(),
  })
}

describe('receivers end to end: the reference server driven through @clockhook/sdk', () => {
  let server: Awaited<ReturnType<typeof startReferenceServer>>
  let clockhook: Clockhook
  const receivers: Harness[] = []
  const webhooks = new Map<Harness, { id: string; secret: string }>()
  let workerId: string

  beforeAll(async () => {
    server = await startReferenceServer()
    clockhook = new Clockhook({ apiKey: ADMIN_KEY, baseUrl: server.url })
    receivers.push(await expressHarness(), await honoHarness(), await fastifyHarness())
    for (const receiver of receivers) {
      const { data: created } = await clockhook.webhooks.create({
        name: receiver.name,
        url: receiver.url,
        events: ['clock.in', 'clock.out'],
        version: 1,
      })
      expect(created.secret).toMatch(/^whsec_/)
      webhooks.set(receiver, { id: created.id, secret: created.secret })
      receiver.configure([created.secret])
    }
    workerId = (await clockhook.workers.create({ name: 'Ada Lovelace' })).data.id
  })
  afterAll(async () => {
    for (const receiver of receivers) await receiver.close()
    await server?.close()
  })

  it('every receiver gets a verified, typed clock.in', async () => {
    const { data: entry } = await clockhook.timeEntries.clockIn({ worker_id: workerId })
    for (const receiver of receivers) {
      const event = await eventually(() => receiver.handled.find((e) => e.type === 'clock.in'))
      expect(event.id).toMatch(/^msg_/)
      if (event.type !== 'clock.in') throw new Error('narrowing')
      expectTypeOf(event.data.worker_name).toEqualTypeOf<string>()
      expect(event.data).toMatchObject({ worker_id: workerId, worker_name: 'Ada Lovelace' })
      expect(event.data.entry_id).toBe(entry.id)
      // the SDK's own verify reads the same delivery, typed the same way
      const { body, headers } = receiver.last!
      const verified = await clockhook.webhooks.verify(
        body,
        headers,
        webhooks.get(receiver)!.secret,
      )
      expect(verified.type).toBe('clock.in')
      expect(verified.id).toBe(event.id)
    }
  })

  it('answers an unknown delivery with a NotFoundError carrying the request id', async () => {
    const error = await clockhook.deliveries.retrieve('dlv_nope').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NotFoundError)
    expect((error as NotFoundError).requestId).toBeTruthy()
  })

  it('refuses a tampered request with 401 and does not handle it', async () => {
    for (const receiver of receivers) {
      const { body, headers } = receiver.last!
      const before = receiver.handled.length
      const tampered = body.replace('Ada Lovelace', 'Eve Mallory')
      expect(tampered).not.toBe(body)
      const answer = await post(receiver.url, tampered, headers)
      expect(answer).toMatchObject({
        status: 401,
        body: { error: { code: 'no_matching_signature' } },
      })
      expect(receiver.handled.length).toBe(before)
    }
  })

  it('acknowledges a redelivered message without handling it again', async () => {
    for (const receiver of receivers) {
      const { id } = webhooks.get(receiver)!
      const { data } = await clockhook.webhooks.deliveries.list(id)
      const delivery = data.find((d) => d.event_type === 'clock.in')!
      expect(delivery.status).toBe('succeeded')
      await clockhook.deliveries.resend(delivery.id)
      const attempts = await eventually(async () => {
        const { data: detail } = await clockhook.deliveries.retrieve(delivery.id)
        return detail.attempts_detail.length >= 2 && detail.attempts_detail
      })
      const redelivered = attempts.find((a) => a?.response_preview?.includes('duplicate'))
      expect(redelivered).toMatchObject({ succeeded: true, http_status: 200 })
      expect(receiver.handled.filter((e) => e.type === 'clock.in')).toHaveLength(1)
    }
  })

  it('keeps receivers configured with both secrets working through a rotation', async () => {
    const rotated = new Map<Harness, { old: string; next: string }>()
    for (const receiver of receivers) {
      const webhook = webhooks.get(receiver)!
      const {
        data: { secret },
      } = await clockhook.webhooks.rotateSecret(webhook.id, { grace_period_seconds: 3600 })
      expect(secret).not.toBe(webhook.secret)
      rotated.set(receiver, { old: webhook.secret, next: secret })
      receiver.configure([webhook.secret, secret])
    }
    await clockhook.timeEntries.clockOut({ worker_id: workerId })
    for (const receiver of receivers) {
      const event = await eventually(() => receiver.handled.find((e) => e.type === 'clock.out'))
      if (event.type !== 'clock.out') throw new Error('narrowing')
      expect(event.data.total_minutes).toBeGreaterThanOrEqual(0)
      const { body, headers } = receiver.last!
      expect(headers['webhook-signature']!.split(' ')).toHaveLength(2)
      const { old, next } = rotated.get(receiver)!
      await expect(createReceiver({ secret: old }).verify(body, headers)).resolves.toBeTruthy()
      await expect(createReceiver({ secret: next }).verify(body, headers)).resolves.toBeTruthy()
    }
  })
})
