import { Webhook } from '@clockhook/signer'
import { describe, expect, it } from 'vitest'
import {
  AuthenticationError,
  Clockhook,
  ConflictError,
  NotFoundError,
  PermissionError,
  ValidationError,
} from '../src/index'
import { useServerAndReceiver } from './support'

describe('every resource method against the reference server', () => {
  const suite = useServerAndReceiver()

  it('workers: create, retrieve, update, list, delete', async () => {
    const created = await suite.clockhook.workers.create({ name: 'Ada', email: 'ada@example.com' })
    expect(created.status).toBe(201)
    expect(created.requestId).toBeTruthy()
    const ada = created.data
    expect(ada).toMatchObject({ name: 'Ada', email: 'ada@example.com' })
    expect(ada.id).toMatch(/^wkr_/)

    expect((await suite.clockhook.workers.retrieve(ada.id)).data).toEqual(ada)
    const updated = await suite.clockhook.workers.update(ada.id, { name: 'Ada L.' })
    expect(updated.data.name).toBe('Ada L.')

    const page = await suite.clockhook.workers.list()
    expect(page.data.map((w) => w.id)).toContain(ada.id)

    const deleted = await suite.clockhook.workers.delete(ada.id)
    expect(deleted.status).toBe(204)
    expect(deleted.data).toBeNull()
    await expect(suite.clockhook.workers.retrieve(ada.id)).rejects.toBeInstanceOf(NotFoundError)
  })

  it('time entries: clock in and out, retrieve, list with a filter; 409 when clocked in twice', async () => {
    const { data: bo } = await suite.clockhook.workers.create({ name: 'Bo' })
    const { data: entry } = await suite.clockhook.timeEntries.clockIn({ worker_id: bo.id })
    expect(entry).toMatchObject({ worker_id: bo.id, clock_out: null })
    const again = await suite.clockhook.timeEntries.clockIn({ worker_id: bo.id }).catch((e) => e)
    expect(again).toBeInstanceOf(ConflictError)
    expect(again.status).toBe(409)

    const { data: out } = await suite.clockhook.timeEntries.clockOut({ worker_id: bo.id })
    expect(out.id).toBe(entry.id)
    expect(out.clock_out).not.toBeNull()
    expect((await suite.clockhook.timeEntries.retrieve(entry.id)).data.clock_out).toBe(
      out.clock_out,
    )
    const list = await suite.clockhook.timeEntries.list({ worker_id: bo.id })
    expect(list.data.map((e) => e.id)).toEqual([entry.id])
  })

  it('shifts and documents: create and list', async () => {
    const { data: cy } = await suite.clockhook.workers.create({ name: 'Cy' })
    const { data: shift } = await suite.clockhook.shifts.create({
      worker_id: cy.id,
      shift_date: '2026-12-01',
      start_time: '08:00',
      end_time: '16:00',
    })
    expect(shift.id).toMatch(/^shf_/)
    expect((await suite.clockhook.shifts.list({ worker_id: cy.id })).data).toEqual([shift])

    const { data: doc } = await suite.clockhook.documents.create(cy.id, {
      kind: 'first_aid',
      expires_on: '2030-01-31',
    })
    expect(doc).toMatchObject({ worker_id: cy.id, kind: 'first_aid', expired: false })
    expect((await suite.clockhook.documents.list(cy.id)).data).toEqual([doc])
  })

  it('webhooks: create, retrieve, update, list, test, reveal and rotate the secret, recover, delete', async () => {
    const { data: wh } = await suite.clockhook.webhooks.create({
      name: 'payroll',
      url: suite.receiver.url,
      events: ['clock.in'],
    })
    expect(wh.secret).toMatch(/^whsec_/)
    expect((await suite.clockhook.webhooks.retrieve(wh.id)).data).toMatchObject({
      id: wh.id,
      recent_deliveries: [],
    })
    const { data: renamed } = await suite.clockhook.webhooks.update(wh.id, { name: 'payroll v2' })
    expect(renamed.name).toBe('payroll v2')
    expect((await suite.clockhook.webhooks.list()).data.map((w) => w.id)).toContain(wh.id)

    const { data: tested } = await suite.clockhook.webhooks.test(wh.id)
    expect(tested.delivery.is_test).toBe(true)
    const [request] = await suite.receiver.waitFor(1)
    const event = new Webhook(wh.secret).verify<{ type: string }>(
      request!.body,
      request!.headers as Record<string, string>,
    )
    expect(event.type).toBe('webhook.test')

    expect((await suite.clockhook.webhooks.revealSecret(wh.id)).data.secret).toBe(wh.secret)
    const { data: rotated } = await suite.clockhook.webhooks.rotateSecret(wh.id, {
      grace_period_seconds: 60,
    })
    expect(rotated.secret).not.toBe(wh.secret)
    const revealed = (await suite.clockhook.webhooks.revealSecret(wh.id)).data
    expect(revealed.secret).toBe(rotated.secret)
    expect(revealed.previous.map((p) => p.secret)).toEqual([wh.secret])

    const { data: recovered } = await suite.clockhook.webhooks.recover(wh.id, {
      since: new Date(Date.now() - 60_000).toISOString(),
    })
    expect(recovered).toEqual({ requeued: expect.any(Number), created: expect.any(Number) })

    expect((await suite.clockhook.webhooks.delete(wh.id)).status).toBe(204)
    await expect(suite.clockhook.webhooks.retrieve(wh.id)).rejects.toBeInstanceOf(NotFoundError)
  })

  it('deliveries: webhooks.deliveries.list, deliveries.retrieve and resend', async () => {
    const { data: wh } = await suite.clockhook.webhooks.create({
      name: 'deliveries',
      url: suite.receiver.url,
      events: ['clock.in'],
    })
    const { data: tested } = await suite.clockhook.webhooks.test(wh.id)
    const page = await suite.clockhook.webhooks.deliveries.list(wh.id, { status: 'succeeded' })
    expect(page.data.map((d) => d.id)).toEqual([tested.delivery.id])
    expect(
      (await suite.clockhook.webhooks.deliveries.list(wh.id, { status: 'failed' })).data,
    ).toEqual([])

    const { data: detail } = await suite.clockhook.deliveries.retrieve(tested.delivery.id)
    expect(detail).toMatchObject({ id: tested.delivery.id, webhook_id: wh.id })
    expect(detail.attempts_detail.length).toBe(1)

    const before = suite.receiver.received.length
    const { data: resent } = await suite.clockhook.deliveries.resend(tested.delivery.id)
    expect(resent.message_id).toBe(tested.delivery.message_id)
    const requests = await suite.receiver.waitFor(before + 1)
    expect(requests[before]!.headers['webhook-id']).toBe(tested.delivery.message_id)
  })

  it('events and event types: the pull API lists clock.in with a typed payload', async () => {
    const { data: types } = await suite.clockhook.eventTypes.list()
    expect(types.map((t) => t.type)).toContain('clock.in')
    expect(Object.keys(types[0]!.schemas)).toEqual(['1', '2'])

    const { data: di } = await suite.clockhook.workers.create({ name: 'Di' })
    const { data: entry } = await suite.clockhook.timeEntries.clockIn({ worker_id: di.id })
    const seen = []
    for await (const event of suite.clockhook.events.list({ types: ['clock.in'] })) {
      if (event.type === 'clock.in' && 'worker_id' in event.data) seen.push(event.data.entry_id)
    }
    expect(seen).toContain(entry.id)
    const page = await suite.clockhook.events.list({ types: ['clock.in'], limit: 1000 })
    expect(page.has_more).toBe(false)
    const tail = await suite.clockhook.events.list({
      after: page.next_cursor!,
      types: ['clock.in'],
    })
    expect(tail.data).toEqual([])
    expect(tail.next_cursor).toBe(page.next_cursor)
  })

  it('api keys and the audit log: create, list, update, regenerate, delete; 401 and 403', async () => {
    const { data: key } = await suite.clockhook.apiKeys.create({
      name: 'reader',
      scopes: ['workers:read'],
    })
    expect(key.key).toMatch(/^ck_/)
    const reader = new Clockhook({ apiKey: key.key, baseUrl: suite.server.url })
    expect((await reader.workers.list()).status).toBe(200)
    const denied = await reader.workers.create({ name: 'Eve' }).catch((e) => e)
    expect(denied).toBeInstanceOf(PermissionError)
    expect(denied).toMatchObject({ status: 403, code: 'forbidden' })

    const { data: renamed } = await suite.clockhook.apiKeys.update(key.id, { name: 'reader 2' })
    expect(renamed.name).toBe('reader 2')
    expect((await suite.clockhook.apiKeys.list()).data.map((k) => k.id)).toContain(key.id)

    const { data: regenerated } = await suite.clockhook.apiKeys.regenerate(key.id)
    expect(regenerated.key).not.toBe(key.key)
    await expect(reader.workers.list()).rejects.toBeInstanceOf(AuthenticationError)

    expect((await suite.clockhook.apiKeys.delete(key.id)).status).toBe(204)
    const actions = []
    for await (const entry of suite.clockhook.auditLog.list()) actions.push(entry.action)
    expect(actions.length).toBeGreaterThan(0)
    expect(actions.some((a) => a.startsWith('api_key.'))).toBe(true)
  })

  it('time entries: corrections with update and delete emit their events', async () => {
    const { data: cy } = await suite.clockhook.workers.create({ name: 'Cy' })
    await suite.clockhook.timeEntries.clockIn({
      worker_id: cy.id,
      timestamp: '2026-11-03T08:00:00Z',
    })
    const { data: entry } = await suite.clockhook.timeEntries.clockOut({
      worker_id: cy.id,
      timestamp: '2026-11-03T16:00:00Z',
    })
    const { data: fixed } = await suite.clockhook.timeEntries.update(entry.id, {
      clock_out: '2026-11-03T16:30:00Z',
    })
    expect(fixed.total_minutes).toBe(510)
    const backwards = await suite.clockhook.timeEntries
      .update(entry.id, { clock_out: '2026-11-03T07:00:00Z' })
      .catch((e) => e)
    expect(backwards).toBeInstanceOf(ValidationError)
    expect((await suite.clockhook.timeEntries.delete(entry.id)).status).toBe(204)
    await expect(suite.clockhook.timeEntries.retrieve(entry.id)).rejects.toBeInstanceOf(
      NotFoundError,
    )
    const { data: events } = await suite.clockhook.events.list({
      types: ['time_entry.updated', 'time_entry.deleted'],
    })
    expect(events.map((e) => e.type)).toEqual(['time_entry.updated', 'time_entry.deleted'])
  })

  it('settings and portal sessions: read, change, a limited portal link', async () => {
    const { data: before } = await suite.clockhook.settings.retrieve()
    expect(before).toMatchObject({ default_version: null, retention_days: 30 })
    const { data: after } = await suite.clockhook.settings.update({ retention_days: 60 })
    expect(after.retention_days).toBe(60)
    const { data: hook } = await suite.clockhook.webhooks.create({
      name: 'partner',
      url: suite.receiver.url,
      events: ['clock.in'],
    })
    const { data: session } = await suite.clockhook.portalSessions.create({
      webhook_ids: [hook.id],
    })
    expect(session.url).toContain('/console#portal=')
    const partner = new Clockhook({
      apiKey: session.url.split('#portal=')[1]!,
      baseUrl: suite.server.url,
    })
    expect((await partner.webhooks.list()).data.map((w) => w.id)).toEqual([hook.id])
    await expect(partner.workers.list()).rejects.toBeInstanceOf(PermissionError)
    const wrong = await suite.clockhook.portalSessions
      .create({ webhook_ids: ['wh_missing'] })
      .catch((e) => e)
    expect(wrong).toBeInstanceOf(ValidationError)
    await suite.clockhook.webhooks.delete(hook.id)
  })

  it('a 404 is a NotFoundError with status, code, message and the x-request-id', async () => {
    const err = await suite.clockhook.workers.retrieve('wkr_missing').catch((e) => e)
    expect(err).toBeInstanceOf(NotFoundError)
    expect(err).toMatchObject({ name: 'NotFoundError', status: 404, code: 'not_found' })
    expect(err.message).toMatch(/not found/)
    expect(err.requestId).toMatch(/\S/)
  })

  it('invalid input is a ValidationError with details', async () => {
    const err = await suite.clockhook.workers
      .create({ name: '' } as { name: string })
      .catch((e) => e)
    expect(err).toBeInstanceOf(ValidationError)
    expect(err.status).toBe(400)
    expect(err.code).toBe('validation_failed')
    expect(err.details.length).toBeGreaterThan(0)
  })
})
