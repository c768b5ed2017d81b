import { Webhook, WebhookError, WebhookVerificationError } from '@clockhook/signer'
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { WebhookEvent } from '../src/index'
import { useServerAndReceiver } from './support'

describe('webhooks.verify', () => {
  const suite = useServerAndReceiver()

  it('returns the typed clock.in event a real delivery carries, in version 1 and 2', async () => {
    const { data: v1 } = await suite.clockhook.webhooks.create({
      name: 'v1',
      url: `${suite.receiver.url}?v=1`,
      events: ['clock.in'],
      version: 1,
    })
    const { data: v2 } = await suite.clockhook.webhooks.create({
      name: 'v2',
      url: `${suite.receiver.url}?v=2`,
      events: ['clock.in'],
      version: 2,
    })
    const { data: worker } = await suite.clockhook.workers.create({ name: 'Ada' })
    const { data: entry } = await suite.clockhook.timeEntries.clockIn({ worker_id: worker.id })
    const requests = await suite.receiver.waitFor(2)
    const byVersion = (v: string) => requests.find((r) => r.url.endsWith(`v=${v}`))!

    const one = await suite.clockhook.webhooks.verify(
      byVersion('1').body,
      byVersion('1').headers,
      v1.secret,
      { version: 1 },
    )
    expect(one.id).toBe(byVersion('1').headers['webhook-id'])
    expect(one.type).toBe('clock.in')
    if (one.type !== 'clock.in') throw new Error('unreachable')
    expectTypeOf(one.data.worker_name).toEqualTypeOf<string>()
    expect(one.data).toMatchObject({ entry_id: entry.id, worker_id: worker.id, worker_name: 'Ada' })

    const two = await suite.clockhook.webhooks.verify(
      byVersion('2').body,
      new Headers(byVersion('2').headers as Record<string, string>),
      v2.secret,
      { version: 2 },
    )
    if (two.type !== 'clock.in') throw new Error('unreachable')
    expectTypeOf(two.data.worker).toEqualTypeOf<{ id: string; name: string }>()
    expect(two.data.worker).toEqual({ id: worker.id, name: 'Ada' })
  })

  it('types every event and version as one discriminated union', () => {
    expectTypeOf<
      Extract<WebhookEvent<1>, { type: 'clock.out' }>['data']['total_minutes']
    >().toEqualTypeOf<number>()
    expectTypeOf<WebhookEvent['type']>().toEqualTypeOf<
      | 'clock.in'
      | 'clock.out'
      | 'worker.created'
      | 'worker.updated'
      | 'worker.deleted'
      | 'shift.created'
      | 'document.expired'
      | 'time_entry.updated'
      | 'time_entry.deleted'
      | 'webhook.test'
    >()
  })

  it('throws the signer’s WebhookVerificationError on a tampered body or a wrong secret', async () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
    const body = JSON.stringify({
      type: 'clock.in',
      timestamp: new Date().toISOString(),
      data: {
        entry_id: 'te_1',
        worker_id: 'wkr_1',
        worker_name: 'Ada',
        clock_in: 'x',
        location_id: null,
      },
    })
    const headers = new Webhook(secret).signHeaders('msg_1', new Date(), body)
    const ok = await suite.clockhook.webhooks.verify(body, headers, secret)
    expect(ok).toMatchObject({ id: 'msg_1', type: 'clock.in' })

    const tampered = await suite.clockhook.webhooks
      .verify(body.replace('Ada', 'Eve'), headers, secret)
      .catch((e) => e)
    expect(tampered).toBeInstanceOf(WebhookVerificationError)
    expect(tampered.code).toBe('no_matching_signature')

    const wrongSecret = await suite.clockhook.webhooks
      .verify(body, headers, 'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
      .catch((e) => e)
    expect(wrongSecret).toBeInstanceOf(WebhookVerificationError)

    const stale = await suite.clockhook.webhooks
      .verify(
        body,
        new Webhook(secret).signHeaders('msg_1', new Date(Date.now() - 3_600_000), body),
        secret,
      )
      .catch((e) => e)
    expect(stale.code).toBe('timestamp_too_old')
  })

  it('takes a process.env secret (string | undefined) and rejects an unset one with a clear error', async () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
    const body = '{"type":"worker.deleted","timestamp":"2026-01-01T00:00:00.000Z","data":{}}'
    const headers = new Webhook(secret).signHeaders('msg_3', new Date(), body)
    const fromEnv: string | undefined = process.env.CLOCKHOOK_TEST_SECRET_NOT_SET
    const unset = await suite.clockhook.webhooks.verify(body, headers, fromEnv).catch((e) => e)
    expect(unset).toBeInstanceOf(WebhookError)
    expect(unset).not.toBeInstanceOf(WebhookVerificationError)
    expect(unset.code).toBe('invalid_secret')
    expect(unset.message).toMatch(/undefined — is the environment variable set\?/)
    const set: string | undefined = secret
    expect(
      (await suite.clockhook.webhooks.verify(body, headers, [fromEnv ?? secret, set])).id,
    ).toBe('msg_3')
  })

  it('accepts the old and the new secret during a rotation', async () => {
    const oldSecret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
    const newSecret = 'whsec_bm90IGEgcmVhbCBzZWNyZXQgYnV0IGxvbmcgZW5vdWdo'
    const body =
      '{"type":"worker.deleted","timestamp":"2026-01-01T00:00:00.000Z","data":{"worker_id":"wkr_1","worker_name":"Ada"}}'
    const headers = new Webhook(oldSecret).signHeaders('msg_2', new Date(), body)
    const event = await suite.clockhook.webhooks.verify(body, headers, [newSecret, oldSecret])
    expect(event.type).toBe('worker.deleted')
  })
})
