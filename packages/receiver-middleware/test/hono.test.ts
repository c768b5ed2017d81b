import type { Server } from 'node:http'
import { createAdaptorServer } from '@hono/node-server'
import { Hono } from 'hono'
import { afterEach, describe, expect, it } from 'vitest'
import { verifyWebhooks } from '../src/hono/index'
import { createReceiver } from '../src/index'
import { listen, post, postChunked } from './http'
import { generateSecret, signed } from './sign'

const secret = generateSecret()
let close: () => Promise<void> = async () => {}
afterEach(() => close())

async function serve(app: Hono) {
  const running = await listen(createAdaptorServer({ fetch: app.fetch }) as Server)
  close = running.close
  return running.url
}

describe('verifyWebhooks for Hono', () => {
  it('sets c.get("webhook") and leaves the raw body readable by later handlers', async () => {
    const app = new Hono()
    app.post('/webhooks', verifyWebhooks({ secret }), async (c) => {
      const event = c.get('webhook')
      const worker = event.type === 'clock.in' && 'worker_id' in event.data && event.data.worker_id
      const text = await c.req.text()
      const json = await c.req.json<{ type: string }>()
      const raw = await c.req.raw.text()
      return c.json({
        id: event.id,
        worker,
        same: text === raw,
        type: json.type,
        length: raw.length,
      })
    })
    const url = await serve(app)
    const { id, body, headers } = signed(secret)
    expect(await post(`${url}/webhooks`, body, headers)).toEqual({
      status: 200,
      body: { id, worker: 'wkr_1', same: true, type: 'clock.in', length: body.length },
    })
  })

  it('verifies a body an earlier middleware already read through c.req', async () => {
    const app = new Hono()
    app.use(async (c, next) => {
      await c.req.json()
      await next()
    })
    app.post('/webhooks', verifyWebhooks({ secret }), (c) => c.text(c.get('webhook').type))
    const url = await serve(app)
    const { body, headers } = signed(secret)
    expect(await post(`${url}/webhooks`, body, headers)).toEqual({ status: 200, body: 'clock.in' })
  })

  it('says where to register it when the raw body was consumed', async () => {
    const app = new Hono()
    app.use(async (c, next) => {
      await c.req.raw.arrayBuffer()
      await next()
    })
    app.post('/webhooks', verifyWebhooks({ secret }), (c) => c.body(null, 204))
    const url = await serve(app)
    const { body, headers } = signed(secret)
    const answer = await post(`${url}/webhooks`, body, headers)
    expect(answer.status).toBe(500)
    expect(answer.body.error.message).toMatch(/before the middleware that reads the body/)
  })

  it('answers 401, 400 and 413 with JSON reasons', async () => {
    const app = new Hono()
    app.post('/webhooks', verifyWebhooks({ secret, maxBodyBytes: 1024 }), (c) => c.body(null, 204))
    const url = await serve(app)
    const stranger = signed(generateSecret())
    expect((await post(`${url}/webhooks`, stranger.body, stranger.headers)).status).toBe(401)
    const stale = signed(secret, { at: new Date(Date.now() - 3_600_000) })
    expect(await post(`${url}/webhooks`, stale.body, stale.headers)).toMatchObject({
      status: 401,
      body: { error: { code: 'timestamp_too_old' } },
    })
    const good = signed(secret)
    expect((await post(`${url}/webhooks`, good.body, {})).status).toBe(400)
    const big = signed(secret, { data: { note: 'x'.repeat(2000) } })
    expect((await post(`${url}/webhooks`, big.body, big.headers)).status).toBe(413)
    expect(await postChunked(`${url}/webhooks`, good.headers, 'x'.repeat(256), 64)).toMatchObject({
      status: 413,
      body: { error: { code: 'payload_too_large' } },
    })
  })

  it('counts an id handled only after a 2xx answer', async () => {
    let calls = 0
    const app = new Hono()
    app.post('/webhooks', verifyWebhooks({ secret }), (c) => {
      calls++
      if (calls === 1) throw new Error('boom')
      return c.body(null, calls === 2 ? 503 : 204)
    })
    app.onError((_err, c) => c.text('failed', 500))
    const url = await serve(app)
    const { body, headers } = signed(secret)
    expect((await post(`${url}/webhooks`, body, headers)).status).toBe(500)
    expect((await post(`${url}/webhooks`, body, headers)).status).toBe(503)
    expect((await post(`${url}/webhooks`, body, headers)).status).toBe(204)
    expect((await post(`${url}/webhooks`, body, headers)).body).toEqual({
      received: true,
      duplicate: true,
    })
    expect(calls).toBe(3)
  })

  it('given a receiver, runs its handlers and answers itself (app.request)', async () => {
    const seen: string[] = []
    const receiver = createReceiver({ secret }).onAny((event) => {
      seen.push(event.type)
    })
    const app = new Hono()
    app.post('/webhooks', verifyWebhooks(receiver))
    const { body, headers } = signed(secret, { type: 'worker.deleted' })
    const res = await app.request('/webhooks', { method: 'POST', body, headers })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ received: true })
    expect(seen).toEqual(['worker.deleted'])
  })
})
