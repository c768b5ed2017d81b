import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDispatcher } from '@clockhook/dispatcher'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, sweepExpiredDocuments } from '../src/index'
import { apiClient, startTestServer, type TestServer } from './support'

const ADMIN = 'ck_schedule_admin_key_long_enough_0123456789'

describe('shifts and documents', () => {
  let server: TestServer
  const call = apiClient(() => server.url, ADMIN)

  beforeAll(async () => {
    server = await startTestServer({ env: { CLOCKHOOK_BOOTSTRAP_ADMIN_KEY: ADMIN } })
  })
  afterAll(() => server?.cleanup())

  it('plans shifts, emits shift.created and refuses bad times', async () => {
    const worker = (await call('POST', '/v1/workers', { name: 'Ada' })).body
    const shift = await call('POST', '/v1/shifts', {
      worker_id: worker.id,
      shift_date: '2026-12-01',
      start_time: '08:00',
      end_time: '16:30',
    })
    expect(shift.status).toBe(201)
    expect(shift.body.id).toMatch(/^shf_/)
    for (const bad of [
      { worker_id: worker.id, shift_date: '2026-13-01', start_time: '08:00', end_time: '16:00' },
      { worker_id: worker.id, shift_date: '2026-12-01', start_time: '8am', end_time: '16:00' },
      { worker_id: worker.id, shift_date: '2026-12-01', start_time: '08:00', end_time: '08:00' },
    ]) {
      expect((await call('POST', '/v1/shifts', bad)).status).toBe(400)
    }
    expect(
      (
        await call('POST', '/v1/shifts', {
          worker_id: 'wkr_none',
          shift_date: '2026-12-01',
          start_time: '08:00',
          end_time: '16:00',
        })
      ).status,
    ).toBe(404)
    expect((await call('GET', `/v1/shifts?worker_id=${worker.id}`)).body.data).toHaveLength(1)
    const events = (await call('GET', '/v1/events?types=shift.created')).body.data
    expect(events.map((e: { data: { shift_id: string } }) => e.data.shift_id)).toEqual([
      shift.body.id,
    ])
  })

  it('keeps worker documents with their expiry', async () => {
    const worker = (await call('POST', '/v1/workers', { name: 'Grace' })).body
    const doc = await call('POST', `/v1/workers/${worker.id}/documents`, {
      kind: 'work_permit',
      expires_on: '2000-01-01',
    })
    expect(doc.status).toBe(201)
    expect(doc.body).toMatchObject({ kind: 'work_permit', expired: true })
    expect(
      (await call('POST', `/v1/workers/${worker.id}/documents`, { kind: 'x', expires_on: 'soon' }))
        .status,
    ).toBe(400)
    expect((await call('GET', `/v1/workers/${worker.id}/documents`)).body.data).toHaveLength(1)
  })
})

describe('the document expiry sweep', () => {
  it('sends a batch of expired documents in one transaction, and a document that cannot be sent does not hold back the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clockhook-sweep-'))
    const database = await openDatabase({ dataDir: dir })
    const dispatcher = createDispatcher({ store: database.store })
    try {
      const t = new Date().toISOString()
      const doc = (id: string, tenant: string, expires: string) => ({
        id,
        tenant_id: tenant,
        worker_id: 'wkr_1',
        kind: 'permit',
        name: null,
        expires_on: expires,
        expired_notified_at: null,
        created_at: t,
      })
      await database.db
        .insertInto('documents')
        .values([
          doc('doc_a', 'ten_1', '2001-01-01'),
          doc('doc_b', 'ten_1', '2000-01-01'),
          doc('doc_c', 'ten_1', '2002-01-01'),
        ])
        .execute()
      expect(await sweepExpiredDocuments(database.db, dispatcher)).toBe(3)
      const sent = await dispatcher.listMessages({ tenantId: 'ten_1', types: ['document.expired'] })
      // one batch, in expiry order
      expect(sent.data.map((m) => (m.payload as { document_id: string }).document_id)).toEqual([
        'doc_b',
        'doc_a',
        'doc_c',
      ])
      // a document the dispatcher refuses (a tenant id it cannot take) fails the batch:
      // the others are then sent one by one, and it stays unclaimed
      await database.db
        .insertInto('documents')
        .values([
          doc('doc_d', 'ten_1', '2003-01-01'),
          doc('doc_bad', 'x'.repeat(300), '2003-02-01'),
        ])
        .execute()
      expect(await sweepExpiredDocuments(database.db, dispatcher)).toBe(1)
      const bad = await database.db
        .selectFrom('documents')
        .select('expired_notified_at')
        .where('id', '=', 'doc_bad')
        .executeTakeFirstOrThrow()
      expect(bad.expired_notified_at).toBeNull()
      const all = await dispatcher.listMessages({ tenantId: 'ten_1', types: ['document.expired'] })
      expect(all.data).toHaveLength(4)
    } finally {
      await database.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('emits document.expired exactly once, even with sweeps running side by side', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clockhook-sweep-'))
    const database = await openDatabase({ dataDir: dir })
    const dispatcher = createDispatcher({ store: database.store })
    try {
      const t = new Date().toISOString()
      await database.db
        .insertInto('documents')
        .values([
          {
            id: 'doc_old',
            tenant_id: 'ten_1',
            worker_id: 'wkr_1',
            kind: 'permit',
            name: null,
            expires_on: '2000-01-01',
            expired_notified_at: null,
            created_at: t,
          },
          {
            id: 'doc_new',
            tenant_id: 'ten_1',
            worker_id: 'wkr_1',
            kind: 'permit',
            name: null,
            expires_on: '2999-01-01',
            expired_notified_at: null,
            created_at: t,
          },
        ])
        .execute()
      const counts = await Promise.all(
        [1, 2, 3].map(() => sweepExpiredDocuments(database.db, dispatcher)),
      )
      expect(counts.reduce((a, b) => a + b, 0)).toBe(1)
      expect(await sweepExpiredDocuments(database.db, dispatcher)).toBe(0)
      const events = await dispatcher.listMessages({
        tenantId: 'ten_1',
        types: ['document.expired'],
      })
      expect(events.data.map((m) => m.payload)).toEqual([
        { document_id: 'doc_old', worker_id: 'wkr_1', kind: 'permit', expires_on: '2000-01-01' },
      ])
    } finally {
      await database.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
