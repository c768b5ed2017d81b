import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databases } from './databases'
import { apiClient, startTestServer, type TestServer } from './support'

const ADMIN = 'ck_isolation_admin_key_long_enough_0123456789'
const OPERATOR = 'operator_key_that_is_long_enough_0123456789'

for (const database of databases)
  describe.skipIf(!database.available)(`tenancy and scopes on ${database.name}`, () => {
    let server: TestServer
    let otherAdmin: string
    const ids: Record<string, string> = {}

    const api = apiClient(() => server.url, ADMIN)
    const call = (method: string, path: string, key: string, body?: unknown) =>
      api(method, path, body, key)

    beforeAll(async () => {
      server = await startTestServer({
        database,
        env: {
          CLOCKHOOK_BOOTSTRAP_ADMIN_KEY: ADMIN,
          CLOCKHOOK_OPERATOR_KEY: OPERATOR,
          CLOCKHOOK_ALLOW_PRIVATE_URLS: '1',
        },
      })
      const tenant = await call('POST', '/v1/tenants', OPERATOR, { name: 'Other' })
      expect(tenant.status).toBe(201)
      otherAdmin = tenant.body.admin_key
      ids.worker = (await call('POST', '/v1/workers', ADMIN, { name: 'Ada' })).body.id
      ids.entry = (
        await call('POST', '/v1/time-entries/clock-in', ADMIN, { worker_id: ids.worker })
      ).body.id
      const hook = await call('POST', '/v1/webhooks', ADMIN, {
        name: 'h',
        url: 'http://127.0.0.1:9/hooks',
        events: ['clock.in'],
        enabled: false,
      })
      ids.webhook = hook.body.id
      const test = await call('POST', `/v1/webhooks/${ids.webhook}/test`, ADMIN)
      if (!test.body?.delivery) throw new Error(JSON.stringify(test))
      ids.delivery = test.body.delivery.id
      ids.key = (
        await call('POST', '/v1/api-keys', ADMIN, { name: 'k', scopes: ['time:read'] })
      ).body.id
    })
    afterAll(() => server?.cleanup())

    it('operator routes need the operator key, and failed tries are limited', async () => {
      expect((await call('GET', '/v1/tenants', ADMIN)).status).toBe(401)
      const statuses: number[] = []
      for (let i = 0; i < 25; i++)
        statuses.push((await call('GET', '/v1/tenants', `op_guess_${i}`)).status)
      expect(statuses).toContain(429)
      expect((await call('GET', '/v1/tenants', OPERATOR)).body.data).toHaveLength(2)
    })

    it("never shows one tenant's resources to another", async () => {
      const routes: Array<[string, string, unknown?]> = [
        ['GET', `/v1/workers/${ids.worker}`],
        ['PATCH', `/v1/workers/${ids.worker}`, { name: 'x' }],
        ['DELETE', `/v1/workers/${ids.worker}`],
        ['POST', '/v1/time-entries/clock-in', { worker_id: ids.worker }],
        ['POST', '/v1/time-entries/clock-out', { worker_id: ids.worker }],
        ['GET', `/v1/time-entries/${ids.entry}`],
        ['GET', `/v1/webhooks/${ids.webhook}`],
        ['PATCH', `/v1/webhooks/${ids.webhook}`, { name: 'x' }],
        ['DELETE', `/v1/webhooks/${ids.webhook}`],
        ['POST', `/v1/webhooks/${ids.webhook}/test`],
        ['GET', `/v1/webhooks/${ids.webhook}/secret`],
        ['POST', `/v1/webhooks/${ids.webhook}/rotate-secret`, {}],
        ['GET', `/v1/webhooks/${ids.webhook}/deliveries`],
        ['POST', `/v1/webhooks/${ids.webhook}/recover`, { since: new Date(0).toISOString() }],
        ['GET', `/v1/deliveries/${ids.delivery}`],
        ['POST', `/v1/deliveries/${ids.delivery}/resend`],
        ['PATCH', `/v1/api-keys/${ids.key}`, { name: 'x' }],
        ['DELETE', `/v1/api-keys/${ids.key}`],
        ['POST', `/v1/api-keys/${ids.key}/regenerate`],
      ]
      for (const [method, path, body] of routes) {
        const r = await call(method, path, otherAdmin, body)
        expect(r.status, `${method} ${path}`).toBe(404)
        expect(r.body.error.code).toBe('not_found')
      }
      for (const path of [
        '/v1/workers',
        '/v1/time-entries',
        '/v1/webhooks',
        '/v1/api-keys',
        '/v1/audit-log',
        '/v1/events',
      ]) {
        const r = await call('GET', path, otherAdmin)
        expect(r.status, path).toBe(200)
        const visible = JSON.stringify(r.body)
        for (const id of Object.values(ids)) expect(visible, path).not.toContain(id)
      }
      // and nothing changed for the owner
      expect((await call('GET', `/v1/workers/${ids.worker}`, ADMIN)).body.name).toBe('Ada')
    })

    it('enforces the scope of every route', async () => {
      const matrix: Array<[string, string, string, unknown?]> = [
        ['workers:read', 'GET', '/v1/workers'],
        ['workers:write', 'POST', '/v1/workers', { name: 'Bo' }],
        ['time:read', 'GET', '/v1/time-entries'],
        ['time:write', 'POST', '/v1/time-entries/clock-out', { worker_id: 'wkr_none' }],
        ['events:read', 'GET', '/v1/events'],
        ['events:read', 'GET', '/v1/event-types'],
        ['webhooks:read', 'GET', '/v1/webhooks'],
        [
          'webhooks:write',
          'POST',
          '/v1/webhooks',
          { name: 'h', url: 'http://127.0.0.1:9/', events: ['clock.in'] },
        ],
        ['admin', 'GET', '/v1/api-keys'],
        ['admin', 'GET', '/v1/audit-log'],
        ['admin', 'GET', `/v1/webhooks/${ids.webhook}/secret`],
      ]
      const scopes = [...new Set(matrix.map(([s]) => s))]
      const keys: Record<string, string> = {}
      for (const scope of scopes)
        keys[scope] = (
          await call('POST', '/v1/api-keys', ADMIN, { name: scope, scopes: [scope] })
        ).body.key
      for (const [needed, method, path, body] of matrix) {
        for (const scope of scopes) {
          const r = await call(method, path, keys[scope]!, body)
          // admin holds every scope; any other key only its own
          if (scope === needed || scope === 'admin')
            expect(r.status, `${scope} ${method} ${path}`).not.toBe(403)
          else expect(r.status, `${scope} ${method} ${path}`).toBe(403)
        }
      }
    })
  })
