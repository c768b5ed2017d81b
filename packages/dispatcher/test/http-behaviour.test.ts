import { describe, expect, it } from 'vitest'
import { createHttpClient } from '../src/http'
import type { Dispatcher } from '../src/index'
import { createDispatcher, memoryStore } from '../src/index'
import { AddressPolicy } from '../src/ssrf'
import { endpoint } from './helpers/builders'
import { useSqliteHarness } from './helpers/harness'
import { eventually, manualClock, startReceiver } from './helpers/receiver'

describe('HTTP delivery behaviour', () => {
  const h = useSqliteHarness()
  const finalAttempt = async (d: Dispatcher, deliveryId: string, attempts = 1) =>
    eventually(async () => {
      const x = await d.getDelivery(deliveryId)
      return x.attempts.length >= attempts && x.delivery.attempts >= attempts && x
    })

  it('times out a receiver that never answers, and schedules a retry', async () => {
    h.receiver.handler = () => {}
    const d = await h.start({ timeoutMs: 300 })
    await d.createEndpoint({ url: h.receiver.url })
    const { deliveryIds } = await d.send({ type: 'clock.in', data: {} })
    const x = await finalAttempt(d, deliveryIds[0]!)
    expect(x.attempts[0]).toMatchObject({
      succeeded: false,
      errorKind: 'timeout',
      httpStatus: null,
    })
    expect(x.attempts[0]!.durationMs).toBeGreaterThanOrEqual(250)
    expect(x.delivery.status).toBe('retrying')
  })

  it('honours a per-endpoint timeout', async () => {
    h.receiver.handler = (_q, res) => setTimeout(() => res.writeHead(200).end(), 400)
    const d = await h.start({ timeoutMs: 5000 })
    await d.createEndpoint({ url: h.receiver.url, timeoutMs: 100 })
    const { deliveryIds } = await d.send({ type: 'clock.in', data: {} })
    expect((await finalAttempt(d, deliveryIds[0]!)).attempts[0]!.errorKind).toBe('timeout')
  })

  it('records a connection reset as a connection error', async () => {
    h.receiver.handler = (req) => req.socket.destroy()
    const d = await h.start()
    await d.createEndpoint({ url: h.receiver.url })
    const { deliveryIds } = await d.send({ type: 'clock.in', data: {} })
    const x = await finalAttempt(d, deliveryIds[0]!)
    expect(x.attempts[0]).toMatchObject({ succeeded: false, errorKind: 'connection' })
    expect(x.delivery.status).toBe('retrying')
  })

  it('records a refused connection', async () => {
    const d = await h.start()
    const closed = await startReceiver()
    const url = closed.url
    await closed.close()
    await d.createEndpoint({ url })
    const { deliveryIds } = await d.send({ type: 'clock.in', data: {} })
    expect((await finalAttempt(d, deliveryIds[0]!)).attempts[0]!.errorMessage).toMatch(
      /ECONNREFUSED/,
    )
  })

  it('keeps only a preview of a huge response and does not buffer it', async () => {
    const chunk = 'x'.repeat(64 * 1024)
    h.receiver.handler = (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' })
      for (let i = 0; i < 160; i++) res.write(chunk) // 10 MiB
      res.end()
    }
    const d = await h.start({ previewBytes: 1000 })
    await d.createEndpoint({ url: h.receiver.url })
    const { deliveryIds } = await d.send({ type: 'clock.in', data: {} })
    const x = await finalAttempt(d, deliveryIds[0]!)
    expect(x.attempts[0]).toMatchObject({ succeeded: true, httpStatus: 200 })
    expect(x.attempts[0]!.responsePreview).toHaveLength(1000)
  })

  it('times out a body that trickles in too slowly', async () => {
    h.receiver.handler = (_q, res) => {
      res.writeHead(200)
      const timer = setInterval(() => res.write('.'), 100)
      res.on('close', () => clearInterval(timer))
    }
    const d = await h.start({ timeoutMs: 400 })
    await d.createEndpoint({ url: h.receiver.url })
    const { deliveryIds } = await d.send({ type: 'clock.in', data: {} })
    expect((await finalAttempt(d, deliveryIds[0]!)).attempts[0]!.errorKind).toBe('timeout')
  })

  it('does not follow a redirect: a 302 is a failure', async () => {
    const target = await startReceiver()
    try {
      h.receiver.handler = (_q, res) => res.writeHead(302, { location: target.url }).end()
      const d = await h.start()
      await d.createEndpoint({ url: h.receiver.url })
      const { deliveryIds } = await d.send({ type: 'clock.in', data: {} })
      const x = await finalAttempt(d, deliveryIds[0]!)
      expect(x.attempts[0]).toMatchObject({
        succeeded: false,
        httpStatus: 302,
        errorKind: 'redirect',
      })
      expect(target.requests).toHaveLength(0)
    } finally {
      await target.close()
    }
  })

  it('waits at least Retry-After before the next attempt (capped)', async () => {
    const clock = manualClock()
    h.receiver.handler = (_q, res) => res.writeHead(429, { 'retry-after': '120' }).end()
    const d = await h.start({ clock, jitter: 0 })
    await d.createEndpoint({ url: h.receiver.url })
    const { deliveryIds } = await d.send({ type: 'clock.in', data: {} })
    const x = await finalAttempt(d, deliveryIds[0]!)
    expect(x.delivery.nextAttemptAt).toBe(x.attempts[0]!.attemptedAt + 120_000)
    h.receiver.handler = (_q, res) => res.writeHead(503, { 'retry-after': '999999' }).end()
    clock.advance(120_000)
    d.wake()
    const y = await finalAttempt(d, deliveryIds[0]!, 2)
    expect(y.delivery.nextAttemptAt).toBe(y.attempts[1]!.attemptedAt + 3_600_000)
  })

  it('counts 4xx answers as failures and retries them', async () => {
    h.receiver.handler = (_q, res) => res.writeHead(400).end('bad signature?')
    const d = await h.start()
    const { endpoint } = await d.createEndpoint({ url: h.receiver.url })
    const { deliveryIds } = await d.send({ type: 'clock.in', data: {} })
    const x = await finalAttempt(d, deliveryIds[0]!)
    expect(x.delivery.status).toBe('retrying')
    const health = await d.endpointHealth(endpoint.id)
    expect(health).toMatchObject({ attempts: 1, failures: 1, errorRate: 1 })
    expect(health.failingSince).toBeTypeOf('number')
  })

  it('disables an endpoint that has failed continuously past the threshold', async () => {
    const clock = manualClock()
    h.receiver.handler = (_q, res) => res.writeHead(500).end()
    const d = await h.start({
      clock,
      disableAfterMs: 60_000,
      retrySchedule: [0, 30_000, 30_000, 30_000],
      jitter: 0,
    })
    const reasons: string[] = []
    d.on('endpoint.disabled', (e) => reasons.push(e.reason))
    const { endpoint } = await d.createEndpoint({ url: h.receiver.url })
    const { deliveryIds } = await d.send({ type: 'clock.in', data: {} })
    for (let i = 1; i <= 3; i++) {
      await finalAttempt(d, deliveryIds[0]!, i)
      clock.advance(30_000)
      d.wake()
    }
    await eventually(async () => reasons.length === 1)
    expect(reasons).toEqual(['failing'])
    expect(await d.getEndpoint(endpoint.id)).toMatchObject({
      enabled: false,
      disabledReason: 'failing',
    })
  })
})

describe('SSRF guard', () => {
  it('refuses private, loopback and reserved targets by default', async () => {
    const d = createDispatcher({ store: memoryStore() })
    for (const url of [
      'http://127.0.0.1/x',
      'http://localhost:8080/',
      'http://10.1.2.3/',
      'http://172.16.0.1/',
      'http://192.168.1.1/',
      'http://169.254.169.254/latest/meta-data',
      'http://100.64.0.1/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[fd00::1]/',
      'http://[fe80::1]/',
      'http://224.0.0.1/',
      'http://0.0.0.0/',
    ]) {
      await expect(d.createEndpoint({ url }), url).rejects.toMatchObject({
        code: 'url_not_allowed',
      })
    }
    for (const url of [
      'ftp://example.com/',
      'file:///etc/passwd',
      'not a url',
      'https://user:pw@example.com/',
    ]) {
      await expect(d.createEndpoint({ url }), url).rejects.toMatchObject({ code: 'invalid_url' })
    }
    await expect(d.createEndpoint({ url: 'https://example.com/hooks' })).resolves.toBeTruthy()
  })

  it('blocks at connect time a hostname that resolves to loopback (no DNS-rebinding gap)', async () => {
    const receiver = await startReceiver()
    const store = memoryStore()
    const d = createDispatcher({ store, pollIntervalMs: 20 })
    try {
      // as if example.test had resolved to a public address when the endpoint was created
      await store.insertEndpoint(
        endpoint({ tenantId: '', url: `http://localhost:${receiver.port}/hooks`, headers: {} }),
      )
      await d.start()
      const { deliveryIds } = await d.send({ type: 'clock.in', data: {} })
      const x = await eventually(async () => {
        const y = await d.getDelivery(deliveryIds[0]!)
        return y.attempts.length > 0 && y
      })
      expect(x.attempts[0]).toMatchObject({ succeeded: false, errorKind: 'ssrf_blocked' })
      expect(receiver.requests).toHaveLength(0)
    } finally {
      await d.stop()
      await receiver.close()
    }
  })

  it('checks every resolved address and the IP literal in the client itself', async () => {
    const receiver = await startReceiver()
    const blocked = createHttpClient({
      policy: new AddressPolicy(),
      connectTimeoutMs: 1000,
      previewBytes: 100,
    })
    const allowed = createHttpClient({
      policy: new AddressPolicy({ allowedCidrs: ['127.0.0.0/8'] }),
      connectTimeoutMs: 1000,
      previewBytes: 100,
    })
    try {
      for (const url of [receiver.url, `http://localhost:${receiver.port}/`]) {
        expect((await blocked.post(url, {}, '{}', 1000)).errorKind).toBe('ssrf_blocked')
        expect((await allowed.post(url, {}, '{}', 1000)).httpStatus).toBe(204)
      }
      expect(receiver.requests).toHaveLength(2)
    } finally {
      await blocked.close()
      await allowed.close()
      await receiver.close()
    }
  })

  it('treats IPv4-mapped IPv6 like the IPv4 address it carries', () => {
    const policy = new AddressPolicy()
    expect(policy.allows('::ffff:10.0.0.1')).toBe(false)
    expect(policy.allows('::ffff:8.8.8.8')).toBe(true)
    expect(policy.allows('8.8.8.8')).toBe(true)
    expect(policy.allows('2606:4700:4700::1111')).toBe(true)
    expect(new AddressPolicy({ allowPrivateNetworks: true }).allows('10.0.0.1')).toBe(true)
    expect(() => new AddressPolicy({ allowedCidrs: ['10.0.0.0/33'] })).toThrow(/CIDR/)
  })
})
