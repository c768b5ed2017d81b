import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DeliveryStore, NewDelivery } from '../src/store/types'
import { attempt, delivery, endpoint, message, T0 } from './helpers/builders'
import type { StoreHandle } from './helpers/stores'
import { storeFactories } from './helpers/stores'

for (const factory of storeFactories) {
  describe.skipIf(!factory.available)(`DeliveryStore contract: ${factory.name}`, () => {
    let handle: StoreHandle
    let store: DeliveryStore

    beforeEach(async () => {
      handle = await factory.create()
      store = handle.store
      await store.migrate()
    })
    afterEach(async () => {
      await handle.cleanup()
    })

    it('migrates twice without harm', async () => {
      await store.migrate()
      expect(store.kind).toBe(factory.name)
    })

    it('creates, reads, updates, lists and deletes endpoints', async () => {
      const a = endpoint({ eventTypes: ['clock.in', 'clock.out'], rateLimitPerSecond: 2.5 })
      const b = endpoint({ tenantId: 'ten_b' })
      await store.insertEndpoint(a)
      await store.insertEndpoint(b)
      expect(await store.getEndpoint(a.id)).toEqual(a)
      const updated = await store.updateEndpoint(a.id, {
        url: 'https://example.org/x',
        enabled: false,
        updatedAt: T0 + 1,
      })
      expect(updated).toMatchObject({
        url: 'https://example.org/x',
        enabled: false,
        updatedAt: T0 + 1,
        headers: a.headers,
      })
      expect(
        (await store.listEndpoints({ tenantId: 'ten_a', limit: 10 })).map((e) => e.id),
      ).toEqual([a.id])
      expect(await store.listEndpoints({ limit: 1 })).toHaveLength(1)
      expect((await store.listEndpoints({ limit: 10, afterId: a.id })).map((e) => e.id)).toEqual([
        b.id,
      ])
      expect(await store.enabledEndpoints('ten_a')).toEqual([])
      expect(await store.updateEndpoint('ep_missing', { enabled: true })).toBeUndefined()
      expect(await store.deleteEndpoint(a.id)).toBe(true)
      expect(await store.deleteEndpoint(a.id)).toBe(false)
      expect(await store.getEndpoint(a.id)).toBeUndefined()
    })

    it('disables an endpoint once', async () => {
      const e = endpoint()
      await store.insertEndpoint(e)
      expect(await store.disableEndpoint(e.id, 'gone', T0 + 5)).toBe(true)
      expect(await store.disableEndpoint(e.id, 'gone', T0 + 6)).toBe(false)
      expect(await store.getEndpoint(e.id)).toMatchObject({
        enabled: false,
        disabledReason: 'gone',
        updatedAt: T0 + 5,
      })
    })

    it('claims due deliveries with a lease, once, with their message and endpoint', async () => {
      const e = endpoint()
      await store.insertEndpoint(e)
      const m = message()
      const due = delivery(m, e)
      const later = delivery(m, e, { nextAttemptAt: T0 + 60_000 })
      await store.insertMessage(m, [due, later])
      const claims = await store.claimDue(T0, 10, 30_000)
      expect(claims).toHaveLength(1)
      expect(claims[0]!.delivery).toMatchObject({ id: due.id, status: 'pending', attempts: 0 })
      expect(claims[0]!.message).toMatchObject({ id: m.id, payload: m.payload, type: 'clock.in' })
      expect(claims[0]!.endpoint).toEqual(e)
      expect(await store.claimDue(T0 + 1000, 10, 30_000)).toHaveLength(0)
      const expired = await store.claimDue(T0 + 30_001, 10, 30_000)
      expect(expired.map((c) => c.delivery.id)).toEqual([due.id])
      expect(expired[0]!.leaseToken).toBeGreaterThan(claims[0]!.leaseToken)
    })

    it('records an outcome only while the lease is held (fencing)', async () => {
      const e = endpoint()
      await store.insertEndpoint(e)
      const m = message()
      const d = delivery(m, e)
      await store.insertMessage(m, [d])
      const [first] = await store.claimDue(T0, 1, 1000)
      const [second] = await store.claimDue(T0 + 2000, 1, 1000)
      const stale = await store.recordOutcomes(
        [
          {
            deliveryId: d.id,
            leaseToken: first!.leaseToken,
            status: 'succeeded',
            nextAttemptAt: null,
            attempt: attempt(d.id, e.id, true),
          },
        ],
        T0 + 2100,
      )
      expect(stale.size).toBe(0)
      expect(await store.listAttempts(d.id)).toEqual([])
      const a = attempt(d.id, e.id, false, T0 + 2100)
      const fresh = await store.recordOutcomes(
        [
          {
            deliveryId: d.id,
            leaseToken: second!.leaseToken,
            status: 'retrying',
            nextAttemptAt: T0 + 7000,
            attempt: a,
          },
        ],
        T0 + 2200,
      )
      expect([...fresh]).toEqual([d.id])
      expect(await store.getDelivery(d.id)).toMatchObject({
        status: 'retrying',
        attempts: 1,
        nextAttemptAt: T0 + 7000,
        lastHttpStatus: 500,
        lastError: 'HTTP 500',
        updatedAt: T0 + 2200,
      })
      expect(await store.listAttempts(d.id)).toEqual([a])
      expect((await store.getEndpoint(e.id))!.failingSince).toBe(T0 + 2100)
      const again = await store.recordOutcomes(
        [
          {
            deliveryId: d.id,
            leaseToken: second!.leaseToken,
            status: 'succeeded',
            nextAttemptAt: null,
            attempt: attempt(d.id, e.id, true),
          },
        ],
        T0 + 2300,
      )
      expect(again.size).toBe(0)
    })

    it('records a batch of more outcomes than one statement can carry', async () => {
      const e = endpoint()
      await store.insertEndpoint(e)
      const m = message()
      const ds = Array.from({ length: 1200 }, () => delivery(m, e))
      await store.insertMessage(m, ds)
      const claims = await store.claimDue(T0, 2000, 60_000)
      expect(claims).toHaveLength(1200)
      const applied = await store.recordOutcomes(
        claims.map((c) => ({
          deliveryId: c.delivery.id,
          leaseToken: c.leaseToken,
          status: 'succeeded' as const,
          nextAttemptAt: null,
          attempt: attempt(c.delivery.id, e.id, true),
        })),
        T0 + 1,
      )
      expect(applied.size).toBe(1200)
      expect(await store.backlog(T0 + 1)).toEqual({ due: 0, scheduled: 0, paused: 0 })
    })

    it('records an attempt whose texts hold a lone UTF-16 surrogate (a receiver can answer anything)', async () => {
      const e = endpoint()
      await store.insertEndpoint(e)
      const m = message()
      const d = delivery(m, e)
      await store.insertMessage(m, [d])
      const [c] = await store.claimDue(T0, 1, 60_000)
      const a = {
        ...attempt(d.id, e.id, false),
        errorMessage: 'HTTP 500 \ud800',
        responsePreview: 'half an emoji: \ud83d" \\ \u2028',
      }
      const applied = await store.recordOutcomes(
        [
          {
            deliveryId: d.id,
            leaseToken: c!.leaseToken,
            status: 'retrying',
            nextAttemptAt: T0 + 1000,
            attempt: a,
          },
        ],
        T0 + 1,
      )
      expect(applied.has(d.id)).toBe(true)
      const [stored] = await store.listAttempts(d.id)
      // a store may keep the lone surrogate or write U+FFFD for it, as UTF-8 does
      expect(stored!.responsePreview?.replace('\ud83d', '\ufffd')).toBe(
        'half an emoji: \ufffd" \\ \u2028',
      )
      expect(await store.getDelivery(d.id)).toMatchObject({ status: 'retrying', attempts: 1 })
    })

    it('clears failingSince on success and keeps the first failure time', async () => {
      const e = endpoint()
      await store.insertEndpoint(e)
      const m = message()
      const ds = [delivery(m, e), delivery(m, e), delivery(m, e)]
      await store.insertMessage(m, ds)
      const record = async (i: number, ok: boolean, at: number) => {
        const [c] = await store.claimDelivery(ds[i]!.id, at, 1000).then((x) => [x])
        await store.recordOutcomes(
          [
            {
              deliveryId: ds[i]!.id,
              leaseToken: c!.leaseToken,
              status: ok ? 'succeeded' : 'retrying',
              nextAttemptAt: ok ? null : at + 1,
              attempt: attempt(ds[i]!.id, e.id, ok, at),
            },
          ],
          at,
        )
      }
      await record(0, false, T0 + 10)
      await record(1, false, T0 + 20)
      expect((await store.getEndpoint(e.id))!.failingSince).toBe(T0 + 10)
      await record(2, true, T0 + 30)
      expect((await store.getEndpoint(e.id))!.failingSince).toBeNull()
      expect(await store.endpointStats(e.id, T0)).toEqual({ attempts: 3, failures: 2 })
      expect(await store.endpointStats(e.id, T0 + 15)).toEqual({ attempts: 2, failures: 1 })
    })

    it('dates a failure streak from the first failure after the last success, within one batch', async () => {
      const e = endpoint()
      await store.insertEndpoint(e)
      const m = message()
      const ds = Array.from({ length: 7 }, () => delivery(m, e))
      await store.insertMessage(m, ds)
      const claims = await store.claimDue(T0, 10, 60_000)
      const byId = new Map(claims.map((c) => [c.delivery.id, c]))
      const batch = async (items: Array<[number, boolean, number]>, now: number) => {
        await store.recordOutcomes(
          items.map(([i, ok, at]) => ({
            deliveryId: ds[i]!.id,
            leaseToken: byId.get(ds[i]!.id)!.leaseToken,
            status: ok ? ('succeeded' as const) : ('retrying' as const),
            nextAttemptAt: ok ? null : at + 60_000,
            attempt: attempt(ds[i]!.id, e.id, ok, at),
          })),
          now,
        )
        return (await store.getEndpoint(e.id))!.failingSince
      }
      // failures only: the streak starts at the first of them
      expect(
        await batch(
          [
            [0, false, T0 + 1],
            [1, false, T0 + 2],
          ],
          T0 + 3,
        ),
      ).toBe(T0 + 1)
      // more failures keep the older start
      expect(await batch([[2, false, T0 + 4]], T0 + 5)).toBe(T0 + 1)
      // a success inside the batch ends the streak; the failures after it start a new one
      expect(
        await batch(
          [
            [3, true, T0 + 6],
            [4, false, T0 + 7],
            [5, false, T0 + 8],
          ],
          T0 + 9,
        ),
      ).toBe(T0 + 7)
      // a batch that ends well leaves the endpoint healthy
      expect(await batch([[6, true, T0 + 10]], T0 + 11)).toBeNull()
    })

    it('never claims for a disabled endpoint', async () => {
      const e = endpoint({ enabled: false })
      await store.insertEndpoint(e)
      const m = message()
      await store.insertMessage(m, [delivery(m, e)])
      expect(await store.claimDue(T0, 10, 1000)).toEqual([])
      await store.updateEndpoint(e.id, { enabled: true })
      expect(await store.claimDue(T0, 10, 1000)).toHaveLength(1)
    })

    it('holds an ordered endpoint to one delivery at a time, in send order', async () => {
      const e = endpoint({ ordered: true })
      const free = endpoint()
      await store.insertEndpoint(e)
      await store.insertEndpoint(free)
      const ms = [message(), message(), message()]
      const ds = ms.map((m) => delivery(m, e))
      for (const [i, m] of ms.entries()) await store.insertMessage(m, [ds[i]!, delivery(m, free)])
      const first = await store.claimDue(T0, 10, 1000)
      expect(first.filter((c) => c.endpoint.id === e.id).map((c) => c.delivery.id)).toEqual([
        ds[0]!.id,
      ])
      expect(first.filter((c) => c.endpoint.id === free.id)).toHaveLength(3)
      const c0 = first.find((c) => c.delivery.id === ds[0]!.id)!
      await store.recordOutcomes(
        [
          {
            deliveryId: ds[0]!.id,
            leaseToken: c0.leaseToken,
            status: 'retrying',
            nextAttemptAt: T0 + 5,
            attempt: attempt(ds[0]!.id, e.id, false),
          },
        ],
        T0,
      )
      expect((await store.claimDue(T0 + 1, 10, 1000)).map((c) => c.delivery.id)).toEqual([])
      const retry = await store.claimDue(T0 + 5, 10, 1000)
      expect(retry.map((c) => c.delivery.id)).toEqual([ds[0]!.id])
      await store.recordOutcomes(
        [
          {
            deliveryId: ds[0]!.id,
            leaseToken: retry[0]!.leaseToken,
            status: 'failed',
            nextAttemptAt: null,
            attempt: attempt(ds[0]!.id, e.id, false),
          },
        ],
        T0 + 5,
      )
      expect((await store.claimDue(T0 + 6, 10, 1000)).map((c) => c.delivery.id)).toEqual([
        ds[1]!.id,
      ])
    })

    it('releases a claim without counting an attempt', async () => {
      const e = endpoint()
      await store.insertEndpoint(e)
      const m = message()
      const d = delivery(m, e)
      await store.insertMessage(m, [d])
      const [c] = await store.claimDue(T0, 1, 60_000)
      await store.release([
        { deliveryId: d.id, leaseToken: c!.leaseToken, nextAttemptAt: T0 + 200 },
      ])
      expect(await store.getDelivery(d.id)).toMatchObject({
        attempts: 0,
        nextAttemptAt: T0 + 200,
        status: 'pending',
      })
      expect(await store.claimDue(T0 + 100, 1, 1000)).toHaveLength(0)
      expect(await store.claimDue(T0 + 200, 1, 1000)).toHaveLength(1)
    })

    it('grants rate permits as a burst of one second, then one per interval', async () => {
      const e = endpoint({ rateLimitPerSecond: 4 })
      await store.insertEndpoint(e)
      const m = message()
      const ds = Array.from({ length: 6 }, () => delivery(m, e))
      await store.insertMessage(m, ds)
      const claims = await store.claimDue(T0, 10, 60_000)
      const ask = (cs: typeof claims, now: number) =>
        store.acquirePermits(
          {
            endpointId: e.id,
            claims: cs.map((c) => ({ deliveryId: c.delivery.id, leaseToken: c.leaseToken })),
            ratePerSecond: 4,
            maxConcurrency: null,
            holdMs: 10_000,
          },
          now,
        )
      const first = await ask(claims, T0)
      expect(first.granted).toEqual(claims.slice(0, 4).map((c) => c.delivery.id))
      expect(first.retryAfterMs).toBe(250)
      expect((await ask(claims.slice(4), T0 + 100)).granted).toEqual([])
      const later = await ask(claims.slice(4), T0 + 250)
      expect(later.granted).toEqual([claims[4]!.delivery.id])
      expect(later.retryAfterMs).toBe(250)
    })

    it('holds a concurrency limit across callers until outcomes are recorded or permits lapse', async () => {
      const e = endpoint({ maxConcurrency: 2 })
      await store.insertEndpoint(e)
      const m = message()
      await store.insertMessage(
        m,
        Array.from({ length: 5 }, () => delivery(m, e)),
      )
      const claims = await store.claimDue(T0, 10, 60_000)
      const ask = (cs: typeof claims, now: number, holdMs = 10_000) =>
        store.acquirePermits(
          {
            endpointId: e.id,
            claims: cs.map((c) => ({ deliveryId: c.delivery.id, leaseToken: c.leaseToken })),
            ratePerSecond: null,
            maxConcurrency: 2,
            holdMs,
          },
          now,
        )
      // two "workers" ask at once: together they get two permits
      const [a, b] = await Promise.all([ask(claims.slice(0, 2), T0), ask(claims.slice(2, 4), T0)])
      expect(a.granted.length + b.granted.length).toBe(2)
      const refused = a.granted.length === 0 ? a : b
      expect(refused.retryAfterMs).toBeNull()
      const holders = [...a.granted, ...b.granted]
      const holder = claims.find((c) => c.delivery.id === holders[0])!
      // a recorded outcome frees its slot
      await store.recordOutcomes(
        [
          {
            deliveryId: holder.delivery.id,
            leaseToken: holder.leaseToken,
            status: 'succeeded',
            nextAttemptAt: null,
            attempt: attempt(holder.delivery.id, e.id, true, T0 + 10),
          },
        ],
        T0 + 10,
      )
      const rest = claims.filter((c) => !holders.includes(c.delivery.id))
      const next = await ask(rest, T0 + 10)
      expect(next.granted).toHaveLength(1)
      // a released claim frees its slot too, and a claim no longer leased gets nothing
      const released = claims.find((c) => c.delivery.id === holders[1])!
      await store.release([
        { deliveryId: released.delivery.id, leaseToken: released.leaseToken, nextAttemptAt: T0 },
      ])
      expect((await ask([released], T0 + 20)).granted).toEqual([])
      const others = rest.filter((c) => c.delivery.id !== next.granted[0])
      expect((await ask(others, T0 + 20, 1000)).granted).toHaveLength(1)
      expect((await ask(others.slice(1), T0 + 30)).granted).toEqual([])
      // a worker that died holding permits: they lapse after holdMs
      expect((await ask(others.slice(1), T0 + 20 + 1001)).granted).toHaveLength(1)
    })

    it('grants nothing for an endpoint that is gone', async () => {
      expect(
        await store.acquirePermits(
          {
            endpointId: 'ep_gone',
            claims: [{ deliveryId: 'dlv_gone', leaseToken: 1 }],
            ratePerSecond: 1,
            maxConcurrency: 1,
            holdMs: 1000,
          },
          T0,
        ),
      ).toEqual({ granted: [], retryAfterMs: null })
    })

    it('lists committed messages in a gap-free sequence, filtered by tenant and type', async () => {
      const ids: string[] = []
      for (let i = 0; i < 7; i++) {
        const m = message({
          type: i % 2 ? 'clock.out' : 'clock.in',
          tenantId: i === 3 ? 'ten_b' : 'ten_a',
          payload: { i },
        })
        ids.push(m.id)
        await store.insertMessage(m, [])
      }
      await store.insertMessage(message({ type: 'webhook.test', isTest: true }), [])
      await store.sequenceMessages()
      const all = await store.listMessages({ afterSequence: 0, limit: 100 })
      expect(all.map((m) => m.id)).toEqual(ids)
      const seqs = all.map((m) => m.sequence!)
      expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i))
      const page1 = await store.listMessages({ tenantId: 'ten_a', afterSequence: 0, limit: 2 })
      const page2 = await store.listMessages({
        tenantId: 'ten_a',
        afterSequence: page1[1]!.sequence!,
        limit: 10,
      })
      expect([...page1, ...page2].map((m) => m.payload)).toEqual(
        [0, 1, 2, 4, 5, 6].map((i) => ({ i })),
      )
      const outs = await store.listMessages({ afterSequence: 0, types: ['clock.out'], limit: 10 })
      expect(outs.map((m) => m.type)).toEqual(['clock.out', 'clock.out', 'clock.out'])
    })

    it('re-queues one delivery, refusing while it is in flight', async () => {
      const e = endpoint()
      await store.insertEndpoint(e)
      const m = message()
      const d = delivery(m, e)
      await store.insertMessage(m, [d])
      const [c] = await store.claimDue(T0, 1, 10_000)
      expect(await store.requeue(d.id, T0 + 1)).toBe('in_flight')
      await store.recordOutcomes(
        [
          {
            deliveryId: d.id,
            leaseToken: c!.leaseToken,
            status: 'succeeded',
            nextAttemptAt: null,
            attempt: attempt(d.id, e.id, true),
          },
        ],
        T0 + 2,
      )
      expect(await store.requeue(d.id, T0 + 3)).toBe('ok')
      expect(await store.getDelivery(d.id)).toMatchObject({
        status: 'retrying',
        nextAttemptAt: T0 + 3,
        attempts: 1,
      })
      expect(await store.requeue('dlv_missing', T0)).toBe('not_found')
    })

    it('re-queues failed deliveries since a time and finds messages an endpoint missed', async () => {
      const e = endpoint({ eventTypes: ['clock.in'] })
      await store.insertEndpoint(e)
      const old = message({ createdAt: T0 - 10_000 })
      const m = message()
      const failedOld = delivery(old, e, { createdAt: T0 - 10_000 })
      const failedNew = delivery(m, e)
      await store.insertMessage(old, [failedOld])
      await store.insertMessage(m, [failedNew])
      for (const d of [failedOld, failedNew]) {
        const c = await store.claimDelivery(d.id, T0, 1000)
        await store.recordOutcomes(
          [
            {
              deliveryId: d.id,
              leaseToken: c!.leaseToken,
              status: 'failed',
              nextAttemptAt: null,
              attempt: attempt(d.id, e.id, false),
            },
          ],
          T0,
        )
      }
      expect(await store.requeueFailed(e.id, T0 - 1, T0 + 1)).toBe(1)
      expect(await store.getDelivery(failedNew.id)).toMatchObject({
        status: 'retrying',
        nextAttemptAt: T0 + 1,
      })
      expect(await store.getDelivery(failedOld.id)).toMatchObject({ status: 'failed' })

      const missed = message({ createdAt: T0 + 5 })
      const otherType = message({ type: 'clock.out', createdAt: T0 + 6 })
      const otherTenant = message({ tenantId: 'ten_b', createdAt: T0 + 7 })
      for (const x of [missed, otherType, otherTenant]) await store.insertMessage(x, [])
      const found = await store.listMessagesWithoutDelivery({
        endpointId: e.id,
        tenantId: 'ten_a',
        since: T0,
        types: ['clock.in'],
        limit: 10,
      })
      expect(found.map((x) => x.id)).toEqual([missed.id])
      const all = await store.listMessagesWithoutDelivery({
        endpointId: e.id,
        tenantId: 'ten_a',
        since: T0,
        types: null,
        limit: 10,
      })
      expect(all.map((x) => x.id)).toEqual([missed.id, otherType.id])
    })

    it('counts the backlog and purges only final history', async () => {
      const e = endpoint()
      await store.insertEndpoint(e)
      const m = message()
      const done = delivery(m, e)
      const open = delivery(m, e, { nextAttemptAt: T0 + 1000 })
      await store.insertMessage(m, [done, open])
      expect(await store.backlog(T0)).toEqual({ due: 1, scheduled: 1, paused: 0 })
      const c = await store.claimDelivery(done.id, T0, 1000)
      await store.recordOutcomes(
        [
          {
            deliveryId: done.id,
            leaseToken: c!.leaseToken,
            status: 'succeeded',
            nextAttemptAt: null,
            attempt: attempt(done.id, e.id, true),
          },
        ],
        T0,
      )
      const lone = message({ createdAt: T0 - 1 })
      await store.insertMessage(lone, [])
      expect(await store.purge(T0 + 1)).toEqual({ messages: 1, deliveries: 1, attempts: 1 })
      expect(await store.getDelivery(done.id)).toBeUndefined()
      expect(await store.getDelivery(open.id)).toBeDefined()
      expect(await store.getMessage(m.id)).toBeDefined()
    })

    it('stores many messages with their deliveries at once', async () => {
      const e = endpoint()
      await store.insertEndpoint(e)
      const batch = Array.from({ length: 1500 }, () => {
        const m = message()
        return { message: m, deliveries: [delivery(m, e)] }
      })
      await store.insertMessages(batch)
      expect(await store.getMessage(batch[1499]!.message.id)).toBeDefined()
      expect(await store.getDelivery(batch[0]!.deliveries[0]!.id)).toBeDefined()
      expect((await store.backlog(T0)).due).toBe(1500)
      await store.insertMessages([])
    })

    it('purges one tenant’s history only, when asked to', async () => {
      const mine = message({ tenantId: 'ten_mine', createdAt: T0 - 1 })
      const theirs = message({ tenantId: 'ten_theirs', createdAt: T0 - 1 })
      await store.insertMessage(mine, [])
      await store.insertMessage(theirs, [])
      expect(await store.purge(T0 + 1, 'ten_mine')).toEqual({
        messages: 1,
        deliveries: 0,
        attempts: 0,
      })
      expect(await store.getMessage(mine.id)).toBeUndefined()
      expect(await store.getMessage(theirs.id)).toBeDefined()
    })

    it('counts deliveries of a disabled endpoint as paused, not due', async () => {
      const on = endpoint()
      const off = endpoint({ enabled: false })
      await store.insertEndpoint(on)
      await store.insertEndpoint(off)
      const m = message()
      await store.insertMessage(m, [
        delivery(m, on),
        delivery(m, on, { nextAttemptAt: T0 + 10 }),
        delivery(m, off),
      ])
      expect(await store.backlog(T0)).toEqual({ due: 1, scheduled: 1, paused: 1 })
    })

    it('marks the attempt after a requeue as a resend, once', async () => {
      const e = endpoint()
      await store.insertEndpoint(e)
      const m = message()
      const d = delivery(m, e)
      await store.insertMessage(m, [d])
      const [first] = await store.claimDue(T0, 1, 1000)
      expect(first!.trigger).toBe('scheduled')
      const done = (c: typeof first, at: number) =>
        store.recordOutcomes(
          [
            {
              deliveryId: d.id,
              leaseToken: c!.leaseToken,
              status: 'retrying',
              nextAttemptAt: at,
              attempt: attempt(d.id, e.id, false),
            },
          ],
          at,
        )
      await done(first, T0 + 1)
      expect(await store.requeue(d.id, T0 + 2)).toBe('ok')
      const [again] = await store.claimDue(T0 + 2, 1, 1000)
      expect(again!.trigger).toBe('resend')
      // released (shutdown, rate limit): still the resend
      await store.release([
        { deliveryId: d.id, leaseToken: again!.leaseToken, nextAttemptAt: T0 + 3 },
      ])
      const [held] = await store.claimDue(T0 + 3, 1, 1000)
      expect(held!.trigger).toBe('resend')
      await done(held, T0 + 4)
      const [later] = await store.claimDue(T0 + 4, 1, 1000)
      expect(later!.trigger).toBe('scheduled')
    })

    it('skips the endpoints it is told to skip', async () => {
      const busy = endpoint()
      const free = endpoint()
      await store.insertEndpoint(busy)
      await store.insertEndpoint(free)
      const m = message()
      await store.insertMessage(m, [delivery(m, busy), delivery(m, busy), delivery(m, free)])
      const claims = await store.claimDue(T0, 10, 1000, { skipEndpoints: [busy.id] })
      expect(claims.map((c) => c.endpoint.id)).toEqual([free.id])
      expect(await store.claimDue(T0, 10, 1000, { skipEndpoints: [] })).toHaveLength(2)
    })

    it('takes back the leases of a worker whose heartbeat stopped, never of a live one', async () => {
      const e = endpoint()
      await store.insertEndpoint(e)
      const m = message()
      const ds = [delivery(m, e), delivery(m, e), delivery(m, e)]
      await store.insertMessage(m, ds)
      expect(await store.heartbeat('w_dead', T0, 5000)).toEqual({ reclaimed: 0 })
      expect(await store.heartbeat('w_slow', T0, 5000)).toEqual({ reclaimed: 0 })
      const deadClaims = await store.claimDue(T0, 1, 600_000, { owner: 'w_dead' })
      const slowClaims = await store.claimDue(T0, 1, 600_000, { owner: 'w_slow' })
      const anonymous = await store.claimDelivery(ds[2]!.id, T0, 600_000)
      expect([deadClaims, slowClaims].map((c) => c.length)).toEqual([1, 1])
      expect(anonymous).toBeDefined()
      // the slow worker keeps beating; the dead one does not
      expect(await store.heartbeat('w_slow', T0 + 4000, 5000)).toEqual({ reclaimed: 0 })
      expect(await store.heartbeat('w_live', T0 + 4000, 5000)).toEqual({ reclaimed: 0 })
      expect(await store.claimDue(T0 + 4000, 10, 1000, { owner: 'w_live' })).toEqual([])
      // whichever live worker beats first takes the dead one's leases back, once
      expect(await store.heartbeat('w_slow', T0 + 8000, 5000)).toEqual({ reclaimed: 1 })
      expect(await store.heartbeat('w_live', T0 + 8000, 5000)).toEqual({ reclaimed: 0 })
      const taken = await store.claimDue(T0 + 8000, 10, 1000, { owner: 'w_live' })
      expect(taken.map((c) => c.delivery.id)).toEqual([deadClaims[0]!.delivery.id])
      // the dead worker's outcome no longer counts (fenced)
      const late = await store.recordOutcomes(
        [
          {
            deliveryId: deadClaims[0]!.delivery.id,
            leaseToken: deadClaims[0]!.leaseToken,
            status: 'succeeded',
            nextAttemptAt: null,
            attempt: attempt(deadClaims[0]!.delivery.id, e.id, true),
          },
        ],
        T0 + 8001,
      )
      expect(late.size).toBe(0)
      // a worker that comes back registers afresh; a removed one is forgotten
      expect(await store.heartbeat('w_dead', T0 + 9000, 5000)).toEqual({ reclaimed: 0 })
      await store.removeWorker('w_dead')
      await store.removeWorker('w_missing')
      expect(await store.heartbeat('w_slow', T0 + 9000, 5000)).toEqual({ reclaimed: 0 })
    })

    it('lists deliveries newest first with a cursor and a status filter', async () => {
      const e = endpoint()
      await store.insertEndpoint(e)
      const ds: NewDelivery[] = []
      for (let i = 0; i < 5; i++) {
        const m = message()
        const d = delivery(m, e)
        ds.push(d)
        await store.insertMessage(m, [d])
      }
      const page = await store.listDeliveries({ endpointId: e.id, limit: 2 })
      expect(page.map((d) => d.id)).toEqual([ds[4]!.id, ds[3]!.id])
      const next = await store.listDeliveries({ endpointId: e.id, limit: 10, beforeId: ds[3]!.id })
      expect(next.map((d) => d.id)).toEqual([ds[2]!.id, ds[1]!.id, ds[0]!.id])
      expect(await store.listDeliveries({ endpointId: e.id, status: 'failed', limit: 10 })).toEqual(
        [],
      )
    })

    // the memory store has no transactions: only the SQL stores take the host's
    if (factory.name === 'memory') return

    it('commits and rolls back a message with the host transaction', async () => {
      const kysely = handle.kysely!
      await sql`create table host_entries (id text primary key)`.execute(kysely)
      const e = endpoint()
      await store.insertEndpoint(e)
      const kept = message()
      await kysely.transaction().execute(async (trx) => {
        await trx.insertInto('host_entries').values({ id: 'te_1' }).execute()
        await store.insertMessage(kept, [delivery(kept, e)], trx)
      })
      const lost = message()
      await expect(
        kysely.transaction().execute(async (trx) => {
          await trx.insertInto('host_entries').values({ id: 'te_2' }).execute()
          await store.insertMessage(lost, [delivery(lost, e)], trx)
          throw new Error('host write failed')
        }),
      ).rejects.toThrow('host write failed')
      expect(await store.getMessage(kept.id)).toBeDefined()
      expect(await store.getMessage(lost.id)).toBeUndefined()
      expect(
        (await store.listDeliveries({ endpointId: e.id, limit: 10 })).map((d) => d.messageId),
      ).toEqual([kept.id])
      const rows = await kysely.selectFrom('host_entries').selectAll().execute()
      expect(rows).toEqual([{ id: 'te_1' }])
    })
  })
}
