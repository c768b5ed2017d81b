import { Webhook } from '@clockhook/signer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient, startRecorder, startTestServer, type TestServer } from './support'

const ADMIN = 'ck_guard_admin_key_that_is_long_enough_0123456789'

describe('with the SSRF guard on (the default)', () => {
  let server: TestServer
  const call = apiClient(() => server.url, ADMIN)
  beforeAll(async () => {
    server = await startTestServer({ env: { CLOCKHOOK_BOOTSTRAP_ADMIN_KEY: ADMIN } })
  })
  afterAll(() => server?.cleanup())

  it('refuses webhooks to private, loopback and metadata addresses, and writes nothing', async () => {
    for (const url of [
      'http://127.0.0.1:8080/x',
      'http://localhost/x',
      'http://10.0.0.5/x',
      'http://169.254.169.254/latest',
      'http://[::1]/x',
      'http://[::127.0.0.1]/x',
      'http://[::ffff:0:127.0.0.1]/x',
      'http://[64:ff9b::a00:1]/x',
      'http://[2002:7f00:1::]/x',
      'http://2130706433/x',
      'http://0x7f.1/x',
      'http://localhost./x',
      'http://api.localhost/x',
    ]) {
      const r = await call('POST', '/v1/webhooks', { name: 'x', url, events: ['clock.in'] })
      expect(r.status, url).toBe(400)
      expect(r.body.error.code).toBe('url_not_allowed')
      expect(r.body.error.message).not.toMatch(/\(\d+\.\d+\.\d+\.\d+\)/)
    }
    expect((await call('GET', '/v1/webhooks')).body.data).toEqual([])
  })

  it('regenerates an API key: the old one is dead at once', async () => {
    const created = (await call('POST', '/v1/api-keys', { name: 'ci', scopes: ['workers:read'] }))
      .body
    const fresh = (await call('POST', `/v1/api-keys/${created.id}/regenerate`)).body
    expect(fresh.key).not.toBe(created.key)
    expect((await call('GET', '/v1/workers', undefined, created.key)).status).toBe(401)
    expect((await call('GET', '/v1/workers', undefined, fresh.key)).status).toBe(200)
  })

  it('long-polls the pull API until an event arrives', async () => {
    const cursor = (await call('GET', '/v1/events?limit=1000')).body.next_cursor
    const started = Date.now()
    const waiting = call('GET', `/v1/events?after=${cursor}&wait=5`)
    await new Promise((r) => setTimeout(r, 300))
    await call('POST', '/v1/workers', { name: 'Late' })
    const page = await waiting
    expect(page.body.data.map((e: { type: string }) => e.type)).toEqual(['worker.created'])
    expect(Date.now() - started).toBeLessThan(4000)
    const empty = Date.now()
    const none = await call('GET', `/v1/events?after=${page.body.next_cursor}&wait=1`)
    expect(none.body.data).toEqual([])
    expect(Date.now() - empty).toBeGreaterThanOrEqual(900)
  })
})

describe('secret rotation through the API', () => {
  let server: TestServer
  let recorder: Awaited<ReturnType<typeof startRecorder>>
  const call = apiClient(() => server.url, ADMIN)
  beforeAll(async () => {
    recorder = await startRecorder()
    server = await startTestServer({
      env: { CLOCKHOOK_BOOTSTRAP_ADMIN_KEY: ADMIN, CLOCKHOOK_ALLOW_PRIVATE_URLS: '1' },
    })
  })
  afterAll(async () => {
    await server?.cleanup()
    await recorder.close()
  })

  it('signs with both secrets during the grace period, and with the new one only after it', async () => {
    const url = recorder.url
    const hook = (
      await call('POST', '/v1/webhooks', { name: 'r', url, events: ['worker.created'] })
    ).body
    const rotated = (
      await call('POST', `/v1/webhooks/${hook.id}/rotate-secret`, {
        grace_period_seconds: 2,
      })
    ).body
    await call('POST', '/v1/workers', { name: 'During' })
    const wait = async (n: number) => {
      const deadline = Date.now() + 10_000
      while (recorder.received.length < n && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 25))
    }
    await wait(1)
    for (const secret of [hook.secret, rotated.secret])
      expect(
        new Webhook(secret).verify(recorder.received[0]!.body, recorder.received[0]!.headers),
      ).toBeTruthy()
    await new Promise((r) => setTimeout(r, 2100))
    await call('POST', '/v1/workers', { name: 'After' })
    await wait(2)
    expect(
      new Webhook(rotated.secret).verify(recorder.received[1]!.body, recorder.received[1]!.headers),
    ).toBeTruthy()
    expect(() =>
      new Webhook(hook.secret).verify(recorder.received[1]!.body, recorder.received[1]!.headers),
    ).toThrow()
  })
})
