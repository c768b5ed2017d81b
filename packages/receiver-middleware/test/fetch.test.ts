import type { Server } from 'node:http'
import { createAdaptorServer } from '@hono/node-server'
import { afterEach, describe, expect, it } from 'vitest'
import { handleWebhook } from '../src/fetch/index'
import { createReceiver } from '../src/index'
import { listen, post, postChunked } from './http'
import { generateSecret, signed } from './sign'

const secret = generateSecret()
let close: () => Promise<void> = async () => {}
afterEach(() => close())

async function serve(fetch: (request: Request) => Promise<Response>) {
  const running = await listen(createAdaptorServer({ fetch }) as Server)
  close = running.close
  return running.url
}

describe('handleWebhook on the Web Request', () => {
  it('verifies, runs the handlers once per id, and answers JSON', async () => {
    const seen: string[] = []
    const receiver = createReceiver({ secret }).on('clock.in', (event) => {
      seen.push(event.id)
    })
    const url = await serve((request) => handleWebhook(request, receiver))
    const { id, body, headers } = signed(secret)
    expect(await post(url, body, headers)).toEqual({ status: 200, body: { received: true } })
    expect(await post(url, body, headers)).toEqual({
      status: 200,
      body: { received: true, duplicate: true },
    })
    expect(seen).toEqual([id])
  })

  it('reuses the receiver made from one options object across requests', async () => {
    const options = { secret }
    const url = await serve((request) => handleWebhook(request, options))
    const { body, headers } = signed(secret)
    expect((await post(url, body, headers)).body).toEqual({ received: true })
    expect((await post(url, body, headers)).body).toEqual({ received: true, duplicate: true })
  })

  it('answers 401, 400, 413 and 500 with JSON reasons', async () => {
    const receiver = createReceiver({ secret, maxBodyBytes: 1024 }).on('clock.out', () => {
      throw new Error('boom')
    })
    const url = await serve((request) => handleWebhook(request, receiver))
    const stranger = signed(generateSecret())
    expect((await post(url, stranger.body, stranger.headers)).status).toBe(401)
    const notJson = signed(secret, { body: 'hello' })
    expect((await post(url, notJson.body, notJson.headers)).body.error.code).toBe('invalid_payload')
    const big = signed(secret, { data: { note: 'x'.repeat(2000) } })
    expect((await post(url, big.body, big.headers)).status).toBe(413)
    const good = signed(secret)
    expect((await postChunked(url, good.headers, 'x'.repeat(256), 64)).status).toBe(413)
    const failing = signed(secret, { type: 'clock.out' })
    expect(await post(url, failing.body, failing.headers)).toMatchObject({
      status: 500,
      body: { error: { code: 'handler_failed' } },
    })
  })
})
