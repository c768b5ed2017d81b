import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Dispatcher } from '@clockhook/dispatcher'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aesGcmCipher } from '../src/crypto'
import { ApiError, errorBody } from '../src/errors'
import { ABANDONED_AFTER_MS, idempotentRequests } from '../src/idempotency'
import { openDatabase } from '../src/index'
import {
  createLongPolls,
  MAX_LONG_POLLS_PER_KEY,
  MAX_LONG_POLLS_PER_TENANT,
} from '../src/long-poll'

describe('an Idempotency-Key cut off mid-request (a crash)', () => {
  let dir: string
  let database: Awaited<ReturnType<typeof openDatabase>>
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clockhook-idem-'))
    database = await openDatabase({ dataDir: dir })
  })
  afterAll(async () => {
    await database.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('is answered 409 while it may still run, and is free again once abandoned', async () => {
    const { middleware } = idempotentRequests({
      db: database.db,
      cipher: aesGcmCipher(Buffer.alloc(32, 1)),
    })
    const app = new Hono()
    app.use('*', async (c, next) => {
      c.set('caller', { tenantId: 'ten_1', keyId: 'key_1', scopes: ['admin'] })
      await next()
    })
    app.use('*', middleware)
    app.post('/v1/things', (c) => c.json({ made: true }, 201))
    app.onError((err, c) =>
      err instanceof ApiError
        ? c.json(errorBody(err.code, err.message), err.status)
        : c.json(errorBody('internal_error', String(err)), 500),
    )
    const row = (createdAt: string) =>
      database.db
        .insertInto('idempotency_requests')
        .values({
          api_key_id: 'key_1',
          method: 'POST',
          path: '/v1/things',
          idempotency_key: 'K',
          tenant_id: 'ten_1',
          fingerprint: createHash('sha256').update('{}').digest('hex'),
          status_code: null,
          response_sealed: null,
          created_at: createdAt,
        })
        .execute()
    const send = () =>
      app.request('/v1/things', { method: 'POST', headers: { 'idempotency-key': 'K' }, body: '{}' })
    await row(new Date().toISOString())
    expect((await send()).status).toBe(409)
    await database.db.deleteFrom('idempotency_requests').execute()
    await row(new Date(Date.now() - ABANDONED_AFTER_MS - 1_000).toISOString())
    const retried = await send()
    expect(retried.status).toBe(201)
    expect(await retried.json()).toEqual({ made: true })
  })
})

describe('long-poll slots', () => {
  it('caps each key and, across all its keys, each tenant', () => {
    const polls = createLongPolls({} as Dispatcher)
    const releases: Array<() => void> = []
    for (let i = 0; i < MAX_LONG_POLLS_PER_KEY; i++) releases.push(polls.acquire('key_a', 'ten_1'))
    expect(() => polls.acquire('key_a', 'ten_1')).toThrow(/per API key/)
    expect(() => polls.acquire('key_a', 'ten_2')).toThrow(/per API key/)
    let key = 0
    while (releases.length < MAX_LONG_POLLS_PER_TENANT) {
      key++
      for (
        let i = 0;
        i < MAX_LONG_POLLS_PER_KEY && releases.length < MAX_LONG_POLLS_PER_TENANT;
        i++
      )
        releases.push(polls.acquire(`key_${key}`, 'ten_1'))
    }
    expect(() => polls.acquire('key_fresh', 'ten_1')).toThrow(/per tenant/)
    expect(() => polls.acquire('key_fresh', 'ten_2')).not.toThrow()
    releases.pop()!()
    expect(() => polls.acquire('key_fresh', 'ten_1')).not.toThrow()
    polls.close()
  })
})

describe('validation messages', () => {
  it('show a pattern’s own message, and no regex source when it has none', async () => {
    const { z } = await import('zod')
    const { readable } = await import('../src/routes/common')
    const own = z.string().regex(/^\d+$/, 'must be a next_cursor value').safeParse('x')
    expect(readable(own.error!.issues[0]!)).toBe('must be a next_cursor value')
    const bare = z.string().regex(/^\d+$/).safeParse('x')
    expect(readable(bare.error!.issues[0]!)).toBe('has the wrong format')
  })
})

describe.skipIf(!process.env.CLOCKHOOK_TEST_POSTGRES_URL)(
  'a Postgres URL whose search_path names no schema',
  () => {
    it('is refused with a message that says so, not a missing migration table', async () => {
      const url = process.env.CLOCKHOOK_TEST_POSTGRES_URL!
      const sep = url.includes('?') ? '&' : '?'
      const missing = `${url}${sep}options=${encodeURIComponent('-c search_path=clockhook_no_such_schema')}`
      await expect(openDatabase({ dataDir: '/nonexistent', url: missing })).rejects.toThrow(
        /no schema on the search_path exists/,
      )
    })
  },
)
