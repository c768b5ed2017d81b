import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from './support'

const ADMIN = 'ck_operations_admin_key_long_enough_0123456789'

describe('operations: idempotency, rate limits, metrics', () => {
  let server: TestServer
  const post = (path: string, body: unknown, headers: Record<string, string> = {}, key = ADMIN) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })

  beforeAll(async () => {
    server = await startTestServer({
      env: { CLOCKHOOK_BOOTSTRAP_ADMIN_KEY: ADMIN, CLOCKHOOK_RATE_LIMIT: '20' },
    })
  })
  afterAll(() => server?.cleanup())

  it('replays a POST with the same Idempotency-Key instead of doing it twice', async () => {
    const first = await post('/v1/workers', { name: 'Ada' }, { 'idempotency-key': 'create-ada-1' })
    const again = await post('/v1/workers', { name: 'Ada' }, { 'idempotency-key': 'create-ada-1' })
    expect(first.status).toBe(201)
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect((await again.json()).id).toBe((await first.json()).id)
    const list = await (
      await fetch(`${server.url}/v1/workers`, { headers: { authorization: `Bearer ${ADMIN}` } })
    ).json()
    expect(list.data.filter((w: { name: string }) => w.name === 'Ada')).toHaveLength(1)
    const other = await post('/v1/workers', { name: 'Bob' }, { 'idempotency-key': 'create-ada-1' })
    expect(other.status).toBe(422)
    expect((await other.json()).error.code).toBe('idempotency_key_reused')
  })

  it('answers 429 with Retry-After past the per-key rate', async () => {
    const created = await (
      await post('/v1/api-keys', { name: 'busy', scopes: ['workers:read'] })
    ).json()
    const statuses: number[] = []
    let retryAfter: string | null = null
    for (let i = 0; i < 60; i++) {
      const r = await fetch(`${server.url}/v1/workers`, {
        headers: { authorization: `Bearer ${created.key}` },
      })
      statuses.push(r.status)
      if (r.status === 429) {
        retryAfter = r.headers.get('retry-after')
        expect((await r.json()).error.code).toBe('rate_limited')
        break
      }
      await r.arrayBuffer()
    }
    expect(statuses).toContain(429)
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1)
    // another key is not affected
    expect(
      (await fetch(`${server.url}/v1/workers`, { headers: { authorization: `Bearer ${ADMIN}` } }))
        .status,
    ).toBe(200)
  })

  it('exposes Prometheus metrics', async () => {
    const res = await fetch(`${server.url}/metrics`)
    expect(res.headers.get('content-type')).toContain('text/plain')
    const text = await res.text()
    expect(text).toContain('# TYPE clockhook_http_request_duration_seconds histogram')
    expect(text).toMatch(
      /clockhook_http_request_duration_seconds_count\{method="POST",route="\/v1\/workers",status="201"\} \d+/,
    )
    expect(text).toMatch(/clockhook_backlog_due \d+/)
    // the process and Node defaults
    expect(text).toContain('process_cpu_seconds_total')
    expect(text).toContain('nodejs_eventloop_lag_seconds')
  })
})

describe('the logger', () => {
  it('writes one JSON line per event and redacts credentials', async () => {
    const { createLogger } = await import('../src/logger')
    const lines: string[] = []
    const destination = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const logger = createLogger({ level: 'info', destination })
    logger.info({ headers: { authorization: 'Bearer ck_secret' }, secret: 'whsec_x' }, 'hello')
    logger.warn({ key: 'ck_abc' })
    await new Promise((r) => setImmediate(r))
    const [first, second] = lines.map((l) => JSON.parse(l))
    expect(first).toMatchObject({ level: 'info', msg: 'hello', secret: '[redacted]' })
    expect(first.headers.authorization).toBe('[redacted]')
    expect(second).toMatchObject({ level: 'warn', key: '[redacted]' })
    expect(lines.join('')).not.toContain('ck_secret')
  })
})
