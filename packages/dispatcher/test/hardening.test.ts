import { describe, expect, it } from 'vitest'
import { createDispatcher, memoryStore } from '../src/index'
import { useDispatcherHarness } from './helpers/harness'
import { eventually, manualClock } from './helpers/receiver'
import { storeFactories } from './helpers/stores'

for (const factory of storeFactories) {
  describe.skipIf(!factory.available)(`hardening on the ${factory.name} store`, () => {
    const h = useDispatcherHarness(factory)

    it('records a manual resend as a resend, and the scheduled attempts as scheduled', async () => {
      let calls = 0
      h.receiver.handler = (_q, res) => res.writeHead(calls++ === 0 ? 500 : 200).end()
      const d = h.make({ retrySchedule: [0, 10], jitter: 0 })
      await d.start()
      await d.createEndpoint({ url: h.receiver.url })
      const { deliveryIds } = await d.send({ type: 'clock.in', data: {} })
      const id = deliveryIds[0]!
      await eventually(async () => (await d.getDelivery(id)).delivery.status === 'succeeded')
      await d.resend(id)
      const detail = await eventually(async () => {
        const x = await d.getDelivery(id)
        return x.attempts.length === 3 && x
      })
      expect(detail.attempts.map((a) => a.trigger)).toEqual(['scheduled', 'scheduled', 'resend'])
    })

    it('recovers only messages sent since the endpoint exists', async () => {
      const clock = manualClock()
      const d = h.make({ clock })
      const before = await d.send({ type: 'clock.in', data: { n: 'before' } })
      expect(before.deliveryIds).toEqual([])
      clock.advance(1000)
      const { endpoint } = await d.createEndpoint({ url: h.receiver.url, enabled: false })
      clock.advance(1000)
      await d.send({ type: 'clock.in', data: { n: 'after' } })
      await d.updateEndpoint(endpoint.id, { enabled: true })
      expect(await d.recover(endpoint.id, { since: 0 })).toEqual({ requeued: 0, created: 1 })
      await d.start()
      await h.receiver.waitFor(1)
      await eventually(async () => {
        const b = await d.backlog()
        return b.inFlight === 0 && b.due + b.scheduled + b.paused === 0
      })
      expect(h.receiver.requests.map((r) => JSON.parse(r.body).data.n)).toEqual(['after'])
    })

    it('never takes a lease from a live worker that is merely slow', async () => {
      h.receiver.handler = (_q, res) => setTimeout(() => res.writeHead(200).end(), 1500)
      const slow = h.make({ heartbeatMs: 100, leaseMs: 600_000 })
      await slow.start()
      await slow.createEndpoint({ url: h.receiver.url })
      const sent = []
      for (let i = 0; i < 5; i++) sent.push(await slow.send({ type: 'clock.in', data: { i } }))
      await h.receiver.waitFor(5)
      // another worker beats ten times over while the first is still waiting for answers
      const other = h.make({ heartbeatMs: 100, leaseMs: 600_000 })
      await other.start()
      for (const { deliveryIds } of sent) {
        await eventually(
          async () => (await slow.getDelivery(deliveryIds[0]!)).delivery.status === 'succeeded',
        )
      }
      expect(h.receiver.requests).toHaveLength(5)
      for (const { deliveryIds } of sent) {
        expect((await slow.getDelivery(deliveryIds[0]!)).delivery.attempts).toBe(1)
      }
    })

    it('counts only deliveries of enabled endpoints as due', async () => {
      const d = h.make()
      const on = await d.createEndpoint({ url: h.receiver.url })
      const off = await d.createEndpoint({ url: h.receiver.url })
      await d.send({ type: 'clock.in', data: {} })
      await d.updateEndpoint(off.endpoint.id, { enabled: false })
      expect(on.endpoint.enabled).toBe(true)
      expect(await d.backlog()).toEqual({ due: 1, scheduled: 0, paused: 1, inFlight: 0 })
    })
  })
}

describe('custom headers are checked when saved', () => {
  const d = createDispatcher({ store: memoryStore() })
  const url = 'https://example.com/hooks'

  it.each([
    ['a value beyond Latin-1', { 'x-u': 'caf\u00e9 \u2603' }, /character HTTP cannot carry/],
    ['an emoji', { 'x-u': '\u{1F600}' }, /character HTTP cannot carry/],
    ['a line break', { 'x-u': 'a\r\nb: c' }, /character HTTP cannot carry/],
    ['a NUL', { 'x-u': 'a\u0000b' }, /character HTTP cannot carry/],
    ['a control character', { 'x-u': 'a\u0007b' }, /character HTTP cannot carry/],
    ['a name with a space', { 'x u': 'v' }, /not a valid header name/],
    ['a name with a colon', { 'x:u': 'v' }, /not a valid header name/],
    ['an empty name', { '': 'v' }, /not a valid header name/],
    ['user-agent', { 'User-Agent': 'mine/1.0' }, /user-agent header is reserved/],
    ['content-type', { 'content-type': 'text/plain' }, /reserved/],
    ['content-length', { 'content-length': '1' }, /reserved/],
    ['host', { host: 'internal' }, /reserved/],
    ['connection', { connection: 'close' }, /reserved/],
    ['transfer-encoding', { 'transfer-encoding': 'chunked' }, /reserved/],
    ['webhook-id', { 'webhook-id': 'x' }, /reserved/],
    ['webhook-timestamp', { 'Webhook-Timestamp': '1' }, /reserved/],
    ['webhook-signature', { 'webhook-signature': 'v1,x' }, /reserved/],
    ['a proxy header', { 'proxy-authorization': 'x' }, /reserved/],
    ['a name given twice', { 'X-A': '1', 'x-a': '2' }, /given twice/],
    ['a non-string value', { 'x-a': 1 as unknown as string }, /must be a string/],
  ])('refuses %s on create and on update', async (_what, headers, message) => {
    await expect(d.createEndpoint({ url, headers })).rejects.toMatchObject({
      name: 'DispatcherError',
      code: 'invalid_argument',
      message: expect.stringMatching(message),
    })
    const { endpoint } = await d.createEndpoint({ url })
    await expect(d.updateEndpoint(endpoint.id, { headers })).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(message),
    })
  })

  it('accepts Latin-1, tabs and the usual credentials', async () => {
    const { endpoint } = await d.createEndpoint({
      url,
      headers: { Authorization: 'Bearer abc.def', 'X-Name': 'Ren\u00e9e\tM\u00fcller' },
    })
    expect(Object.keys(endpoint.headers)).toEqual(['authorization', 'x-name'])
  })
})
