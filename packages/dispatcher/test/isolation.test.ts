import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import type { Attempt } from '../src/index'
import { EndpointLimits } from '../src/limits'
import { useSqliteHarness } from './helpers/harness'
import { eventually, startReceiver } from './helpers/receiver'

describe('one tenant cannot stall another', () => {
  const h = useSqliteHarness()

  it("delivers tenant Y's messages while tenant X's endpoints hang", async () => {
    // X's receiver never answers; X's attempts would time out only after 20 s
    const open = new Map<string, number>()
    const peak = new Map<string, number>()
    h.receiver.handler = (req: IncomingMessage) => {
      const path = req.url ?? ''
      open.set(path, (open.get(path) ?? 0) + 1)
      peak.set(path, Math.max(peak.get(path) ?? 0, open.get(path)!))
    }
    const healthy = await startReceiver()
    try {
      const d = await h.start({ timeoutMs: 20_000 })
      const attempts: Attempt[] = []
      d.on('attempt', ({ attempt }) => attempts.push(attempt))
      const xEndpoints: string[] = []
      for (const n of [1, 2, 3]) {
        const { endpoint } = await d.createEndpoint({
          url: `${h.receiver.url}/x${n}`,
          tenantId: 'x',
        })
        xEndpoints.push(endpoint.id)
      }
      for (let i = 0; i < 40; i++) await d.send({ type: 'clock.in', tenantId: 'x', data: { i } })
      // X holds all it may: its three starting shares (3 × 16 of the 64 slots)
      await h.receiver.waitFor(48, 10_000)

      await d.createEndpoint({ url: healthy.url, tenantId: 'y' })
      const sentAt = new Map<number, number>()
      for (let i = 0; i < 20; i++) {
        sentAt.set(i, Date.now())
        await d.send({ type: 'clock.in', tenantId: 'y', data: { i } })
      }
      await healthy.waitFor(20, 15_000)
      // every one of Y's arrived before the first of X's attempts even timed out
      expect(attempts.filter((a) => xEndpoints.includes(a.endpointId))).toEqual([])
      const latencies = healthy.requests
        .map((r) => r.at - sentAt.get(JSON.parse(r.body).data.i)!)
        .sort((a, b) => a - b)
      console.log(
        `isolation: Y's 20 deliveries with X hanging: p50 ${latencies[9]} ms, max ${latencies[19]} ms; ` +
          `X in flight per endpoint at most ${[...peak.values()].join(', ')}`,
      )
      // a hanging endpoint never holds more than its starting share (a quarter of 64)
      for (const n of peak.values()) expect(n).toBeLessThanOrEqual(16)
    } finally {
      await h.dispatcher?.stop({ timeoutMs: 1000 })
      h.dispatcher = undefined
      await healthy.close()
    }
  }, 30_000)

  it("honours an endpoint's own timeout", async () => {
    h.receiver.handler = () => {}
    const d = await h.start({ timeoutMs: 30_000 })
    await d.createEndpoint({ url: h.receiver.url, timeoutMs: 300 })
    const { deliveryIds } = await d.send({ type: 'clock.in', data: {} })
    const x = await eventually(async () => {
      const y = await d.getDelivery(deliveryIds[0]!)
      return y.attempts.length > 0 && y
    })
    expect(x.attempts[0]).toMatchObject({
      errorKind: 'timeout',
      errorMessage: 'no complete response within 300 ms',
    })
  })

  it('adapts a share: up on prompt successes, halved when an attempt hangs', () => {
    const limits = new EndpointLimits({ initial: 4, max: 8 })
    const take = () => limits.acquire('ep', null)
    for (let i = 0; i < 4; i++) expect(take()).toBe(0)
    expect(take()).toBeGreaterThan(0)
    expect(limits.full(10)).toEqual(['ep'])
    limits.release('ep', false)
    expect(limits.capOf('ep')).toBe(4)
    // the first prompt success opens the endpoint to the whole process
    limits.release('ep', true)
    expect(limits.capOf('ep')).toBe(8)
    limits.release('ep', true)
    limits.release('ep', true)
    limits.slow('ep')
    limits.slow('ep')
    expect(limits.capOf('ep')).toBe(2)
    // once cut, it grows back one slot per prompt success
    limits.release('ep', true)
    expect(limits.capOf('ep')).toBe(3)
    limits.slow('ep')
    for (let i = 0; i < 10; i++) limits.slow('ep')
    expect(limits.capOf('ep')).toBe(1)
    expect(take()).toBe(0)
    expect(take()).toBeGreaterThan(0)
    limits.release('ep', false)
    expect(limits.capOf('ep')).toBe(1)
    // an endpoint's own maxConcurrency still bounds it
    expect(limits.acquire('capped', 1)).toBe(0)
    expect(limits.acquire('capped', 1)).toBeGreaterThan(0)
    expect(limits.full(10)).toEqual(['capped'])
  })
})

describe('stop', () => {
  const h = useSqliteHarness()

  it('finishes by its deadline with deliveries hanging, and gives them back unattempted', async () => {
    h.receiver.handler = () => {}
    const d = await h.start({ timeoutMs: 30_000 })
    await d.createEndpoint({ url: h.receiver.url })
    const sent = []
    for (let i = 0; i < 3; i++) sent.push(await d.send({ type: 'clock.in', data: { i } }))
    await h.receiver.waitFor(3)
    const outcome = await Promise.race([
      d.stop({ timeoutMs: 500 }).then(() => 'stopped'),
      new Promise((r) => setTimeout(() => r('still stopping after 10 s'), 10_000)),
    ])
    expect(outcome).toBe('stopped')
    h.dispatcher = undefined
    for (const { deliveryIds } of sent) {
      const x = await h.handle.store.getDelivery(deliveryIds[0]!)
      expect(x).toMatchObject({ status: 'pending', attempts: 0, lastError: null })
      expect(await h.handle.store.listAttempts(deliveryIds[0]!)).toEqual([])
    }
    // released, due now: the next worker sends them at once
    expect(await h.handle.store.backlog(Date.now())).toMatchObject({ due: 3 })
    h.receiver.handler = (_q, res) => res.writeHead(204).end()
    await h.start()
    await h.receiver.waitFor(6)
  })
})
