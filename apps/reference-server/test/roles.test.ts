import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databases } from './databases'
import { apiClient, eventually, runCli, startRecorder } from './support'

const OPERATOR = 'op_test_operator_key_that_is_long_enough_0123'
const postgres = databases.find((d) => d.name === 'postgres')!

describe.skipIf(!postgres.available)(
  '--role api and --role worker as two processes on Postgres',
  () => {
    let dir: string
    let dropDatabase = async () => {}
    let api: ReturnType<typeof runCli>
    let worker: ReturnType<typeof runCli>
    let apiUrl = ''
    let recorder: Awaited<ReturnType<typeof startRecorder>>

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'clockhook-roles-'))
      recorder = await startRecorder()
      const db = await postgres.create()
      dropDatabase = db.cleanup
      const env = {
        DATABASE_URL: db.databaseUrl!,
        CLOCKHOOK_DATA_DIR: dir,
        CLOCKHOOK_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
        CLOCKHOOK_OPERATOR_KEY: OPERATOR,
        CLOCKHOOK_ALLOW_PRIVATE_URLS: '1',
        PORT: '0',
      }
      // the worker first: tenants are made later, by the API process
      worker = runCli(['--role', 'worker'], env)
      await worker.printed('Created the first tenant')
      api = runCli(['--role', 'api'], env)
      await api.printed('/console')
      apiUrl = /Clockhook API on (http:\/\/\S+)/.exec(api.output())![1]!
    })
    afterAll(async () => {
      for (const p of [api, worker]) {
        if (p && p.child.exitCode === null) {
          p.child.kill('SIGTERM')
          await p.exited
        }
      }
      await recorder?.close()
      rmSync(dir, { recursive: true, force: true })
      await dropDatabase()
    })

    it('renders a tenant created after the worker started in that tenant’s default version', async () => {
      const operator = apiClient(() => apiUrl, OPERATOR)
      const tenant = await operator('POST', '/v1/tenants', { name: 'Acme', default_version: 2 })
      expect(tenant.status).toBe(201)
      const call = apiClient(() => apiUrl, tenant.body.admin_key)
      const hook = await call('POST', '/v1/webhooks', {
        name: 'payroll',
        url: recorder.url,
        events: ['clock.in'],
      })
      expect(hook.status).toBe(201)
      const worker = await call('POST', '/v1/workers', { name: 'Ada' })
      expect(
        (await call('POST', '/v1/time-entries/clock-in', { worker_id: worker.body.id })).status,
      ).toBe(201)
      const delivered = await eventually(async () => recorder.received[0] ?? false, 20_000)
      const envelope = JSON.parse(delivered.body)
      expect(envelope.type).toBe('clock.in')
      expect(envelope.data.worker).toEqual({ id: worker.body.id, name: 'Ada' })
      expect(envelope.data.worker_id).toBeUndefined()
    })

    it('stops within the shutdown deadline on SIGTERM', async () => {
      const started = Date.now()
      worker.child.kill('SIGTERM')
      expect(await worker.exited).toBe(0)
      expect(Date.now() - started).toBeLessThan(10_000)
    })
  },
)
