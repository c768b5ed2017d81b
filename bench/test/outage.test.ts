// Receiver outage: the receivers refuse connections while events are sent and retried on
// a compressed schedule, then come back: every event is delivered. Through the server
// (CLOCKHOOK_RETRY_SCHEDULE) for plain webhooks; through the dispatcher's public API for
// an ordered endpoint (the REST API does not accept `ordered` yet), which must receive
// the messages in send order, each once.
import { join } from 'node:path'
import { createDispatcher, postgresStore, sqliteStore } from '@clockhook/dispatcher'
import Sqlite from 'better-sqlite3'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  apiClient,
  type Database,
  eventually,
  freshDatabase,
  type Ledger,
  POSTGRES_URL,
  type ServerProcess,
  startLedger,
  startServerProcess,
} from '../src/harness.ts'

const EVENTS = Number(process.env.OUTAGE_EVENTS ?? 60)
// 0 s, then short retries: 16 attempts over about 12 s, so a short outage is survived.
const SCHEDULE = '0,0.3,0.3,0.5,1,1,1,1,1,1,1,1,1,1,1,1'

describe.each([
  { database: 'sqlite' as const, available: true },
  { database: 'postgres' as const, available: Boolean(POSTGRES_URL) },
])('receiver outage: $database', ({ database, available }) => {
  let db: Database
  let ledger: Ledger
  let server: ServerProcess
  let call: ReturnType<typeof apiClient>
  const hooks: string[] = []

  beforeAll(async () => {
    if (!available) return
    db = await freshDatabase(database)
    ledger = await startLedger(2)
    server = startServerProcess('all', { ...db.env, CLOCKHOOK_RETRY_SCHEDULE: SCHEDULE })
    call = apiClient(await server.url())
    for (const [i, name] of ['first', 'second'].entries()) {
      const r = await call('POST', '/v1/webhooks', {
        name,
        url: ledger.urls[i],
        events: ['clock.in', 'clock.out'],
      })
      if (r.status !== 201) throw new Error(`POST /v1/webhooks: ${JSON.stringify(r.body)}`)
      hooks.push(r.body.id)
    }
  })
  afterAll(async () => {
    await call?.close()
    await server?.stop()
    await ledger?.close()
    await db?.cleanup()
  })

  it.skipIf(!available)(
    `${EVENTS} events sent while both receivers are down: all delivered once they are back`,
    async () => {
      await ledger.down()
      const people: string[] = []
      for (let i = 0; i < 6; i++)
        people.push((await call('POST', '/v1/workers', { name: `outage ${i}` })).body.id)
      for (let k = 0; k < EVENTS; k++) {
        const person = people[k % people.length]!
        const path = Math.floor(k / people.length) % 2 === 0 ? 'clock-in' : 'clock-out'
        const r = await call('POST', `/v1/time-entries/${path}`, { worker_id: person })
        expect(r.status).toBeGreaterThanOrEqual(200)
        expect(r.status).toBeLessThan(300)
      }
      // the outage lasts until every delivery failed at least twice
      const deliveries = async (id: string) => {
        const r = await call('GET', `/v1/webhooks/${id}/deliveries?limit=100`)
        return r.body.data as Array<{ status: string; attempts: number; message_id: string }>
      }
      await eventually(
        async () => {
          for (const id of hooks) {
            const list = await deliveries(id)
            if (list.length !== EVENTS || list.some((d) => d.attempts < 2)) return false
          }
          return true
        },
        60_000,
        'every delivery failed twice',
      )
      expect(ledger.log).toHaveLength(0)

      await ledger.up()
      await eventually(
        () => ledger.seen[0]!.size === EVENTS && ledger.seen[1]!.size === EVENTS,
        60_000,
        'every event delivered to both receivers',
      )

      // the emitted order, from the pull API
      const emitted: string[] = []
      let cursor = ''
      for (;;) {
        const r = await call(
          'GET',
          `/v1/events?types=clock.in,clock.out&limit=100${cursor ? `&after=${encodeURIComponent(cursor)}` : ''}`,
        )
        emitted.push(...r.body.data.map((e: { id: string }) => e.id))
        if (!r.body.has_more) break
        cursor = r.body.next_cursor
      }
      expect(emitted).toHaveLength(EVENTS)
      for (const receiver of [0, 1])
        expect(
          new Set(ledger.log.filter((d) => d.receiver === receiver).map((d) => d.webhookId)),
        ).toEqual(new Set(emitted))
    },
    120_000,
  )
})

describe.each([
  { database: 'sqlite' as const, available: true },
  { database: 'postgres' as const, available: Boolean(POSTGRES_URL) },
])('receiver outage, ordered endpoint (dispatcher API): $database', ({ database, available }) => {
  it.skipIf(!available)(
    `${EVENTS} messages sent while the receiver is down arrive in send order, each once`,
    async () => {
      const ledger = await startLedger(2)
      const store = await openStore(database)
      const dispatcher = createDispatcher({
        store: store.store,
        ssrf: { allowedCidrs: ['127.0.0.1/32'] },
        retrySchedule: [0, 300, 300, 500, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
        pollIntervalMs: 100,
      })
      try {
        const { endpoint: ordered } = await dispatcher.createEndpoint({
          url: ledger.urls[0]!,
          ordered: true,
        })
        const { endpoint: plain } = await dispatcher.createEndpoint({ url: ledger.urls[1]! })
        await dispatcher.start()
        await ledger.down()
        const sent: string[] = []
        for (let i = 0; i < EVENTS; i++)
          sent.push((await dispatcher.send({ type: 'clock.in', data: { i } })).messageId)
        // down until the ordered head failed twice and every plain delivery failed too
        await eventually(
          async () => {
            const head = await dispatcher.listDeliveries(ordered.id, { limit: 200 })
            const tried = head.data.filter((d) => d.attempts > 0)
            if (tried.length !== 1 || tried[0]!.attempts < 2) return false
            const others = await dispatcher.listDeliveries(plain.id, { limit: 200 })
            return others.data.length === EVENTS && others.data.every((d) => d.attempts >= 1)
          },
          60_000,
          'the ordered head failed twice',
        )
        expect(ledger.log).toHaveLength(0)
        await ledger.up()
        await eventually(
          () => ledger.seen[0]!.size === EVENTS && ledger.seen[1]!.size === EVENTS,
          60_000,
          'every message delivered',
        )
        const orderedLog = ledger.log.filter((d) => d.receiver === 0).map((d) => d.webhookId)
        expect(orderedLog).toEqual(sent)
        expect(new Set(ledger.log.filter((d) => d.receiver === 1).map((d) => d.webhookId))).toEqual(
          new Set(sent),
        )
      } finally {
        await dispatcher.stop({ timeoutMs: 2_000 })
        await store.close()
        await ledger.close()
      }
    },
    120_000,
  )
})

async function openStore(kind: 'sqlite' | 'postgres') {
  const db = await freshDatabase(kind)
  if (kind === 'sqlite') {
    const database = new Sqlite(join(db.env.CLOCKHOOK_DATA_DIR!, 'outage.db'))
    const store = sqliteStore({ database })
    await store.migrate()
    return {
      store,
      async close() {
        await store.close()
        database.close()
        await db.cleanup()
      },
    }
  }
  const pool = new pg.Pool({ connectionString: db.env.DATABASE_URL, max: 4 })
  const store = postgresStore({ pool })
  await store.migrate()
  return {
    store,
    async close() {
      await store.close()
      await pool.end()
      await db.cleanup()
    },
  }
}
