import { createHmac } from 'node:crypto'
import { readdirSync, statSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { join } from 'node:path'
import { Webhook } from '@clockhook/signer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databases } from './databases'
import { apiClient, eventually, startRecorder, startTestServer, type TestServer } from './support'

const ADMIN = 'ck_test_admin_key_that_is_long_enough_0123456789'

for (const database of databases)
  describe.skipIf(!database.available)(`hardening on ${database.name}`, () => {
    let server: TestServer
    let recorder: Awaited<ReturnType<typeof startRecorder>>
    const call = apiClient(() => server.url, ADMIN)
    const keyWith = async (...scopes: string[]) => {
      const r = await call('POST', '/v1/api-keys', { name: scopes.join(' '), scopes })
      expect(r.status).toBe(201)
      return r.body.key as string
    }
    /** Every secret the API handed out, to be searched for in the database files at the end. */
    const secrets: string[] = []

    beforeAll(async () => {
      recorder = await startRecorder()
      server = await startTestServer({
        database,
        env: {
          CLOCKHOOK_BOOTSTRAP_ADMIN_KEY: ADMIN,
          CLOCKHOOK_ALLOW_PRIVATE_URLS: '1',
          CLOCKHOOK_RATE_LIMIT: '10000',
        },
      })
    })
    afterAll(async () => {
      await server?.cleanup()
      await recorder?.close()
    })

    describe('Idempotency-Key', () => {
      it('never replays an answer to another API key: a read-only key does not get the admin key', async () => {
        const reader = await keyWith('workers:read')
        const request = { name: 'deploy', scopes: ['admin'] }
        const first = await call('POST', '/v1/api-keys', request, ADMIN, {
          'idempotency-key': 'K-escalate',
        })
        expect(first.status).toBe(201)
        secrets.push(first.body.key)
        const replay = await call('POST', '/v1/api-keys', request, reader, {
          'idempotency-key': 'K-escalate',
        })
        expect(replay.status).toBe(403)
        expect(replay.headers.get('idempotent-replayed')).toBeNull()
        expect(JSON.stringify(replay.body)).not.toContain(first.body.key)
      })

      it('never stores a refused request: an admin is not answered with a low-scope key’s 403', async () => {
        const reader = await keyWith('webhooks:read')
        const body = { name: 'payroll', url: recorder.url, events: ['clock.in'] }
        const refused = await call('POST', '/v1/webhooks', body, reader, {
          'idempotency-key': 'K-backwards',
        })
        expect(refused.status).toBe(403)
        const admin = await call('POST', '/v1/webhooks', body, ADMIN, {
          'idempotency-key': 'K-backwards',
        })
        expect(admin.status).toBe(201)
        expect(admin.headers.get('idempotent-replayed')).toBeNull()
        secrets.push(admin.body.secret)
      })

      it('does not replay a rotated signing secret to a key without admin', async () => {
        const created = await call('POST', '/v1/webhooks', {
          name: 'rotating',
          url: recorder.url,
          events: ['clock.in'],
        })
        secrets.push(created.body.secret)
        const writer = await keyWith('webhooks:write')
        const path = `/v1/webhooks/${created.body.id}/rotate-secret`
        const rotated = await call('POST', path, {}, ADMIN, { 'idempotency-key': 'K-rotate' })
        expect(rotated.status).toBe(200)
        secrets.push(rotated.body.secret)
        const replay = await call('POST', path, {}, writer, { 'idempotency-key': 'K-rotate' })
        expect(replay.status).toBe(403)
        expect(JSON.stringify(replay.body)).not.toContain(rotated.body.secret)
      })

      it('treats the same Idempotency-Key from another API key as another request', async () => {
        const other = await keyWith('workers:write')
        const a = await call('POST', '/v1/workers', { name: 'Ada' }, ADMIN, {
          'idempotency-key': 'K-shared',
        })
        const b = await call('POST', '/v1/workers', { name: 'Ada' }, other, {
          'idempotency-key': 'K-shared',
        })
        expect([a.status, b.status]).toEqual([201, 201])
        expect(a.body.id).not.toBe(b.body.id)
        expect(b.headers.get('idempotent-replayed')).toBeNull()
      })

      it('replays the same request to the same key, and refuses the key with another body', async () => {
        const first = await call('POST', '/v1/workers', { name: 'Grace' }, ADMIN, {
          'idempotency-key': 'K-same',
        })
        const again = await call('POST', '/v1/workers', { name: 'Grace' }, ADMIN, {
          'idempotency-key': 'K-same',
        })
        expect(again.status).toBe(201)
        expect(again.headers.get('idempotent-replayed')).toBe('true')
        expect(again.body).toEqual(first.body)
        const other = await call('POST', '/v1/workers', { name: 'Linus' }, ADMIN, {
          'idempotency-key': 'K-same',
        })
        expect(other.status).toBe(422)
        expect(other.body.error.code).toBe('idempotency_key_reused')
      })

      it('does not store a request refused by validation or malformed JSON', async () => {
        const invalid = await call('POST', '/v1/workers', { name: '' }, ADMIN, {
          'idempotency-key': 'K-invalid',
        })
        expect(invalid.status).toBe(400)
        const malformed = await call('POST', '/v1/workers', '{"name":', ADMIN, {
          'idempotency-key': 'K-invalid',
        })
        expect(malformed.status).toBe(400)
        const fixed = await call('POST', '/v1/workers', { name: 'Barbara' }, ADMIN, {
          'idempotency-key': 'K-invalid',
        })
        expect(fixed.status).toBe(201)
        expect(fixed.headers.get('idempotent-replayed')).toBeNull()
      })
    })

    it('refuses NUL and unpaired surrogates in the path, the query and the body with a 400', async () => {
      const worker = await call('POST', '/v1/workers', { name: 'Nul' })
      const attempts: [string, string, unknown?][] = [
        ['GET', '/v1/workers/%00'],
        ['GET', '/v1/audit-log?cursor=%00'],
        ['GET', '/v1/workers?cursor=a%00b'],
        ['POST', '/v1/workers', '{"name":"a\\u0000b"}'],
        ['POST', '/v1/workers', '{"name":"a\\ud800b"}'],
        ['POST', '/v1/workers', '{"name":"ok","email":null,"x\\u0000":1}'],
        ['POST', '/v1/time-entries/clock-in', '{"worker_id":"wkr_\\u0000"}'],
        ['PATCH', `/v1/workers/${worker.body.id}`, '{"name":"\\udc00"}'],
      ]
      for (const [method, path, body] of attempts) {
        const r = await call(method, path, body)
        expect(r.status, `${method} ${path} ${body ?? ''}`).toBe(400)
        expect(r.body.error.code).toBe('validation_failed')
      }
      const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`
      for (const path of ['/v1/workers', '/v1/tenants']) {
        const r = await call('POST', path, deep)
        expect(r.status, path).toBeLessThan(500)
      }
      expect((await call('POST', '/v1/workers', deep)).body.error.code).toBe('validation_failed')
      const fine = await call('POST', '/v1/workers', { name: 'emoji 😀 ok' })
      expect(fine.status).toBe(201)
    })

    it('refuses entries longer than total_minutes holds, and timestamps an offset moves out of 0000-9999, with a 400 (was a 500 on Postgres)', async () => {
      const worker = (await call('POST', '/v1/workers', { name: 'Methuselah' })).body
      const entry = await call('POST', '/v1/time-entries/clock-in', {
        worker_id: worker.id,
        timestamp: '0000-01-01T00:00:00Z',
      })
      expect(entry.status).toBe(201)
      const out = await call('POST', '/v1/time-entries/clock-out', {
        worker_id: worker.id,
        timestamp: '9999-12-31T23:59:59Z',
      })
      expect(out.status).toBe(400)
      expect(out.body.error.code).toBe('validation_failed')
      // nothing was written: the worker is still clocked in, and can clock out sensibly
      expect((await call('GET', `/v1/time-entries/${entry.body.id}`)).body.clock_out).toBeNull()
      const closed = await call('POST', '/v1/time-entries/clock-out', {
        worker_id: worker.id,
        timestamp: '0001-01-01T00:00:00Z',
      })
      expect(closed.status).toBe(200)
      // year 0 is a leap year: 366 days
      expect(closed.body.total_minutes).toBe(527_040)
      const patched = await call('PATCH', `/v1/time-entries/${entry.body.id}`, {
        clock_out: '9999-12-31T23:59:59Z',
      })
      expect(patched.status).toBe(400)
      expect(patched.body.error.details[0].path).toBe('clock_out')
      expect((await call('GET', `/v1/time-entries/${entry.body.id}`)).body.total_minutes).toBe(
        527_040,
      )
      for (const timestamp of ['0000-01-01T00:00:00+01:00', '9999-12-31T23:59:59-01:00']) {
        const r = await call('PATCH', `/v1/time-entries/${entry.body.id}`, { clock_in: timestamp })
        expect(r.status, timestamp).toBe(400)
        expect(r.body.error.details[0].path).toBe('clock_in')
      }
      expect(
        (
          await call(
            'GET',
            `/v1/time-entries?from=${encodeURIComponent('0000-01-01T00:00:00+01:00')}`,
          )
        ).status,
      ).toBe(400)
    })

    it('shows custom header values only to admin keys, and keeps a value written back masked', async () => {
      const credential = 'Bearer receiver-credential-0123456789'
      const created = await call('POST', '/v1/webhooks', {
        name: 'with credentials',
        url: recorder.url,
        events: ['clock.in'],
        headers: { authorization: credential },
      })
      expect(created.status).toBe(201)
      secrets.push(created.body.secret, credential)
      const reader = await keyWith('webhooks:read', 'webhooks:write')
      const seen = await call('GET', `/v1/webhooks/${created.body.id}`, undefined, reader)
      expect(seen.body.headers).toEqual({ authorization: '••••••' })
      const list = await call('GET', '/v1/webhooks', undefined, reader)
      expect(JSON.stringify(list.body)).not.toContain(credential)
      const patched = await call(
        'PATCH',
        `/v1/webhooks/${created.body.id}`,
        { headers: { ...seen.body.headers, 'x-tenant': 'acme' } },
        reader,
      )
      expect(patched.status).toBe(200)
      const admin = await call('GET', `/v1/webhooks/${created.body.id}`)
      expect(admin.body.headers).toEqual({ authorization: credential, 'x-tenant': 'acme' })
      const unknown = await call(
        'PATCH',
        `/v1/webhooks/${created.body.id}`,
        { headers: { 'x-new': '••••••' } },
        reader,
      )
      expect(unknown.status).toBe(400)
      // moving it elsewhere would send the credential there: not without admin…
      const moved = await call(
        'PATCH',
        `/v1/webhooks/${created.body.id}`,
        { url: 'http://127.0.0.2:9/steal' },
        reader,
      )
      expect(moved.status).toBe(403)
      const masked = await call(
        'PATCH',
        `/v1/webhooks/${created.body.id}`,
        { url: 'http://127.0.0.2:9/steal', headers: { authorization: '••••••' } },
        reader,
      )
      expect(masked.status).toBe(403)
      // …unless the caller brings its own values, and the same origin is fine
      const samePlace = await call(
        'PATCH',
        `/v1/webhooks/${created.body.id}`,
        { url: `${recorder.url}/elsewhere` },
        reader,
      )
      expect(samePlace.status).toBe(200)
      const ownValues = await call(
        'PATCH',
        `/v1/webhooks/${created.body.id}`,
        { url: 'http://127.0.0.2:9/new', headers: { authorization: 'Bearer mine' } },
        reader,
      )
      expect(ownValues.status).toBe(200)
      const audit = await call('GET', '/v1/audit-log?limit=1')
      expect(audit.body.data[0].details.url).toEqual({
        from: `${recorder.url}/elsewhere`,
        to: 'http://127.0.0.2:9/new',
      })
    })

    it('subscribes to a group with `clock.*`, and to everything when events are left out', async () => {
      const groups = await startRecorder()
      const everything = await startRecorder()
      try {
        const grouped = await call('POST', '/v1/webhooks', {
          name: 'clock group',
          url: groups.url,
          events: ['clock.*'],
        })
        const all = await call('POST', '/v1/webhooks', { name: 'all', url: everything.url })
        expect([grouped.status, all.status]).toEqual([201, 201])
        expect(all.body.events).toEqual(['*'])
        secrets.push(grouped.body.secret, all.body.secret)
        expect(
          (await call('POST', '/v1/webhooks', { name: 'x', url: groups.url, events: ['nope.*'] }))
            .status,
        ).toBe(400)
        const worker = await call('POST', '/v1/workers', { name: 'Grouped' })
        await call('POST', '/v1/time-entries/clock-in', { worker_id: worker.body.id })
        const types = (r: typeof groups) => r.received.map((x) => JSON.parse(x.body).type)
        await eventually(async () => types(everything).includes('clock.in'))
        await eventually(async () => types(groups).includes('clock.in'))
        expect(types(everything)).toContain('worker.created')
        expect(types(groups)).not.toContain('worker.created')
      } finally {
        await groups.close()
        await everything.close()
      }
    })

    it('signs GitHub-style in an opt-in legacy header next to the Standard Webhooks ones', async () => {
      const receiver = await startRecorder()
      try {
        const base = { name: 'legacy', url: receiver.url, events: ['clock.in'] }
        for (const bad of ['Authorization', 'webhook-signature', 'X-Forwarded-For', 'x y'])
          expect(
            (await call('POST', '/v1/webhooks', { ...base, legacy_signature_header: bad })).status,
            bad,
          ).toBe(400)
        const hook = await call('POST', '/v1/webhooks', {
          ...base,
          legacy_signature_header: 'X-Clockhook-Signature',
        })
        expect(hook.body.legacy_signature_header).toBe('x-clockhook-signature')
        secrets.push(hook.body.secret)
        await call('POST', `/v1/webhooks/${hook.body.id}/test`)
        const [first] = await eventually(
          async () => receiver.received.length > 0 && receiver.received,
        )
        const hex = createHmac('sha256', hook.body.secret).update(first!.body).digest('hex')
        expect(first!.headers['x-clockhook-signature']).toBe(`sha256=${hex}`)
        expect(() =>
          new Webhook(hook.body.secret).verify(first!.body, first!.headers),
        ).not.toThrow()
        const off = await call('PATCH', `/v1/webhooks/${hook.body.id}`, {
          legacy_signature_header: null,
          name: 'legacy off',
        })
        expect(off.body).toMatchObject({ legacy_signature_header: null, name: 'legacy off' })
        await call('POST', `/v1/webhooks/${hook.body.id}/test`)
        const second = await eventually(async () => receiver.received[1] ?? false)
        expect(second.headers['x-clockhook-signature']).toBeUndefined()
      } finally {
        await receiver.close()
      }
    })

    it('takes a per-webhook timeout_seconds between 1 and 30', async () => {
      const base = { name: 'timeouts', url: recorder.url, events: ['clock.in'] }
      for (const bad of [0, 31, 2.5])
        expect((await call('POST', '/v1/webhooks', { ...base, timeout_seconds: bad })).status).toBe(
          400,
        )
      const refused = await call('POST', '/v1/webhooks', { ...base, timeout_seconds: 0 })
      // the field is named in the message itself, not only in details
      expect(refused.body.error.message).toMatch(/^the request is not valid: timeout_seconds: /)
      const created = await call('POST', '/v1/webhooks', { ...base, timeout_seconds: 5 })
      expect(created.body.timeout_seconds).toBe(5)
      secrets.push(created.body.secret)
      const cleared = await call('PATCH', `/v1/webhooks/${created.body.id}`, {
        timeout_seconds: null,
      })
      expect(cleared.body.timeout_seconds).toBeNull()
    })

    it('writes last_used_at when a key is used', async () => {
      const key = await keyWith('workers:read')
      expect((await call('GET', '/v1/workers', undefined, key)).status).toBe(200)
      const keys = await call('GET', '/v1/api-keys?limit=200')
      const row = keys.body.data.find((k: { prefix: string }) => key.startsWith(k.prefix))
      expect(row.last_used_at).not.toBeNull()
      expect(Date.now() - Date.parse(row.last_used_at)).toBeLessThan(120_000)
    })

    it('caps long-polls per API key and wakes every waiter of a tenant with one probe', async () => {
      const key = await keyWith('events:read')
      const head = await call('GET', '/v1/events?limit=1000', undefined, key)
      const cursor = head.body.next_cursor
      const answered: { status: number; body: string }[] = []
      const open = Array.from({ length: 25 }, () =>
        getOnOwnSocket(`${server.url}/v1/events?after=${cursor}&wait=20`, key).then((r) => {
          answered.push(r)
          return r
        }),
      )
      // five over the cap are refused at once; twenty wait
      await eventually(async () => answered.length === 5)
      for (const refused of answered) expect(refused.status).toBe(429)
      await call('POST', '/v1/workers', { name: 'Wakes everyone' })
      const answers = await Promise.all(open)
      const woken = answers.filter((a) => a.status === 200)
      expect(woken).toHaveLength(20)
      for (const answer of woken)
        expect(JSON.parse(answer.body).data.map((e: { type: string }) => e.type)).toContain(
          'worker.created',
        )
    })

    it('does not let a long-poll from a future cursor hold back the others', async () => {
      const key = await keyWith('events:read')
      const head = await call('GET', '/v1/events?limit=1000', undefined, key)
      const future = getOnOwnSocket(`${server.url}/v1/events?after=999999999999999&wait=3`, key)
      await new Promise((r) => setTimeout(r, 300))
      const waiting = getOnOwnSocket(
        `${server.url}/v1/events?after=${head.body.next_cursor}&wait=20`,
        key,
      )
      await new Promise((r) => setTimeout(r, 300))
      await call('POST', '/v1/workers', { name: 'Wakes the honest reader' })
      const woken = await waiting
      expect(JSON.parse(woken.body).data.map((e: { type: string }) => e.type)).toContain(
        'worker.created',
      )
      // the future reader is answered empty at its own deadline
      expect(JSON.parse((await future).body).data).toEqual([])
    })

    it('keeps no signing secret, API key or idempotent answer in plain text in the database', async () => {
      const idempotent = await call(
        'POST',
        '/v1/api-keys',
        { name: 'ci', scopes: ['admin'] },
        ADMIN,
        {
          'idempotency-key': 'K-sealed',
        },
      )
      secrets.push(idempotent.body.key, ADMIN)
      expect(secrets.length).toBeGreaterThanOrEqual(8)
      await server.stop()
      if (database.name === 'sqlite')
        for (const f of readdirSync(server.dir).filter((f) => f.startsWith('clockhook.db')))
          expect((statSync(join(server.dir, f)).mode & 0o777).toString(8), f).toBe('600')
      const text = await server.dumpText()
      expect(text.length).toBeGreaterThan(1000)
      for (const secret of secrets) {
        expect(text.includes(secret), `found ${secret.slice(0, 8)}… in the database`).toBe(false)
        const body = secret.replace(/^whsec_/, '')
        expect(text.includes(body)).toBe(false)
      }
      // the answer itself is there, sealed: a replay after a restart still works
      await server.restart()
      const replay = await call('POST', '/v1/api-keys', { name: 'ci', scopes: ['admin'] }, ADMIN, {
        'idempotency-key': 'K-sealed',
      })
      expect(replay.headers.get('idempotent-replayed')).toBe('true')
      expect(replay.body.key).toBe(idempotent.body.key)
    })
  })

describe('the HTTP edge', () => {
  let server: TestServer
  const call = apiClient(() => server.url, ADMIN)

  beforeAll(async () => {
    server = await startTestServer({ env: { CLOCKHOOK_BOOTSTRAP_ADMIN_KEY: ADMIN } })
  })
  afterAll(() => server?.cleanup())

  it('answers an oversized body with a 413, and the client’s next request on a kept-alive agent succeeds', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const send = (method: string, path: string, body?: string) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request(
          `${server.url}${path}`,
          {
            method,
            agent,
            headers: {
              authorization: `Bearer ${ADMIN}`,
              ...(body ? { 'content-type': 'application/json' } : {}),
            },
          },
          (res) => {
            let text = ''
            res.on('data', (c) => {
              text += c
            })
            res.on('end', () => resolve({ status: res.statusCode!, text }))
          },
        )
        req.on('error', reject)
        req.end(body)
      })
    try {
      for (let i = 0; i < 5; i++) {
        const big = await send('POST', '/v1/workers', JSON.stringify({ name: 'x'.repeat(400_000) }))
        expect(big.status).toBe(413)
        expect(JSON.parse(big.text).error.code).toBe('payload_too_large')
        const next = await send('GET', '/v1/workers')
        expect(next.status).toBe(200)
      }
    } finally {
      agent.destroy()
    }
  })

  it('limits failed authentications per client address', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 30; i++)
      statuses.push((await call('GET', '/v1/workers', undefined, `ck_wrong_${i}`)).status)
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true)
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true)
    const limited = await call('GET', '/v1/workers', undefined, 'ck_wrong_again')
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    // a valid key from the same address still passes: failing cannot lock real users out
    expect((await call('GET', '/v1/workers')).status).toBe(200)
    expect((await call('GET', '/v1/workers', undefined, null)).status).toBe(429)
  })
})

/** A GET on a connection of its own (no client-side pooling in the way). */
function getOnOwnSocket(url: string, key: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      url,
      { agent: false, headers: { authorization: `Bearer ${key}` } },
      (res) => {
        let body = ''
        res.on('data', (c) => {
          body += c
        })
        res.on('end', () => resolve({ status: res.statusCode!, body }))
      },
    )
    req.on('error', reject)
    req.end()
  })
}
