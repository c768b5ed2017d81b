import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Webhook } from '@clockhook/signer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../src/index'
import { loadConfig, startServer } from '../src/index'
import { apiClient, eventually, silent, startRecorder } from './support'

const ADMIN = 'ck_lifecycle_admin_key_long_enough_0123456789'

describe('delivery lifecycle through the API', () => {
  let dir: string
  let server: RunningServer
  let recorder: Awaited<ReturnType<typeof startRecorder>>
  let url: string
  let status = 500
  const env = () => ({
    PORT: '0',
    CLOCKHOOK_DATA_DIR: dir,
    CLOCKHOOK_BOOTSTRAP_ADMIN_KEY: ADMIN,
    CLOCKHOOK_ALLOW_PRIVATE_URLS: '1',
    CLOCKHOOK_RETRY_SCHEDULE: '0,0.2,0.2',
  })
  const call = apiClient(() => server.url, ADMIN)

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clockhook-lifecycle-'))
    recorder = await startRecorder(() => status)
    url = recorder.url
    server = await startServer(loadConfig(env()), silent, () => {})
  })
  afterAll(async () => {
    await server?.close()
    await recorder.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('shows a failing receiver as retrying, then failed; resend delivers the same message', async () => {
    const hook = (
      await call('POST', '/v1/webhooks', { name: 'r', url, events: ['worker.created'] })
    ).body
    const worker = (await call('POST', '/v1/workers', { name: 'Ada' })).body
    const retrying = await eventually(async () => {
      const list = (await call('GET', `/v1/webhooks/${hook.id}/deliveries`)).body.data
      return list[0]?.status === 'retrying' ? list[0] : false
    })
    expect(retrying).toMatchObject({ event_type: 'worker.created', last_http_status: 500 })
    const failed = await eventually(async () => {
      const list = (await call('GET', `/v1/webhooks/${hook.id}/deliveries?status=failed`)).body.data
      return list[0] ?? false
    })
    expect(failed.attempts).toBe(3)
    const detail = (await call('GET', `/v1/deliveries/${failed.id}`)).body
    expect(detail.attempts_detail).toHaveLength(3)
    expect(detail.attempts_detail[0]).toMatchObject({ http_status: 500, succeeded: false })

    status = 204
    expect((await call('POST', `/v1/deliveries/${failed.id}/resend`)).status).toBe(202)
    await eventually(
      async () => (await call('GET', `/v1/deliveries/${failed.id}`)).body.status === 'succeeded',
    )
    const ids = new Set(recorder.received.map((r) => r.headers['webhook-id']))
    expect(ids.size).toBe(1)
    const last = recorder.received[recorder.received.length - 1]!
    expect(new Webhook(hook.secret).verify(last.body, last.headers)).toMatchObject({
      data: { worker_id: worker.id },
    })
  })

  it('disables a webhook that answers 410 Gone and says so in the audit log', async () => {
    status = 410
    const hook = (
      await call('POST', '/v1/webhooks', {
        name: 'gone',
        url: `${url}?gone`,
        events: ['worker.created'],
      })
    ).body
    await call('POST', '/v1/workers', { name: 'Gone' })
    const disabled = await eventually(async () => {
      const w = (await call('GET', `/v1/webhooks/${hook.id}`)).body
      return w.enabled === false ? w : false
    })
    expect(disabled.disabled_reason).toBe('gone')
    const audit = await eventually(async () => {
      const entries = (await call('GET', '/v1/audit-log')).body.data as Array<{
        action: string
        target: string
        actor: string
      }>
      return (
        entries.find((e) => e.action === 'webhook.auto_disabled' && e.target === hook.id) ?? false
      )
    })
    expect(audit.actor).toBe('system')
    status = 204
  })

  it('renders each webhook for its pinned payload version', async () => {
    status = 204
    const v2 = (
      await call('POST', '/v1/webhooks', {
        name: 'v2',
        url: `${url}?v2`,
        events: ['clock.in'],
        version: 2,
      })
    ).body
    const worker = (await call('POST', '/v1/workers', { name: 'Grace' })).body
    const before = recorder.received.length
    await call('POST', '/v1/time-entries/clock-in', { worker_id: worker.id })
    await eventually(async () => recorder.received.length > before || false)
    const body = JSON.parse(recorder.received[recorder.received.length - 1]!.body)
    expect(body.data.worker).toEqual({ id: worker.id, name: 'Grace' })
    expect(body.data).not.toHaveProperty('worker_id')
    expect(
      new Webhook(v2.secret).verify(
        recorder.received[recorder.received.length - 1]!.body,
        recorder.received[recorder.received.length - 1]!.headers,
      ),
    ).toBeTruthy()
  })

  it('loses nothing across a restart in the middle of a stream', async () => {
    status = 204
    const hook = (
      await call('POST', '/v1/webhooks', {
        name: 'stream',
        url: `${url}?stream`,
        events: ['worker.created'],
      })
    ).body
    const sent: string[] = []
    for (let i = 0; i < 40; i++)
      sent.push((await call('POST', '/v1/workers', { name: `w${i}` })).body.id)
    await server.close()
    server = await startServer(loadConfig(env()), silent, () => {})
    for (let i = 40; i < 60; i++)
      sent.push((await call('POST', '/v1/workers', { name: `w${i}` })).body.id)
    const secret = (await call('GET', `/v1/webhooks/${hook.id}/secret`)).body.secret
    const got = await eventually(async () => {
      const mine = recorder.received.filter((r) => {
        try {
          new Webhook(secret).verify(r.body, r.headers)
          return true
        } catch {
          return false
        }
      })
      const workers = new Set(mine.map((r) => JSON.parse(r.body).data.worker_id as string))
      return workers.size >= sent.length ? workers : false
    })
    expect([...got].sort()).toEqual([...sent].sort())
  })
})
