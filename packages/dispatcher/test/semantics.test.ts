import Database from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { createDispatcher, sqliteStore } from '../src/index'
import { useSqliteHarness } from './helpers/harness'
import { eventually, manualClock, manualTimerClock } from './helpers/receiver'

describe('delivery semantics', () => {
  const h = useSqliteHarness()

  it('keeps an ordered endpoint in send order through failures', async () => {
    const clock = manualClock()
    let failuresLeft = 2
    h.receiver.handler = (_q, res, r) => {
      const n = JSON.parse(r.body).data.n
      if (n === 0 && failuresLeft-- > 0) return res.writeHead(500).end()
      res.writeHead(200).end()
    }
    const d = await h.start({ clock, jitter: 0, concurrency: 16 })
    let recorded = 0
    d.on('attempt', () => {
      recorded++
    })
    await d.createEndpoint({ url: h.receiver.url, ordered: true })
    for (let n = 0; n < 6; n++) await d.send({ type: 'clock.in', data: { n } })
    for (let i = 1; i <= 2; i++) {
      // the failed first message is recorded as retrying: it holds the line until it is due
      await eventually(async () => recorded === i)
      expect(h.receiver.requests).toHaveLength(i)
      clock.advance(300_000)
      d.wake()
    }
    await h.receiver.waitFor(8)
    const order = h.receiver.requests.map((r) => JSON.parse(r.body).data.n)
    expect(order).toEqual([0, 0, 0, 1, 2, 3, 4, 5])
  })

  it('limits an endpoint to its rate', async () => {
    // The clock only moves when the test says so; its poll (60 s) never fires: the
    // released deliveries must be picked up by their own wake-up on the clock.
    const clock = manualTimerClock()
    const d = await h.start({ clock, pollIntervalMs: 60_000 })
    await d.createEndpoint({ url: h.receiver.url, rateLimitPerSecond: 10 })
    for (let n = 0; n < 25; n++) await d.send({ type: 'clock.in', data: { n } })
    // waiting: given back until a permit is due, or due but left out of claims till then
    const settled = (waiting: number) =>
      eventually(async () => {
        const b = await d.backlog()
        return b.inFlight === 0 && b.due + b.scheduled === waiting
      })
    // a burst of 10, the rest wait until a token is there — and are not attempted while the
    // clock stands still (given back or left out of claims, never sent early)
    await settled(15)
    await new Promise((r) => setTimeout(r, 150))
    expect(h.receiver.requests).toHaveLength(10)
    expect((await d.backlog()).inFlight).toBe(0)
    clock.advance(1000) // ten more tokens
    await settled(5)
    expect(h.receiver.requests).toHaveLength(20)
    clock.advance(500) // five more
    await settled(0)
    expect(h.receiver.requests).toHaveLength(25)
  })

  it('limits an endpoint to its concurrency', async () => {
    let active = 0
    let peak = 0
    h.receiver.handler = (_q, res) => {
      active++
      peak = Math.max(peak, active)
      setTimeout(() => {
        active--
        res.writeHead(200).end()
      }, 40)
    }
    const d = await h.start({ concurrency: 32 })
    await d.createEndpoint({ url: h.receiver.url, maxConcurrency: 2 })
    for (let n = 0; n < 12; n++) await d.send({ type: 'clock.in', data: { n } })
    await h.receiver.waitFor(12, 15_000)
    expect(peak).toBeLessThanOrEqual(2)
  })

  it('stop() waits for attempts in flight and records them', async () => {
    h.receiver.handler = (_q, res) => setTimeout(() => res.writeHead(200).end(), 300)
    const d = await h.start()
    await d.createEndpoint({ url: h.receiver.url })
    const { deliveryIds } = await d.send({ type: 'clock.in', data: {} })
    await h.receiver.waitFor(1)
    await d.stop({ timeoutMs: 5000 })
    h.dispatcher = undefined
    const x = await h.handle.store.getDelivery(deliveryIds[0]!)
    expect(x).toMatchObject({ status: 'succeeded', attempts: 1 })
    expect(await h.handle.store.listAttempts(deliveryIds[0]!)).toHaveLength(1)
  })

  it('refuses bad input with a typed error and changes nothing', async () => {
    const d = await h.start()
    const { endpoint } = await d.createEndpoint({ url: h.receiver.url })
    const bad: Array<[string, () => Promise<unknown>]> = [
      ['type', () => d.send({ type: 'not a type!', data: {} })],
      ['reserved type', () => d.send({ type: 'webhook.test', data: {} })],
      ['data', () => d.send({ type: 'clock.in', data: undefined })],
      [
        'cyclic data',
        () => {
          const a: Record<string, unknown> = {}
          a.a = a
          return d.send({ type: 'clock.in', data: a })
        },
      ],
      ['headers', () => d.createEndpoint({ url: h.receiver.url, headers: { 'webhook-id': 'x' } })],
      [
        'header value',
        () => d.createEndpoint({ url: h.receiver.url, headers: { 'x-a': 'b\r\nc' } }),
      ],
      ['rate', () => d.createEndpoint({ url: h.receiver.url, rateLimitPerSecond: -1 })],
      ['secret', () => d.createEndpoint({ url: h.receiver.url, secret: 'whsec_!!' })],
      ['event types', () => d.createEndpoint({ url: h.receiver.url, eventTypes: ['ok', ''] })],
      ['patch url', () => d.updateEndpoint(endpoint.id, { url: 'http://10.0.0.1/' })],
      [
        'patch enabled',
        () => d.updateEndpoint(endpoint.id, { enabled: 'yes' as unknown as boolean }),
      ],
      ['limit', () => d.listDeliveries(endpoint.id, { limit: 0 })],
      ['status', () => d.listDeliveries(endpoint.id, { status: 'done' as 'failed' })],
      ['cursor', () => d.listMessages({ after: 'abc' })],
      ['grace', () => d.rotateSecret(endpoint.id, { gracePeriodMs: -5 })],
      ['since', () => d.recover(endpoint.id, { since: Number.NaN })],
    ]
    for (const [what, call] of bad) {
      await expect(call(), what).rejects.toMatchObject({ name: 'DispatcherError' })
    }
    expect(await d.getEndpoint(endpoint.id)).toEqual(endpoint)
    expect((await d.listEndpoints()).data).toHaveLength(1)
    expect((await d.listMessages()).data).toHaveLength(0)
    await expect(d.getEndpoint(endpoint.id, { tenantId: 'someone-else' })).rejects.toMatchObject({
      code: 'not_found',
    })
  })

  it('sends inside the host transaction: delivered on commit, never on rollback', async () => {
    const database = new Database(':memory:')
    const host = new Kysely<{ entries: { id: string } }>({
      dialect: new SqliteDialect({ database }),
    })
    const store = sqliteStore({ database, kysely: host as Kysely<unknown> })
    await store.migrate()
    await sql`create table entries (id text primary key)`.execute(host)
    const d = createDispatcher({
      store,
      ssrf: { allowedCidrs: ['127.0.0.1/32'] },
      pollIntervalMs: 20,
    })
    await d.start()
    try {
      await d.createEndpoint({ url: h.receiver.url })
      await host.transaction().execute(async (trx) => {
        await trx.insertInto('entries').values({ id: 'te_1' }).execute()
        await d.send({ type: 'clock.in', data: { entry: 'te_1' } }, { trx })
      })
      await expect(
        host.transaction().execute(async (trx) => {
          await trx.insertInto('entries').values({ id: 'te_2' }).execute()
          await d.send({ type: 'clock.in', data: { entry: 'te_2' } }, { trx })
          throw new Error('rolled back')
        }),
      ).rejects.toThrow('rolled back')
      await h.receiver.waitFor(1)
      // te_1 recorded and nothing else queued: the rolled-back send left no delivery
      await eventually(async () => {
        const b = await d.backlog()
        return b.inFlight === 0 && b.due + b.scheduled + b.paused === 0
      })
      expect(h.receiver.requests.map((r) => JSON.parse(r.body).data.entry)).toEqual(['te_1'])
      expect(
        (await d.listMessages()).data.map((m) => (m.payload as { entry: string }).entry),
      ).toEqual(['te_1'])
    } finally {
      await d.stop()
      database.close()
    }
  })

  it('sends many messages in one transaction: all delivered, or none stored', async () => {
    const database = new Database(':memory:')
    const host = new Kysely<{ entries: { id: string } }>({
      dialect: new SqliteDialect({ database }),
    })
    const store = sqliteStore({ database, kysely: host })
    await store.migrate()
    const d = createDispatcher({
      store,
      ssrf: { allowedCidrs: ['127.0.0.1/32'] },
      pollIntervalMs: 20,
    })
    await d.start()
    try {
      await d.createEndpoint({ url: h.receiver.url, tenantId: 'ten_a', eventTypes: ['clock.*'] })
      await d.createEndpoint({ url: h.receiver.url, tenantId: 'ten_b' })
      // one bad message refuses the whole batch, naming it
      await expect(
        d.sendMany([
          { type: 'clock.in', tenantId: 'ten_a', data: { n: 0 } },
          { type: 'bad type!', tenantId: 'ten_a', data: {} },
        ]),
      ).rejects.toMatchObject({ code: 'invalid_argument', message: /messages\[1\]/ })
      // a rolled-back host transaction leaves nothing either
      await expect(
        host.transaction().execute(async (trx) => {
          await d.sendMany([{ type: 'clock.in', tenantId: 'ten_a', data: { n: -1 } }], { trx })
          throw new Error('rolled back')
        }),
      ).rejects.toThrow('rolled back')
      expect((await d.listMessages()).data).toHaveLength(0)
      const sent = await d.sendMany([
        ...Array.from({ length: 1200 }, (_, n) => ({
          type: 'clock.in',
          tenantId: 'ten_a',
          data: { n },
        })),
        { type: 'worker.created', tenantId: 'ten_a', data: { n: 'filtered out' } },
        { type: 'worker.created', tenantId: 'ten_b', data: { n: 'b' } },
      ])
      expect(sent).toHaveLength(1202)
      expect(sent.filter((s) => s.deliveryIds.length === 1)).toHaveLength(1201)
      expect(sent[1200]!.deliveryIds).toEqual([])
      await h.receiver.waitFor(1201)
      expect((await d.listMessages({ limit: 1000 })).data[0]!.payload).toEqual({ n: 0 })
    } finally {
      await d.stop()
      database.close()
    }
  }, 30_000)

  it('purges history older than the retention', async () => {
    const d = await h.start()
    await d.createEndpoint({ url: h.receiver.url })
    const { deliveryIds } = await d.send({ type: 'clock.in', data: {} })
    await eventually(
      async () => (await d.getDelivery(deliveryIds[0]!)).delivery.status === 'succeeded',
    )
    expect(await d.purge({ olderThan: new Date(Date.now() - 60_000) })).toEqual({
      messages: 0,
      deliveries: 0,
      attempts: 0,
    })
    expect(await d.purge({ olderThan: new Date(Date.now() + 1) })).toEqual({
      messages: 1,
      deliveries: 1,
      attempts: 1,
    })
    await expect(d.getDelivery(deliveryIds[0]!)).rejects.toMatchObject({ code: 'not_found' })
  })
})

describe('rate-limited claims given back one interval apart', () => {
  const h = useSqliteHarness()

  it('each come due at their own time, without waiting for the poll', async () => {
    // the poll (60 s) never fires: every refused delivery must be woken at its own time
    const clock = manualTimerClock()
    const d = await h.start({ clock, pollIntervalMs: 60_000 })
    await d.createEndpoint({ url: h.receiver.url, rateLimitPerSecond: 1 })
    for (let n = 0; n < 5; n++) await d.send({ type: 'clock.in', data: { n } })
    const delivered = (n: number) =>
      eventually(async () => h.receiver.requests.length === n && (await d.backlog()).inFlight === 0)
    await delivered(1)
    // the clock moves in 100 ms steps, as real time does (each timer fires at its time);
    // one delivery per second of it, none waiting longer
    let steps = 0
    for (let n = 2; n <= 5; n++) {
      const before = steps
      while (h.receiver.requests.length < n && steps - before < 15) {
        clock.advance(100)
        steps++
        await new Promise((r) => setTimeout(r, 10))
      }
      await delivered(n)
      expect(steps - before).toBeLessThanOrEqual(12)
    }
    expect(h.receiver.requests.map((r) => JSON.parse(r.body).data.n)).toEqual([0, 1, 2, 3, 4])
  })
})
