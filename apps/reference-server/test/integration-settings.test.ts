import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDispatcher } from '@clockhook/dispatcher'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../src/index'
import { loadConfig, openDatabase, purgeByRetention, startServer } from '../src/index'
import { databases } from './databases'
import { apiClient, eventually, silent, startRecorder } from './support'

const ADMIN = 'ck_settings_admin_key_long_enough_0123456789'
const OPERATOR = 'operator_key_for_settings_long_enough_012345'
const DAY = 86_400_000

for (const database of databases)
  describe.skipIf(!database.available)(`integration settings routes on ${database.name}`, () => {
    let dir: string
    let databaseUrl: string | undefined
    let dropDatabase = async () => {}
    let server: RunningServer
    let recorder: Awaited<ReturnType<typeof startRecorder>>
    let failing: Awaited<ReturnType<typeof startRecorder>>
    const call = apiClient(() => server.url, ADMIN)
    let other: string
    let timeWriter: string
    let webhookWriter: string

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'clockhook-settings-'))
      const db = await database.create()
      databaseUrl = db.databaseUrl
      dropDatabase = db.cleanup
      recorder = await startRecorder()
      failing = await startRecorder(() => 500)
      server = await startServer(
        loadConfig({
          ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
          PORT: '0',
          CLOCKHOOK_DATA_DIR: dir,
          CLOCKHOOK_BOOTSTRAP_ADMIN_KEY: ADMIN,
          CLOCKHOOK_OPERATOR_KEY: OPERATOR,
          CLOCKHOOK_ALLOW_PRIVATE_URLS: '1',
          CLOCKHOOK_RETRY_SCHEDULE: '0',
        }),
        silent,
        () => {},
      )
      other = (await call('POST', '/v1/tenants', { name: 'Other' }, OPERATOR)).body.admin_key
      timeWriter = (
        await call('POST', '/v1/api-keys', { name: 'time', scopes: ['time:write', 'time:read'] })
      ).body.key
      webhookWriter = (
        await call('POST', '/v1/api-keys', {
          name: 'hooks',
          scopes: ['webhooks:write', 'webhooks:read', 'events:read', 'workers:write'],
        })
      ).body.key
    })
    afterAll(async () => {
      await server?.close()
      await recorder?.close()
      await failing?.close()
      rmSync(dir, { recursive: true, force: true })
      await dropDatabase()
    })

    /** A second handle on the server's database, as another process would open it. */
    const withDatabase = async <T>(
      run: (d: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
    ) => {
      const d = await openDatabase({ url: databaseUrl, dataDir: dir })
      try {
        return await run(d)
      } finally {
        await d.close()
      }
    }

    it('reads and changes the tenant settings, audited, admin only, per tenant', async () => {
      const initial = await call('GET', '/v1/settings')
      expect(initial.status).toBe(200)
      expect(initial.body).toEqual({
        name: 'Default',
        default_version: null,
        effective_version: 1,
        latest_stable_version: 1,
        retention_days: 30,
        require_https: false,
      })
      expect((await call('GET', '/v1/settings', undefined, webhookWriter)).status).toBe(403)
      expect((await call('PATCH', '/v1/settings', { name: 'x' }, timeWriter)).status).toBe(403)
      const bad = await call('PATCH', '/v1/settings', { retention_days: 0, default_version: 7 })
      expect(bad.status).toBe(400)
      expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
        'default_version',
        'retention_days',
      ])
      const changed = await call('PATCH', '/v1/settings', {
        name: 'Acme Payroll',
        default_version: 2,
        retention_days: 90,
      })
      expect(changed.body).toMatchObject({
        name: 'Acme Payroll',
        default_version: 2,
        effective_version: 2,
        retention_days: 90,
      })
      expect((await call('GET', '/v1/settings', undefined, other)).body).toMatchObject({
        name: 'Other',
        default_version: null,
        retention_days: 30,
      })
      const log = (await call('GET', '/v1/audit-log')).body.data
      const entry = log.find((e: { action: string }) => e.action === 'settings.updated')
      expect(entry.actor).toMatch(/^api_key:key_/)
      expect(entry.actor_name).toBe('admin')
      expect(entry.details.changes).toMatchObject({
        name: { from: 'Default', to: 'Acme Payroll' },
        default_version: { from: null, to: 2 },
        retention_days: { from: 30, to: 90 },
      })

      // the new default version is what the next delivery and the pull API carry
      const hook = await call('POST', '/v1/webhooks', {
        name: 'v',
        url: recorder.url,
        events: ['worker.created'],
      })
      await call('POST', '/v1/workers', { name: 'Versioned' })
      const got = await eventually(async () => recorder.received.at(-1) ?? false)
      expect(JSON.parse(got.body).data.worker).toMatchObject({ name: 'Versioned' })
      const pulled = await call('GET', '/v1/events?types=worker.created')
      expect(pulled.body.data.at(-1).data.worker.name).toBe('Versioned')

      await call('PATCH', '/v1/settings', { default_version: null })
      const before = recorder.received.length
      await call('POST', '/v1/workers', { name: 'Latest' })
      const latest = await eventually(async () => recorder.received[before] ?? false)
      expect(JSON.parse(latest.body).data).toMatchObject({ worker_name: 'Latest' })
      await call('DELETE', `/v1/webhooks/${hook.body.id}`)
    })

    it('lists revoked API keys on request, with when they were revoked', async () => {
      const key = (await call('POST', '/v1/api-keys', { name: 'old', scopes: ['time:read'] })).body
      expect((await call('DELETE', `/v1/api-keys/${key.id}`)).status).toBe(204)
      const live = (await call('GET', '/v1/api-keys')).body.data
      expect(live.map((k: { id: string }) => k.id)).not.toContain(key.id)
      const all = (await call('GET', '/v1/api-keys?include_revoked=true')).body.data
      expect(all.find((k: { id: string }) => k.id === key.id).revoked_at).toEqual(
        expect.any(String),
      )
      expect((await call('GET', '/v1/api-keys?include_revoked=yes')).status).toBe(400)
    })

    it('corrects and deletes time entries with events, validated and tenant-scoped', async () => {
      const worker = (await call('POST', '/v1/workers', { name: 'Ada' })).body
      const clock = (path: string, timestamp: string) =>
        call('POST', `/v1/time-entries/${path}`, { worker_id: worker.id, timestamp }, timeWriter)
      const first = (await clock('clock-in', '2026-11-02T08:00:00Z')).body
      await clock('clock-out', '2026-11-02T12:00:00Z')
      const second = (await clock('clock-in', '2026-11-02T13:00:00Z')).body
      await clock('clock-out', '2026-11-02T17:00:00Z')

      const patch = (id: string, b: unknown, key = timeWriter) =>
        call('PATCH', `/v1/time-entries/${id}`, b, key)
      const backwards = await patch(first.id, { clock_out: '2026-11-02T07:00:00Z' })
      expect(backwards.status).toBe(400)
      expect(backwards.body.error.details[0].path).toBe('clock_out')
      const overlapping = await patch(first.id, { clock_out: '2026-11-02T13:30:00Z' })
      expect(overlapping.status).toBe(409)
      expect(overlapping.body.error.message).toContain(second.id)
      expect((await patch(first.id, { clock_in: 'yesterday' })).status).toBe(400)
      expect((await patch(first.id, { total_minutes: 3 })).status).toBe(400)
      expect((await patch(first.id, { location_id: 'x' }, webhookWriter)).status).toBe(403)
      expect((await patch(first.id, { location_id: 'x' }, other)).status).toBe(404)
      expect((await call('DELETE', `/v1/time-entries/${first.id}`, undefined, other)).status).toBe(
        404,
      )

      const fixed = await patch(first.id, {
        clock_in: '2026-11-02T07:30:00Z',
        location_id: 'loc_hq',
      })
      expect(fixed.status).toBe(200)
      expect(fixed.body).toMatchObject({
        clock_in: '2026-11-02T07:30:00.000Z',
        location_id: 'loc_hq',
        total_minutes: 270,
      })
      const deleted = await call('DELETE', `/v1/time-entries/${second.id}`, undefined, timeWriter)
      expect(deleted.status).toBe(204)
      expect((await call('GET', `/v1/time-entries/${second.id}`)).status).toBe(404)

      const events = (await call('GET', '/v1/events?types=time_entry.updated,time_entry.deleted'))
        .body.data
      expect(events.map((e: { type: string }) => e.type)).toEqual([
        'time_entry.updated',
        'time_entry.deleted',
      ])
      expect(events[0].data).toMatchObject({
        entry_id: first.id,
        worker_name: 'Ada',
        changed_fields: ['clock_in', 'location_id'],
        total_minutes: 270,
      })
      expect(events[1].data).toMatchObject({
        entry_id: second.id,
        clock_out: '2026-11-02T17:00:00.000Z',
      })
      const types = (await call('GET', '/v1/event-types')).body.data
      const updated = types.find((t: { type: string }) => t.type === 'time_entry.updated')
      expect(updated.schemas['2'].properties.worker).toBeDefined()
      expect(updated.schemas['1'].required).toContain('changed_fields')
    })

    it('shows status, error rate, version and delivery tuning; warns about http://', async () => {
      const created = await call(
        'POST',
        '/v1/webhooks',
        {
          name: 'Payroll',
          url: failing.url,
          events: ['worker.created'],
          version: 2,
          ordered: true,
          rate_limit_per_second: 5,
          max_concurrency: 2,
        },
        webhookWriter,
      )
      expect(created.status).toBe(201)
      expect(created.body).toMatchObject({
        status: 'active',
        error_rate: 0,
        version: 2,
        ordered: true,
        rate_limit_per_second: 5,
        max_concurrency: 2,
      })
      expect(created.body.warnings[0]).toMatch(/unencrypted/)
      const id = created.body.id
      expect(
        (
          await call(
            'POST',
            '/v1/webhooks',
            { name: 'x', url: failing.url, events: ['clock.in'], rate_limit_per_second: 0 },
            webhookWriter,
          )
        ).status,
      ).toBe(400)

      const unreadable = await call(
        'POST',
        '/v1/webhooks',
        { name: '', url: 'nope', events: [], colour: 'red' },
        webhookWriter,
      )
      expect(unreadable.status).toBe(400)
      expect(unreadable.body.error.details).toEqual(
        expect.arrayContaining([
          { path: 'name', message: 'must not be empty' },
          { path: 'url', message: 'must be a URL (https://…)' },
          { path: 'events', message: 'must have at least 1 item' },
          { path: '', message: 'unknown field: colour' },
        ]),
      )
      await call('POST', '/v1/workers', { name: 'Fails' }, webhookWriter)
      const failed = await eventually(async () => {
        const w = (await call('GET', `/v1/webhooks/${id}`, undefined, webhookWriter)).body
        return w.status === 'failing' ? w : false
      })
      expect(failed.error_rate).toBe(1)
      expect(failed.failing_since).not.toBeNull()
      const listed = (await call('GET', '/v1/webhooks', undefined, webhookWriter)).body.data
      expect(listed.find((w: { id: string }) => w.id === id)).toMatchObject({
        status: 'failing',
        error_rate: 1,
        version: 2,
        ordered: true,
      })

      const patched = await call(
        'PATCH',
        `/v1/webhooks/${id}`,
        { enabled: false, ordered: false, rate_limit_per_second: null, max_concurrency: 8 },
        webhookWriter,
      )
      expect(patched.body).toMatchObject({
        status: 'disabled',
        ordered: false,
        rate_limit_per_second: null,
        max_concurrency: 8,
      })

      // require_https: http:// is refused for new and changed URLs, with the field named
      expect((await call('PATCH', '/v1/settings', { require_https: true })).status).toBe(200)
      const refused = await call(
        'POST',
        '/v1/webhooks',
        { name: 'plain', url: 'http://127.0.0.1:9/h', events: ['clock.in'] },
        webhookWriter,
      )
      expect(refused.status).toBe(400)
      expect(refused.body.error.details).toEqual([{ path: 'url', message: expect.any(String) }])
      expect(
        (await call('PATCH', `/v1/webhooks/${id}`, { url: 'http://127.0.0.1:9/x' }, webhookWriter))
          .status,
      ).toBe(400)
      // an existing http:// webhook can still be changed otherwise, and says why it is unsafe
      const kept = await call('PATCH', `/v1/webhooks/${id}`, { name: 'Payroll 2' }, webhookWriter)
      expect(kept.status).toBe(200)
      expect(kept.body.warnings).toHaveLength(1)
      // another tenant has its own rule
      expect(
        (
          await call(
            'POST',
            '/v1/webhooks',
            { name: 'plain', url: 'http://127.0.0.1:9/h', events: ['clock.in'] },
            other,
          )
        ).status,
      ).toBe(201)
      await call('PATCH', '/v1/settings', { require_https: false })
    })

    it('gives a partner a portal link that reaches only its webhooks, until it expires', async () => {
      const mk = async (name: string) =>
        (
          await call('POST', '/v1/webhooks', {
            name,
            url: recorder.url,
            events: ['clock.in'],
          })
        ).body.id as string
      const mine = await mk('Partner')
      const notMine = await mk('Internal')
      const foreign = (
        await call(
          'POST',
          '/v1/webhooks',
          { name: 'theirs', url: recorder.url, events: ['clock.in'] },
          other,
        )
      ).body.id as string
      const notMineDelivery = (await call('POST', `/v1/webhooks/${notMine}/test`)).body.delivery.id

      expect(
        (await call('POST', '/v1/portal-sessions', { webhook_ids: [mine] }, webhookWriter)).status,
      ).toBe(403)
      const wrong = await call('POST', '/v1/portal-sessions', { webhook_ids: [mine, foreign] })
      expect(wrong.status).toBe(400)
      expect(wrong.body.error.details).toEqual([
        { path: 'webhook_ids.1', message: `webhook ${foreign} not found` },
      ])
      expect((await call('POST', '/v1/portal-sessions', { expires_in: 5 })).status).toBe(400)

      const session = await call('POST', '/v1/portal-sessions', {
        webhook_ids: [mine],
        expires_in: 600,
      })
      expect(session.status).toBe(201)
      expect(session.body.url).toMatch(new RegExp(`^${server.url}/console#portal=ckp_`))
      expect(Date.parse(session.body.expires_at)).toBeGreaterThan(Date.now())
      const token = session.body.url.split('#portal=')[1]
      const portal = (method: string, path: string, b?: unknown) => call(method, path, b, token)

      const list = await portal('GET', '/v1/webhooks')
      expect(list.body.data.map((w: { id: string }) => w.id)).toEqual([mine])
      expect((await portal('GET', `/v1/webhooks/${mine}`)).status).toBe(200)
      expect((await portal('PATCH', `/v1/webhooks/${mine}`, { name: 'Renamed' })).status).toBe(200)
      expect((await portal('GET', `/v1/webhooks/${mine}/secret`)).body.secret).toMatch(/^whsec_/)
      const test = await portal('POST', `/v1/webhooks/${mine}/test`)
      expect(test.status).toBe(200)
      expect((await portal('GET', `/v1/deliveries/${test.body.delivery.id}`)).status).toBe(200)
      expect((await portal('GET', '/v1/event-types')).status).toBe(200)
      for (const [method, path] of [
        ['GET', `/v1/webhooks/${notMine}`],
        ['PATCH', `/v1/webhooks/${notMine}`],
        ['GET', `/v1/webhooks/${notMine}/secret`],
        ['DELETE', `/v1/webhooks/${notMine}`],
        ['GET', `/v1/webhooks/${foreign}`],
        ['GET', `/v1/deliveries/${notMineDelivery}`],
        ['POST', `/v1/deliveries/${notMineDelivery}/resend`],
        ['POST', '/v1/webhooks'],
        ['GET', '/v1/workers'],
        ['GET', '/v1/api-keys'],
        ['GET', '/v1/settings'],
        ['GET', '/v1/audit-log'],
        ['POST', '/v1/portal-sessions'],
      ] as const) {
        const res = await portal(method, path, method === 'GET' ? undefined : {})
        expect(res.status, `${method} ${path}`).toBe(403)
      }
      const audit = (await call('GET', '/v1/audit-log')).body.data
      expect(
        audit.find((e: { action: string }) => e.action === 'portal_session.created'),
      ).toMatchObject({ target: session.body.id, details: { webhook_ids: [mine] } })
      expect(
        audit.find((e: { action: string }) => e.action === 'webhook.secret_revealed').actor,
      ).toBe(`portal:${session.body.id}`)

      // a link for all webhooks may create one; an expired link is refused
      const all = (await call('POST', '/v1/portal-sessions', {})).body
      const allToken = all.url.split('#portal=')[1]
      expect(all.webhook_ids).toBeNull()
      const made = await call(
        'POST',
        '/v1/webhooks',
        { name: 'by partner', url: recorder.url, events: ['clock.in'] },
        allToken,
      )
      expect(made.status).toBe(201)
      expect(
        (await call('GET', '/v1/webhooks', undefined, allToken)).body.data.length,
      ).toBeGreaterThanOrEqual(3)
      expect((await call('GET', `/v1/webhooks/${foreign}`, undefined, allToken)).status).toBe(404)
      await withDatabase((d) =>
        d.db
          .updateTable('portal_sessions')
          .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
          .execute(),
      )
      const expired = await portal('GET', '/v1/webhooks')
      expect(expired.status).toBe(401)
      expect(expired.body.error.message).toMatch(/expired/)
    })

    it('purges each tenant’s delivered payloads after its own retention, and expired portal links', async () => {
      const hook = await call('POST', '/v1/webhooks', {
        name: 'retained',
        url: recorder.url,
        events: ['clock.in'],
      })
      await call('POST', `/v1/webhooks/${hook.body.id}/test`)
      await withDatabase(async (d) => {
        const dispatcher = createDispatcher({ store: d.store })
        const count = async () =>
          (await dispatcher.listDeliveries(hook.body.id, { limit: 10 })).data.length
        expect(await count()).toBe(1)
        // 90 days of retention: 31 days on, nothing goes
        await call('PATCH', '/v1/settings', { retention_days: 90 })
        const early = await purgeByRetention(d.db, dispatcher, Date.now() + 31 * DAY)
        expect(early.deliveries).toBe(0)
        expect(await count()).toBe(1)
        await call('PATCH', '/v1/settings', { retention_days: 10 })
        const late = await purgeByRetention(d.db, dispatcher, Date.now() + 31 * DAY)
        expect(late.deliveries).toBeGreaterThanOrEqual(1)
        expect(late.attempts).toBeGreaterThanOrEqual(1)
        expect(await count()).toBe(0)
        expect(await d.db.selectFrom('portal_sessions').select('id').execute()).toEqual([])
      })
    })
  })
