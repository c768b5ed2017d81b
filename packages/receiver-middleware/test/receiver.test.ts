import { describe, expect, it, vi } from 'vitest'
import {
  createMemoryDedupeStore,
  createReceiver,
  type DedupeStore,
  ReceiverOptionsError,
  WebhookReceiverError,
} from '../src/index'
import { generateSecret, signed } from './sign'

const secret = generateSecret()

describe('createReceiver options', () => {
  it('refuses a missing, doubled or unusable secret at set-up', () => {
    expect(() => createReceiver({})).toThrow(ReceiverOptionsError)
    expect(() => createReceiver({ secret: undefined })).toThrow(/signing secret is required/)
    expect(() => createReceiver({ secret, secrets: [secret] })).toThrow(/either/)
    expect(() => createReceiver({ secrets: [] })).toThrow(ReceiverOptionsError)
    expect(() => createReceiver({ secret: 'whsec_!!!' })).toThrow(/not usable/)
  })

  it('takes process.env values (string | undefined) by type and refuses an unset one at start-up', () => {
    const unset: string | undefined = process.env.CLOCKHOOK_TEST_SECRET_NOT_SET
    const set: string | undefined = secret
    expect(() => createReceiver({ secret: unset })).toThrow(/Is the environment variable set\?/)
    expect(() => createReceiver({ secrets: [set, unset] })).toThrow(
      /Is the environment variable set\?/,
    )
    expect(createReceiver({ secrets: [set, generateSecret()] })).toBeDefined()
  })

  it('refuses out-of-range limits and a store without the interface', () => {
    expect(() => createReceiver({ secret, maxBodyBytes: 0 })).toThrow(/maxBodyBytes/)
    expect(() => createReceiver({ secret, toleranceSec: -1 })).toThrow(/toleranceSec/)
    expect(() =>
      createReceiver({ secret, dedupe: { claim() {} } as unknown as DedupeStore }),
    ).toThrow(/dedupe/)
  })
})

describe('receiver.handle', () => {
  it('answers 200 and runs the typed handler for a verified event', async () => {
    const seen: string[] = []
    const receiver = createReceiver({ secret })
      .on('clock.in', (event) => {
        if ('worker_name' in event.data) seen.push(`${event.type}:${event.data.worker_name}`)
      })
      .on(['clock.out', 'worker.created'], () => seen.push('other'))
      .onAny((event) => seen.push(`any:${event.id}`))
    const { id, body, headers } = signed(secret)
    expect(await receiver.handle(body, headers)).toEqual({ status: 200, body: { received: true } })
    expect(seen).toEqual(['clock.in:Ada', `any:${id}`])
  })

  it('accepts bytes and Fetch Headers as well as strings and records', async () => {
    const receiver = createReceiver({ secret })
    const { body, headers } = signed(secret)
    const result = await receiver.handle(new TextEncoder().encode(body), new Headers(headers))
    expect(result.status).toBe(200)
  })

  it('answers 401 with a JSON reason for a wrong secret or a changed body', async () => {
    const receiver = createReceiver({ secret })
    const other = signed(generateSecret())
    const wrong = await receiver.handle(other.body, other.headers)
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'no_matching_signature' } } })
    const good = signed(secret)
    const tampered = await receiver.handle(good.body.replace('Ada', 'Eve'), good.headers)
    expect(tampered.status).toBe(401)
    expect(tampered.body).toMatchObject({ error: { message: expect.any(String) } })
  })

  it('answers 401 for a signature older or newer than the tolerance', async () => {
    const receiver = createReceiver({ secret, toleranceSec: 60 })
    const old = signed(secret, { at: new Date(Date.now() - 120_000) })
    expect((await receiver.handle(old.body, old.headers)).body).toMatchObject({
      error: { code: 'timestamp_too_old' },
    })
    const future = signed(secret, { at: new Date(Date.now() + 120_000) })
    expect(await receiver.handle(future.body, future.headers)).toMatchObject({
      status: 401,
      body: { error: { code: 'timestamp_too_new' } },
    })
  })

  it('answers 400 for a missing header, a bad timestamp, non-JSON, or a non-event', async () => {
    const receiver = createReceiver({ secret })
    const { body, headers } = signed(secret)
    const { 'webhook-signature': _, ...unsigned } = headers
    expect(await receiver.handle(body, unsigned)).toMatchObject({
      status: 400,
      body: { error: { code: 'missing_header' } },
    })
    expect(
      await receiver.handle(body, { ...headers, 'webhook-timestamp': 'yesterday' }),
    ).toMatchObject({ status: 400, body: { error: { code: 'invalid_timestamp' } } })
    const text = signed(secret, { body: 'clock in please' })
    expect(await receiver.handle(text.body, text.headers)).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_payload' } },
    })
    const array = signed(secret, { body: '[1,2]' })
    expect(await receiver.handle(array.body, array.headers)).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_event' } },
    })
  })

  it('answers 413 for a body over the limit without verifying it', async () => {
    const receiver = createReceiver({ secret, maxBodyBytes: 100 })
    const { body, headers } = signed(secret, { data: { note: 'x'.repeat(200) } })
    expect(await receiver.handle(body, headers)).toMatchObject({
      status: 413,
      body: { error: { code: 'payload_too_large' } },
    })
    const multiByte = signed(secret, { body: JSON.stringify({ type: 'a', data: 'é'.repeat(40) }) })
    expect((await receiver.handle(multiByte.body, multiByte.headers)).status).toBe(413)
  })

  it('answers 500 when a handler throws, reports it, and runs the retry again', async () => {
    const onError = vi.fn()
    let calls = 0
    const receiver = createReceiver({ secret })
      .on('clock.in', () => {
        calls++
        if (calls === 1) throw new Error('database down')
      })
      .onError(onError)
    const { body, headers } = signed(secret)
    expect(await receiver.handle(body, headers)).toMatchObject({
      status: 500,
      body: { error: { code: 'handler_failed' } },
    })
    expect(JSON.stringify((await receiver.handle(body, headers)).body)).toBe('{"received":true}')
    expect(calls).toBe(2)
    const [error, event] = onError.mock.calls[0]!
    expect(error).toBeInstanceOf(WebhookReceiverError)
    expect((error as WebhookReceiverError).cause).toEqual(new Error('database down'))
    expect(event).toMatchObject({ type: 'clock.in' })
  })

  it('reports refusals to onError and ignores errors thrown there', async () => {
    const codes: string[] = []
    const receiver = createReceiver({ secret })
      .onError(() => {
        throw new Error('logger broken')
      })
      .onError((error) => codes.push(error.code))
    const other = signed(generateSecret())
    expect((await receiver.handle(other.body, other.headers)).status).toBe(401)
    expect(codes).toEqual(['no_matching_signature'])
  })

  it('acknowledges a webhook-id already handled without running handlers again', async () => {
    const handler = vi.fn()
    const receiver = createReceiver({ secret }).on('clock.in', handler)
    const { body, headers } = signed(secret)
    expect((await receiver.handle(body, headers)).body).toEqual({ received: true })
    expect(await receiver.handle(body, headers)).toEqual({
      status: 200,
      body: { received: true, duplicate: true },
    })
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('runs the handler once for two simultaneous deliveries of one id', async () => {
    let release!: () => void
    const gate = new Promise<void>((r) => {
      release = r
    })
    let entered!: () => void
    const started = new Promise<void>((r) => {
      entered = r
    })
    const handler = vi.fn(async () => {
      entered()
      await gate
    })
    const receiver = createReceiver({ secret }).on('clock.in', handler)
    const { body, headers } = signed(secret)
    const first = receiver.handle(body, headers)
    await started
    const second = await receiver.handle(body, headers)
    expect(second).toMatchObject({ status: 409, body: { error: { code: 'in_progress' } } })
    release()
    expect((await first).status).toBe(200)
    expect((await receiver.handle(body, headers)).body).toEqual({ received: true, duplicate: true })
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('handles every delivery when dedupe is off', async () => {
    const handler = vi.fn()
    const receiver = createReceiver({ secret, dedupe: false }).on('clock.in', handler)
    const { body, headers } = signed(secret)
    await receiver.handle(body, headers)
    await receiver.handle(body, headers)
    expect(handler).toHaveBeenCalledTimes(2)
  })

  it('answers 500 when the dedupe store fails, without running handlers', async () => {
    const handler = vi.fn()
    const broken: DedupeStore = {
      claim: async () => {
        throw new Error('redis gone')
      },
      commit() {},
      release() {},
    }
    const receiver = createReceiver({ secret, dedupe: broken }).on('clock.in', handler)
    const { body, headers } = signed(secret)
    expect(await receiver.handle(body, headers)).toMatchObject({
      status: 500,
      body: { error: { code: 'dedupe_failed' } },
    })
    expect(handler).not.toHaveBeenCalled()
  })

  it('accepts either secret during a rotation', async () => {
    const next = generateSecret()
    const receiver = createReceiver({ secrets: [secret, next] })
    for (const key of [secret, next]) {
      const { body, headers } = signed(key)
      expect((await receiver.handle(body, headers)).status).toBe(200)
    }
    const stranger = signed(generateSecret())
    expect((await receiver.handle(stranger.body, stranger.headers)).status).toBe(401)
  })

  it('accepts svix-* headers and takes the id from svix-id', async () => {
    const receiver = createReceiver({ secret })
    const { id, body, headers } = signed(secret)
    const svix = {
      'svix-id': headers['webhook-id'],
      'svix-timestamp': headers['webhook-timestamp'],
      'svix-signature': headers['webhook-signature'],
    }
    expect((await receiver.verify(body, svix)).id).toBe(id)
  })

  it('verify returns the typed event with its webhook-id', async () => {
    const receiver = createReceiver({ secret })
    const { id, body, headers } = signed(secret)
    const event = await receiver.verify(body, headers)
    expect(event).toEqual({
      id,
      type: 'clock.in',
      timestamp: '2026-11-24T08:00:00.000Z',
      data: expect.objectContaining({ worker_id: 'wkr_1' }),
    })
  })
})

describe('createMemoryDedupeStore', () => {
  it('forgets a handled id after its TTL', () => {
    let now = 0
    const store = createMemoryDedupeStore({ ttlMs: 1000, now: () => now })
    expect(store.claim('a')).toBe('claimed')
    store.commit('a')
    now = 999
    expect(store.claim('a')).toBe('handled')
    now = 1000
    expect(store.claim('a')).toBe('claimed')
  })

  it('keeps at most maxEntries handled ids, forgetting the oldest', () => {
    const store = createMemoryDedupeStore({ maxEntries: 2 })
    for (const id of ['a', 'b', 'c']) {
      store.claim(id)
      store.commit(id)
    }
    expect(store.claim('c')).toBe('handled')
    expect(store.claim('b')).toBe('handled')
    expect(store.claim('a')).toBe('claimed')
  })

  it('lets a released id be claimed again', () => {
    const store = createMemoryDedupeStore()
    expect(store.claim('a')).toBe('claimed')
    expect(store.claim('a')).toBe('in_progress')
    store.release('a')
    expect(store.claim('a')).toBe('claimed')
  })

  it('refuses a non-positive TTL or size', () => {
    expect(() => createMemoryDedupeStore({ ttlMs: 0 })).toThrow(RangeError)
    expect(() => createMemoryDedupeStore({ maxEntries: 0 })).toThrow(RangeError)
  })
})
