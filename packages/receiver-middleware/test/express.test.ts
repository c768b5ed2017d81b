import { createServer } from 'node:http'
import express5 from 'express'
import express4 from 'express4'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { verifyWebhooks, type WebhookRequest } from '../src/express/index'
import { createReceiver } from '../src/index'
import { listen, post, postChunked } from './http'
import { generateSecret, signed } from './sign'

const secret = generateSecret()
let close: () => Promise<void> = async () => {}
afterEach(() => close())

async function serve(app: ReturnType<typeof express5>) {
  const running = await listen(createServer(app))
  close = running.close
  return running.url
}

const versions = [
  ['Express 5', express5],
  ['Express 4', express4 as unknown as typeof express5],
] as const

for (const [version, express] of versions)
  describe(`verifyWebhooks for ${version}`, () => {
    it('reads the raw stream itself when nothing read it, and hands over req.webhook', async () => {
      const seen: unknown[] = []
      const app = express()
      app.post('/webhooks', verifyWebhooks({ secret }), (req, res) => {
        const event = (req as WebhookRequest).webhook
        if (event.type === 'clock.in' && 'worker_id' in event.data) seen.push(event.data.worker_id)
        seen.push((req.body as { type: string }).type)
        res.sendStatus(204)
      })
      const url = await serve(app)
      const { id, body, headers } = signed(secret)
      expect((await post(`${url}/webhooks`, body, headers)).status).toBe(204)
      expect(seen).toEqual(['wkr_1', 'clock.in'])
      expect(id).toMatch(/^msg_/)
    })

    it('verifies the Buffer left by express.raw()', async () => {
      const app = express()
      app.post(
        '/webhooks',
        express.raw({ type: '*/*' }),
        verifyWebhooks({ secret }),
        (req, res) => {
          res.json({ type: req.webhook?.type })
        },
      )
      const url = await serve(app)
      const { body, headers } = signed(secret)
      expect(await post(`${url}/webhooks`, body, headers)).toEqual({
        status: 200,
        body: { type: 'clock.in' },
      })
    })

    it('verifies the copy kept by express.json({ verify })', async () => {
      const app = express()
      app.use(
        express.json({
          verify: (req, _res, buf) => {
            ;(req as unknown as { rawBody: Buffer }).rawBody = buf
          },
        }),
      )
      app.post('/webhooks', verifyWebhooks({ secret }), (req, res) => {
        res.json({ id: req.webhook?.id, parsed: req.body.type })
      })
      const url = await serve(app)
      const { id, body, headers } = signed(secret)
      expect(await post(`${url}/webhooks`, body, headers)).toEqual({
        status: 200,
        body: { id, parsed: 'clock.in' },
      })
    })

    it('explains where to mount it when express.json() parsed the body without a raw copy', async () => {
      const onError = vi.fn()
      const app = express()
      app.use(express.json())
      app.post('/webhooks', verifyWebhooks(createReceiver({ secret }).onError(onError)))
      const url = await serve(app)
      const { body, headers } = signed(secret)
      const answer = await post(`${url}/webhooks`, body, headers)
      expect(answer.status).toBe(500)
      expect(answer.body.error.code).toBe('raw_body_unavailable')
      expect(answer.body.error.message).toMatch(/before app\.use\(express\.json\(\)\)/)
      expect(answer.body.error.message).toMatch(/rawBody = buf/)
      expect(onError).toHaveBeenCalledOnce()
    })

    it('answers 401, 400 and 413 with JSON reasons', async () => {
      const app = express()
      app.post('/webhooks', verifyWebhooks({ secret, maxBodyBytes: 1024 }), (_req, res) => {
        res.sendStatus(204)
      })
      const url = await serve(app)
      const stranger = signed(generateSecret())
      expect(await post(`${url}/webhooks`, stranger.body, stranger.headers)).toMatchObject({
        status: 401,
        body: { error: { code: 'no_matching_signature' } },
      })
      const good = signed(secret)
      expect(
        await post(`${url}/webhooks`, good.body, { 'content-type': 'application/json' }),
      ).toMatchObject({ status: 400, body: { error: { code: 'missing_header' } } })
      const big = signed(secret, { data: { note: 'x'.repeat(2000) } })
      expect(await post(`${url}/webhooks`, big.body, big.headers)).toMatchObject({
        status: 413,
        body: { error: { code: 'payload_too_large' } },
      })
      expect(await postChunked(`${url}/webhooks`, good.headers, 'x'.repeat(256), 64)).toMatchObject(
        {
          status: 413,
          body: { error: { code: 'payload_too_large' } },
        },
      )
    })

    it('acknowledges a handled webhook-id once, and lets a failed one run again', async () => {
      let calls = 0
      const app = express()
      app.post('/webhooks', verifyWebhooks({ secret }), (_req, res) => {
        calls++
        res.sendStatus(calls === 1 ? 503 : 204)
      })
      const url = await serve(app)
      const { body, headers } = signed(secret)
      expect((await post(`${url}/webhooks`, body, headers)).status).toBe(503)
      expect((await post(`${url}/webhooks`, body, headers)).status).toBe(204)
      expect(await post(`${url}/webhooks`, body, headers)).toEqual({
        status: 200,
        body: { received: true, duplicate: true },
      })
      expect(calls).toBe(2)
    })

    it('releases the id when the route handler throws', async () => {
      let calls = 0
      const app = express()
      app.post('/webhooks', verifyWebhooks({ secret }), (_req, res) => {
        calls++
        if (calls === 1) throw new Error('boom')
        res.sendStatus(204)
      })
      app.use((_err: Error, _req: express5.Request, res: express5.Response, _next: () => void) => {
        res.status(500).json({ error: 'boom' })
      })
      const url = await serve(app)
      const { body, headers } = signed(secret)
      expect((await post(`${url}/webhooks`, body, headers)).status).toBe(500)
      expect((await post(`${url}/webhooks`, body, headers)).status).toBe(204)
    })

    it('given a receiver, runs its handlers and answers itself', async () => {
      const handled: string[] = []
      const receiver = createReceiver({ secret })
        .on('clock.in', (event) => {
          handled.push(event.id)
        })
        .on('clock.out', () => {
          throw new Error('payroll down')
        })
      const app = express()
      app.post('/webhooks', verifyWebhooks(receiver))
      const url = await serve(app)
      const clockIn = signed(secret)
      expect(await post(`${url}/webhooks`, clockIn.body, clockIn.headers)).toEqual({
        status: 200,
        body: { received: true },
      })
      expect(handled).toEqual([clockIn.id])
      const clockOut = signed(secret, { type: 'clock.out' })
      expect(await post(`${url}/webhooks`, clockOut.body, clockOut.headers)).toMatchObject({
        status: 500,
        body: { error: { code: 'handler_failed' } },
      })
    })
  })
