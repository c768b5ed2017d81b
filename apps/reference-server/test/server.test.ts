import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Webhook as StandardWebhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../src/index'
import { loadConfig, startServer } from '../src/index'
import { databases } from './databases'
import { apiClient, type Recorded, silent, startRecorder } from './support'

const ADMIN = 'ck_test_admin_key_that_is_long_enough_0123456789'

for (const database of databases)
  describe.skipIf(!database.available)(`the reference server on ${database.name}`, () => {
    let dir: string
    let server: RunningServer
    let recorder: Awaited<ReturnType<typeof startRecorder>>
    let receiverUrl: string
    let dropDatabase: () => Promise<void> = async () => {}
    const received = (): Recorded[] => recorder.received

    const call = apiClient(() => server.url, ADMIN)
    const waitFor = async (n: number) => {
      const deadline = Date.now() + 10_000
      while (received().length < n) {
        if (Date.now() > deadline) throw new Error(`received ${received().length} of ${n}`)
        await new Promise((r) => setTimeout(r, 20))
      }
    }

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'clockhook-server-'))
      recorder = await startRecorder()
      receiverUrl = recorder.url
      const db = await database.create()
      dropDatabase = db.cleanup
      const config = loadConfig({
        ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
        PORT: '0',
        CLOCKHOOK_DATA_DIR: dir,
        CLOCKHOOK_BOOTSTRAP_ADMIN_KEY: ADMIN,
        CLOCKHOOK_ALLOW_PRIVATE_URLS: '1',
      })
      server = await startServer(config, silent, () => {})
    })
    afterAll(async () => {
      await server?.close()
      await recorder?.close()
      rmSync(dir, { recursive: true, force: true })
      await dropDatabase()
    })

    it('answers 401 without a key or with an unknown one, in the error shape', async () => {
      for (const key of [null, 'ck_nope']) {
        const r = await call('GET', '/v1/workers', undefined, key)
        expect(r.status).toBe(401)
        expect(r.body.error.code).toBe('unauthorized')
      }
    })

    it('answers 403 when the key lacks the scope, and revocation is immediate', async () => {
      const created = await call('POST', '/v1/api-keys', {
        name: 'reader',
        scopes: ['workers:read'],
      })
      expect(created.status).toBe(201)
      expect(created.body.key).toMatch(/^ck_/)
      const reader = created.body.key as string
      expect((await call('GET', '/v1/workers', undefined, reader)).status).toBe(200)
      const denied = await call('POST', '/v1/workers', { name: 'Bo' }, reader)
      expect(denied.status).toBe(403)
      expect(denied.body.error.code).toBe('forbidden')
      const list = await call('GET', '/v1/api-keys')
      expect(JSON.stringify(list.body)).not.toContain(reader)
      expect((await call('DELETE', `/v1/api-keys/${created.body.id}`)).status).toBe(204)
      expect((await call('GET', '/v1/workers', undefined, reader)).status).toBe(401)
    })

    it('refuses bad input with 4xx and writes nothing', async () => {
      const before = (await call('GET', '/v1/workers')).body.data.length
      const cases: Array<[unknown, number, string]> = [
        ['{"name":', 400, 'invalid_json'],
        [{}, 400, 'validation_failed'],
        [{ name: 'x', unknown_field: 1 }, 400, 'validation_failed'],
        [{ name: 'x', email: 'not-an-email' }, 400, 'validation_failed'],
        [{ name: 42 }, 400, 'validation_failed'],
      ]
      for (const [input, status, code] of cases) {
        const r = await call('POST', '/v1/workers', input)
        expect(r.status, JSON.stringify(input)).toBe(status)
        expect(r.body.error.code).toBe(code)
      }
      // node:http reads the early 413 even while the upload is cut short (fetch reports the reset)
      const big = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${server.url}/v1/workers`, {
          method: 'POST',
          headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        })
        req.on('response', (res) => {
          let text = ''
          res.on('data', (c) => {
            text += c
          })
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
        })
        req.on('error', (err) =>
          err.message.includes('EPIPE') || err.message.includes('ECONNRESET')
            ? undefined
            : reject(err),
        )
        req.end(JSON.stringify({ name: 'x'.repeat(300_000) }))
      })
      expect(big.status).toBe(413)
      expect(JSON.parse(big.body).error.code).toBe('payload_too_large')
      expect((await call('GET', '/v1/workers')).body.data.length).toBe(before)
      expect((await call('GET', '/v1/nothing-here')).status).toBe(404)
      expect(
        (await call('POST', '/v1/webhooks', { name: 'x', url: 'ftp://a/', events: ['clock.in'] }))
          .status,
      ).toBe(400)
      expect(
        (await call('POST', '/v1/webhooks', { name: 'x', url: receiverUrl, events: ['no.such'] }))
          .status,
      ).toBe(400)
    })

    it('delivers a clock.in that verifies with the standardwebhooks package', async () => {
      const hook = await call('POST', '/v1/webhooks', {
        name: 'payroll',
        url: receiverUrl,
        events: ['clock.in', 'clock.out'],
      })
      expect(hook.status).toBe(201)
      expect(hook.body.secret).toMatch(/^whsec_/)
      const worker = await call('POST', '/v1/workers', { name: 'Ada Lovelace' })
      const clockIn = await call('POST', '/v1/time-entries/clock-in', {
        worker_id: worker.body.id,
        location_id: 'loc_1',
      })
      expect(clockIn.status).toBe(201)
      expect(
        (await call('POST', '/v1/time-entries/clock-in', { worker_id: worker.body.id })).status,
      ).toBe(409)
      await waitFor(1)
      const event = new StandardWebhook(hook.body.secret).verify(
        received()[0]!.body,
        received()[0]!.headers,
      ) as {
        type: string
        data: Record<string, unknown>
      }
      expect(event.type).toBe('clock.in')
      expect(event.data).toMatchObject({
        entry_id: clockIn.body.id,
        worker_id: worker.body.id,
        worker_name: 'Ada Lovelace',
        location_id: 'loc_1',
      })
      const out = await call('POST', '/v1/time-entries/clock-out', { worker_id: worker.body.id })
      expect(out.status).toBe(200)
      expect(out.body.total_minutes).toBe(0)
      expect(
        (await call('POST', '/v1/time-entries/clock-out', { worker_id: worker.body.id })).status,
      ).toBe(409)
      await waitFor(2)
      const deliveries = await call('GET', `/v1/webhooks/${hook.body.id}/deliveries`)
      expect(deliveries.body.data.map((d: { event_type: string }) => d.event_type).sort()).toEqual([
        'clock.in',
        'clock.out',
      ])
      const detail = await call('GET', `/v1/webhooks/${hook.body.id}`)
      expect(detail.body).toMatchObject({ id: hook.body.id, error_rate: 0 })
      expect(JSON.stringify(detail.body)).not.toContain(hook.body.secret)

      const test = await call('POST', `/v1/webhooks/${hook.body.id}/test`)
      expect(test.body).toMatchObject({
        delivery: { status: 'succeeded', is_test: true },
        attempt: { http_status: 204 },
      })

      const rotated = await call('POST', `/v1/webhooks/${hook.body.id}/rotate-secret`, {
        grace_period_seconds: 3600,
      })
      expect(rotated.body.secret).toMatch(/^whsec_/)
      const revealed = await call('GET', `/v1/webhooks/${hook.body.id}/secret`)
      expect(revealed.body.secret).toBe(rotated.body.secret)
      const audit = await call('GET', '/v1/audit-log')
      expect(audit.body.data.map((a: { action: string }) => a.action)).toEqual(
        expect.arrayContaining([
          'webhook.created',
          'webhook.secret_rotated',
          'webhook.secret_revealed',
        ]),
      )
      expect(JSON.stringify(audit.body)).not.toContain(rotated.body.secret)
    })

    it('pages the pull API over every event exactly once', async () => {
      const worker = await call('POST', '/v1/workers', { name: 'Grace' })
      for (let i = 0; i < 3; i++) {
        await call('POST', '/v1/time-entries/clock-in', { worker_id: worker.body.id })
        await call('POST', '/v1/time-entries/clock-out', { worker_id: worker.body.id })
      }
      const ids: string[] = []
      let cursor = ''
      for (let i = 0; i < 50; i++) {
        const page = await call('GET', `/v1/events?limit=2${cursor ? `&after=${cursor}` : ''}`)
        expect(page.status).toBe(200)
        ids.push(...page.body.data.map((e: { id: string }) => e.id))
        cursor = page.body.next_cursor
        if (!page.body.has_more) break
      }
      expect(new Set(ids).size).toBe(ids.length)
      const all = await call('GET', '/v1/events?limit=1000')
      expect(ids).toEqual(all.body.data.map((e: { id: string }) => e.id))
      const clocks = await call('GET', '/v1/events?types=clock.out&limit=1000')
      expect(clocks.body.data.every((e: { type: string }) => e.type === 'clock.out')).toBe(true)
      expect((await call('GET', '/v1/events?types=bogus')).status).toBe(400)
    })

    it('serves its OpenAPI document, the event catalog and health', async () => {
      const doc = await (await fetch(`${server.url}/openapi.json`)).json()
      expect(doc.openapi).toBe('3.1.0')
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/v1/workers', '/v1/webhooks/{id}/deliveries', '/v1/events']),
      )
      const catalog = await call('GET', '/v1/event-types')
      const clockIn = catalog.body.data.find((t: { type: string }) => t.type === 'clock.in')
      expect(clockIn.schemas['1'].properties).toHaveProperty('worker_id')
      expect(clockIn.schemas['2'].properties).toHaveProperty('worker')
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
    })
  })

describe('configuration', () => {
  it('names the variable that holds a bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => loadConfig({ CLOCKHOOK_ROLE: 'boss' })).toThrow(/CLOCKHOOK_ROLE/)
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/)
    expect(() => loadConfig({ CLOCKHOOK_MASTER_KEY: 'short' })).toThrow(/CLOCKHOOK_MASTER_KEY/)
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/CLOCKHOOK_MASTER_KEY/)
    expect(loadConfig({}).PORT).toBe(8080)
  })
})
