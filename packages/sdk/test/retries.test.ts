import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  Clockhook,
  ConflictError,
  ConnectionError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '../src/index'
import { failure, type ProxyAction, startProxy, startTestServer, type TestServer } from './support'

describe('retries, idempotency keys and timeouts', () => {
  let server: TestServer
  let proxy: Awaited<ReturnType<typeof startProxy>> | undefined
  const client = (url: string, extra: Partial<ConstructorParameters<typeof Clockhook>[0]> = {}) =>
    new Clockhook({ apiKey: server.adminKey, baseUrl: url, ...extra })
  const front = async (plan: (n: number) => ProxyAction) => {
    proxy = await startProxy(server.url, plan)
    return proxy
  }
  const workerNames = async () => {
    const names: string[] = []
    for await (const w of client(server.url).workers.list()) names.push(w.name)
    return names
  }

  beforeAll(async () => {
    server = await startTestServer()
  })
  afterEach(async () => {
    await proxy?.close()
    proxy = undefined
  })
  afterAll(async () => {
    await server?.close()
  })

  it('retries a 429 after its Retry-After, with the same Idempotency-Key, and succeeds', async () => {
    const p = await front((n) =>
      n === 1
        ? {
            kind: 'answer',
            status: 429,
            headers: { 'retry-after': '1' },
            body: { error: { code: 'rate_limited', message: 'slow down' } },
          }
        : { kind: 'forward' },
    )
    const { data } = await client(p.url).workers.create({ name: 'after a 429' })
    expect(data.name).toBe('after a 429')
    expect(p.seen).toHaveLength(2)
    const [first, second] = p.seen
    expect(first!.headers['idempotency-key']).toMatch(/\S/)
    expect(second!.headers['idempotency-key']).toBe(first!.headers['idempotency-key'])
    // A lower bound only: a timer never fires early, so this cannot flake.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(990)
  })

  it('retries a dropped connection; the server replays the stored answer, so one worker exists', async () => {
    const p = await front((n) => (n === 1 ? { kind: 'drop-after-forward' } : { kind: 'forward' }))
    const res = await client(p.url).workers.create({ name: 'dropped once' })
    expect(res.data.name).toBe('dropped once')
    expect(res.headers.get('idempotent-replayed')).toBe('true')
    expect(p.seen.map((r) => r.headers['idempotency-key'])).toEqual([
      p.seen[0]!.headers['idempotency-key'],
      p.seen[0]!.headers['idempotency-key'],
    ])
    expect((await workerNames()).filter((n) => n === 'dropped once')).toHaveLength(1)
  })

  it('retries a connection destroyed before any answer', async () => {
    const p = await front((n) => (n === 1 ? { kind: 'drop' } : { kind: 'forward' }))
    const { data } = await client(p.url).workers.list()
    expect(Array.isArray(data)).toBe(true)
    expect(p.seen).toHaveLength(2)
    expect(p.seen[0]!.headers['idempotency-key']).toBeUndefined()
  })

  it('retries 408, 5xx and 409 request_in_progress, then succeeds', async () => {
    const answers: ProxyAction[] = [
      { kind: 'answer', status: 503, body: { error: { code: 'unavailable', message: 'busy' } } },
      {
        kind: 'answer',
        status: 409,
        body: { error: { code: 'request_in_progress', message: 'still running' } },
      },
      { kind: 'answer', status: 408 },
    ]
    const p = await front((n) => answers[n - 1] ?? { kind: 'forward' })
    const res = await client(p.url, { maxRetries: 3 }).shifts.list()
    expect(res.status).toBe(200)
    expect(p.seen).toHaveLength(4)
  })

  it('does not retry a plain 409 conflict, a 400, or a Retry-After beyond a minute', async () => {
    const conflict = await front(() => ({
      kind: 'answer',
      status: 409,
      body: { error: { code: 'conflict', message: 'already clocked in' } },
    }))
    const err = await failure(client(conflict.url).timeEntries.clockIn({ worker_id: 'wkr_1' }))
    expect(err).toBeInstanceOf(ConflictError)
    expect(conflict.seen).toHaveLength(1)
    await conflict.close()

    const invalid = await front(() => ({ kind: 'answer', status: 400 }))
    const bad = await failure(client(invalid.url).workers.list())
    expect(bad).toBeInstanceOf(ValidationError)
    expect(bad.code).toBe('http_400')
    expect(invalid.seen).toHaveLength(1)
    await invalid.close()

    const limited = await front(() => ({
      kind: 'answer',
      status: 429,
      headers: { 'retry-after': '3600' },
    }))
    const slow = await failure(client(limited.url).workers.list())
    expect(slow).toBeInstanceOf(RateLimitError)
    expect((slow as RateLimitError).retryAfterMs).toBe(3_600_000)
    expect(limited.seen).toHaveLength(1)
  })

  it('gives up after maxRetries with the last error', async () => {
    const p = await front(() => ({ kind: 'answer', status: 500 }))
    const err = await failure(client(p.url, { maxRetries: 1 }).workers.list())
    expect(err).toBeInstanceOf(ServerError)
    expect(p.seen).toHaveLength(2)
  })

  it('a request that gets no answer within timeoutMs is a TimeoutError (retried, then thrown)', async () => {
    const p = await front(() => ({ kind: 'hang' }))
    const err = await failure(client(p.url, { timeoutMs: 150, maxRetries: 1 }).workers.list())
    expect(err).toBeInstanceOf(TimeoutError)
    expect(err).toBeInstanceOf(ConnectionError)
    expect(err.code).toBe('timeout')
    expect(p.seen).toHaveLength(2)

    const perCall = await failure(client(p.url).workers.list({}, { timeoutMs: 100, maxRetries: 0 }))
    expect(perCall).toBeInstanceOf(TimeoutError)
  })

  it('an aborted signal rejects with its reason and stops retrying', async () => {
    const p = await front(() => ({ kind: 'hang' }))
    const controller = new AbortController()
    const call = client(p.url).workers.create({ name: 'never' }, { signal: controller.signal })
    while (p.seen.length === 0) await new Promise((r) => setTimeout(r, 10))
    controller.abort(new Error('user cancelled'))
    await expect(call).rejects.toThrow('user cancelled')
    expect(p.seen).toHaveLength(1)
  })

  it('a refused connection is a ConnectionError with the cause', async () => {
    const p = await front(() => ({ kind: 'forward' }))
    const url = p.url
    await p.close()
    proxy = undefined
    const err = await failure(client(url, { maxRetries: 0 }).workers.list())
    expect(err).toBeInstanceOf(ConnectionError)
    expect(err.status).toBeUndefined()
    expect(err.cause).toBeDefined()
  })

  it('uses the Idempotency-Key given per call', async () => {
    const p = await front(() => ({ kind: 'forward' }))
    const c = client(p.url)
    const first = await c.workers.create({ name: 'keyed' }, { idempotencyKey: 'create-keyed-1' })
    const replay = await c.workers.create({ name: 'keyed' }, { idempotencyKey: 'create-keyed-1' })
    expect(replay.data.id).toBe(first.data.id)
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
    expect(p.seen.map((r) => r.headers['idempotency-key'])).toEqual([
      'create-keyed-1',
      'create-keyed-1',
    ])
  })
})
