import Fastify5, { type FastifyInstance } from 'fastify'
import Fastify4 from 'fastify4'
import { afterEach, describe, expect, it } from 'vitest'
import { verifyWebhooks } from '../src/fastify/index'
import { createReceiver } from '../src/index'
import { post, postChunked } from './http'
import { generateSecret, signed } from './sign'

const secret = generateSecret()
let app: FastifyInstance | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const versions = [
  ['Fastify 5', Fastify5],
  ['Fastify 4', Fastify4 as unknown as typeof Fastify5],
] as const

async function serve(Fastify: typeof Fastify5, setup: (app: FastifyInstance) => unknown) {
  app = Fastify()
  await setup(app)
  return app.listen({ port: 0, host: '127.0.0.1' })
}

for (const [version, Fastify] of versions)
  describe(`verifyWebhooks for ${version}`, () => {
    it('verifies the exact bytes while the rest of the app keeps its JSON parser', async () => {
      const url = await serve(Fastify, async (app) => {
        app.post('/api/echo', async (request) => ({ parsed: request.body }))
        await app.register(verifyWebhooks, {
          prefix: '/webhooks',
          secret,
          handler: async (request, reply) => {
            const event = request.webhook
            const worker = event.type === 'clock.in' && 'worker_id' in event.data
            return reply
              .code(200)
              .send({ id: event.id, worker, raw: Buffer.isBuffer(request.body) })
          },
        })
      })
      const { id, body, headers } = signed(secret)
      // Whitespace a re-serialising parser would drop: only the raw bytes verify.
      const spaced = signed(secret, { body: body.replace('{"type"', '{ "type"') })
      expect(await post(`${url}/webhooks`, body, headers)).toEqual({
        status: 200,
        body: { id, worker: true, raw: true },
      })
      expect((await post(`${url}/webhooks`, spaced.body, spaced.headers)).status).toBe(200)
      expect(
        await post(`${url}/api/echo`, '{"a":1}', { 'content-type': 'application/json' }),
      ).toEqual({ status: 200, body: { parsed: { a: 1 } } })
    })

    it('verifies whatever the content type says', async () => {
      const url = await serve(Fastify, (app) =>
        app.register(verifyWebhooks, { path: '/hook', secret }),
      )
      const { body, headers } = signed(secret)
      const answer = await post(`${url}/hook`, body, { ...headers, 'content-type': 'text/plain' })
      expect(answer).toEqual({ status: 200, body: { received: true } })
    })

    it('answers 401, 400 and 413 with JSON reasons', async () => {
      const url = await serve(Fastify, (app) =>
        app.register(verifyWebhooks, { path: '/hook', secret, maxBodyBytes: 1024 }),
      )
      const stranger = signed(generateSecret())
      expect(await post(`${url}/hook`, stranger.body, stranger.headers)).toMatchObject({
        status: 401,
        body: { error: { code: 'no_matching_signature' } },
      })
      const good = signed(secret)
      expect(
        await post(`${url}/hook`, good.body, { 'content-type': 'application/json' }),
      ).toMatchObject({ status: 400, body: { error: { code: 'missing_header' } } })
      const big = signed(secret, { data: { note: 'x'.repeat(2000) } })
      expect(await post(`${url}/hook`, big.body, big.headers)).toMatchObject({
        status: 413,
        body: { error: { code: 'payload_too_large' } },
      })
      expect(await postChunked(`${url}/hook`, good.headers, 'x'.repeat(256), 64)).toMatchObject({
        status: 413,
        body: { error: { code: 'payload_too_large' } },
      })
    })

    it('given a receiver, runs its handlers once per id and retries a failed one', async () => {
      let calls = 0
      const receiver = createReceiver({ secret }).on('clock.in', () => {
        calls++
        if (calls === 1) throw new Error('boom')
      })
      const url = await serve(Fastify, (app) =>
        app.register(verifyWebhooks, { path: '/hook', receiver }),
      )
      const { body, headers } = signed(secret)
      expect((await post(`${url}/hook`, body, headers)).status).toBe(500)
      expect((await post(`${url}/hook`, body, headers)).body).toEqual({ received: true })
      expect((await post(`${url}/hook`, body, headers)).body).toEqual({
        received: true,
        duplicate: true,
      })
      expect(calls).toBe(2)
    })

    it('counts an id handled only after the route handler answers 2xx', async () => {
      let calls = 0
      const url = await serve(Fastify, (app) =>
        app.register(verifyWebhooks, {
          path: '/hook',
          secret,
          handler: async (_request, reply) => {
            calls++
            if (calls === 1) throw new Error('boom')
            return reply.code(204).send()
          },
        }),
      )
      const { body, headers } = signed(secret)
      expect((await post(`${url}/hook`, body, headers)).status).toBe(500)
      expect((await post(`${url}/hook`, body, headers)).status).toBe(204)
      expect((await post(`${url}/hook`, body, headers)).body.duplicate).toBe(true)
    })
  })
