import { createHmac } from 'node:crypto'
import { Webhook } from '@clockhook/signer'
import { describe, expect, it } from 'vitest'
import type { DispatcherEvents } from '../src/index'
import { DispatcherError } from '../src/index'
import { useDispatcherHarness } from './helpers/harness'
import { eventually, manualClock, startReceiver } from './helpers/receiver'
import { storeFactories } from './helpers/stores'

for (const factory of storeFactories) {
  describe.skipIf(!factory.available)(`delivery on the ${factory.name} store`, () => {
    const h = useDispatcherHarness(factory)

    it('delivers a signed message that verifies with the endpoint secret', async () => {
      const d = h.make()
      await d.start()
      const { endpoint, secret } = await d.createEndpoint({
        url: h.receiver.url,
        headers: { 'x-team': 'payroll' },
      })
      const { messageId, deliveryIds } = await d.send({
        type: 'clock.in',
        data: { worker_id: 'wkr_1' },
      })
      expect(deliveryIds).toHaveLength(1)
      const [req] = await h.receiver.waitFor(1)
      expect(req!.headers['webhook-id']).toBe(messageId)
      expect(req!.headers['content-type']).toBe('application/json')
      expect(req!.headers['x-team']).toBe('payroll')
      const event = new Webhook(secret).verify(req!.body, req!.headers as Record<string, string>)
      expect(event).toMatchObject({ type: 'clock.in', data: { worker_id: 'wkr_1' } })
      const detail = await eventually(async () => {
        const x = await d.getDelivery(deliveryIds[0]!)
        return x.delivery.status === 'succeeded' && x
      })
      expect(detail.attempts).toHaveLength(1)
      expect(detail.attempts[0]).toMatchObject({
        succeeded: true,
        httpStatus: 204,
        endpointId: endpoint.id,
        trigger: 'scheduled',
      })
      expect(detail.attempts[0]!.requestHeaders['webhook-signature']).toMatch(/^v1,/)
    })

    it('adds the host’s extra headers, computed from the body and the secret, but never over the signature', async () => {
      const d = h.make({
        extraHeaders: ({ endpoint, body, secret }): Record<string, string> =>
          endpoint.metadata.legacy
            ? {
                'X-Legacy-Signature': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
                'webhook-signature': 'forged',
              }
            : {},
      })
      await d.start()
      const { secret } = await d.createEndpoint({ url: h.receiver.url, metadata: { legacy: true } })
      await d.send({ type: 'clock.in', data: { n: 1 } })
      const [req] = await h.receiver.waitFor(1)
      const expected = createHmac('sha256', secret).update(req!.body).digest('hex')
      expect(req!.headers['x-legacy-signature']).toBe(`sha256=${expected}`)
      expect(() =>
        new Webhook(secret).verify(req!.body, req!.headers as Record<string, string>),
      ).not.toThrow()
    })

    it('fans out only to enabled endpoints of the tenant that take the type', async () => {
      const d = h.make()
      await d.start()
      await d.createEndpoint({
        url: `${h.receiver.url}?a`,
        tenantId: 't1',
        eventTypes: ['clock.*'],
      })
      await d.createEndpoint({
        url: `${h.receiver.url}?b`,
        tenantId: 't1',
        eventTypes: ['worker.created'],
      })
      await d.createEndpoint({ url: `${h.receiver.url}?c`, tenantId: 't1', enabled: false })
      await d.createEndpoint({ url: `${h.receiver.url}?d`, tenantId: 't2' })
      const { deliveryIds } = await d.send({ type: 'clock.out', data: {}, tenantId: 't1' })
      expect(deliveryIds).toHaveLength(1)
      await eventually(
        async () => (await d.getDelivery(deliveryIds[0]!)).delivery.status === 'succeeded',
      )
      const backlog = await d.backlog()
      expect(backlog).toEqual({ due: 0, scheduled: 0, paused: 0, inFlight: 0 })
      expect(h.receiver.requests).toHaveLength(1)
    })

    it('retries 500s on the schedule, then succeeds with the same webhook-id', async () => {
      const clock = manualClock()
      h.receiver.handler = (_req, res, _r, i) =>
        res.writeHead(i < 2 ? 500 : 200).end(i < 2 ? 'down' : 'ok')
      const d = h.make({ clock, jitter: 0 })
      await d.start()
      await d.createEndpoint({ url: h.receiver.url })
      const { deliveryIds, messageId } = await d.send({ type: 'clock.in', data: {} })
      await h.receiver.waitFor(1)
      const afterFirst = await eventually(async () => {
        const x = await d.getDelivery(deliveryIds[0]!)
        return x.delivery.attempts === 1 && x.delivery
      })
      expect(afterFirst).toMatchObject({
        status: 'retrying',
        lastHttpStatus: 500,
        nextAttemptAt: clock.now() + 5000,
      })
      clock.advance(5000)
      d.wake()
      await h.receiver.waitFor(2)
      await eventually(async () => (await d.getDelivery(deliveryIds[0]!)).delivery.attempts === 2)
      clock.advance(300_000)
      d.wake()
      await h.receiver.waitFor(3)
      const done = await eventually(async () => {
        const x = await d.getDelivery(deliveryIds[0]!)
        return x.delivery.status === 'succeeded' && x
      })
      expect(done.attempts.map((a) => a.httpStatus)).toEqual([500, 500, 200])
      expect(done.attempts[0]!.responsePreview).toBe('down')
      expect(new Set(h.receiver.requests.map((r) => r.headers['webhook-id']))).toEqual(
        new Set([messageId]),
      )
    })

    it('fails for good after the last scheduled attempt and says so', async () => {
      const clock = manualClock()
      h.receiver.handler = (_req, res) => res.writeHead(503).end()
      const d = h.make({ clock, retrySchedule: [0, 1000, 2000], jitter: 0 })
      const failed: Array<DispatcherEvents['delivery.failed']> = []
      d.on('delivery.failed', (e) => failed.push(e))
      await d.start()
      await d.createEndpoint({ url: h.receiver.url })
      const { deliveryIds } = await d.send({ type: 'clock.in', data: {} })
      for (let i = 1; i <= 3; i++) {
        await h.receiver.waitFor(i)
        await eventually(async () => (await d.getDelivery(deliveryIds[0]!)).delivery.attempts === i)
        clock.advance(2000)
        d.wake()
      }
      const x = await d.getDelivery(deliveryIds[0]!)
      expect(x.delivery).toMatchObject({
        status: 'failed',
        attempts: 3,
        nextAttemptAt: null,
        lastHttpStatus: 503,
      })
      await eventually(async () => failed.length === 1)
      expect(failed[0]!.delivery.id).toBe(deliveryIds[0])
    })

    it('resends a delivery as a new attempt of the same message', async () => {
      const d = h.make()
      await d.start()
      const { endpoint } = await d.createEndpoint({ url: h.receiver.url })
      const { deliveryIds, messageId } = await d.send({ type: 'clock.in', data: { n: 1 } })
      await eventually(
        async () => (await d.getDelivery(deliveryIds[0]!)).delivery.status === 'succeeded',
      )
      await d.resend(deliveryIds[0]!, { tenantId: endpoint.tenantId })
      await h.receiver.waitFor(2)
      expect(h.receiver.requests.map((r) => r.headers['webhook-id'])).toEqual([
        messageId,
        messageId,
      ])
      const x = await eventually(async () => {
        const y = await d.getDelivery(deliveryIds[0]!)
        return y.attempts.length === 2 && y.delivery.attempts === 2 && y
      })
      expect(x.delivery.attempts).toBe(2)
      await expect(d.resend('dlv_nope')).rejects.toMatchObject({ code: 'not_found' })
      await expect(d.resend(deliveryIds[0]!, { tenantId: 'other' })).rejects.toBeInstanceOf(
        DispatcherError,
      )
    })

    it('sends a test event to one endpoint only and answers with the outcome', async () => {
      const d = h.make()
      const other = await startReceiver()
      try {
        const { endpoint, secret } = await d.createEndpoint({ url: h.receiver.url })
        await d.createEndpoint({ url: other.url })
        h.receiver.handler = (_req, res) => res.writeHead(202).end('accepted')
        const result = await d.sendTest(endpoint.id)
        expect(result.delivery).toMatchObject({
          status: 'succeeded',
          isTest: true,
          eventType: 'webhook.test',
          lastHttpStatus: 202,
        })
        expect(result.attempts[0]).toMatchObject({ trigger: 'test', responsePreview: 'accepted' })
        expect(
          new Webhook(secret).verify(
            h.receiver.requests[0]!.body,
            h.receiver.requests[0]!.headers as Record<string, string>,
          ),
        ).toMatchObject({ type: 'webhook.test' })
        h.receiver.handler = (_req, res) => res.writeHead(500).end()
        const failed = await d.sendTest(endpoint.id)
        expect(failed.delivery).toMatchObject({
          status: 'failed',
          lastHttpStatus: 500,
          attempts: 1,
        })
        expect(other.requests).toHaveLength(0)
        expect((await d.listMessages()).data).toEqual([])
      } finally {
        await other.close()
      }
    })

    it('signs with the old and the new secret during a rotation grace period', async () => {
      const clock = manualClock()
      const d = h.make({ clock })
      await d.start()
      const { endpoint, secret: oldSecret } = await d.createEndpoint({ url: h.receiver.url })
      const { secret: newSecret } = await d.rotateSecret(endpoint.id, { gracePeriodMs: 60_000 })
      await d.send({ type: 'clock.in', data: {} })
      const [req] = await h.receiver.waitFor(1)
      expect(String(req!.headers['webhook-signature']).split(' ')).toHaveLength(2)
      for (const s of [oldSecret, newSecret]) {
        expect(
          new Webhook(s).verify(req!.body, req!.headers as Record<string, string>),
        ).toBeTruthy()
      }
      clock.advance(60_001)
      await d.send({ type: 'clock.in', data: {} })
      const [, late] = await h.receiver.waitFor(2)
      expect(String(late!.headers['webhook-signature']).split(' ')).toHaveLength(1)
      expect(() =>
        new Webhook(oldSecret).verify(late!.body, late!.headers as Record<string, string>),
      ).toThrow()
      expect((await d.getEndpointSecrets(endpoint.id)).map((s) => s.secret)).toEqual([newSecret])
    })

    it('disables an endpoint that answers 410 Gone, and recovers what it missed', async () => {
      h.receiver.handler = (_req, res) => res.writeHead(410).end()
      const d = h.make()
      const disabled: Array<DispatcherEvents['endpoint.disabled']> = []
      d.on('endpoint.disabled', (e) => disabled.push(e))
      await d.start()
      const since = Date.now() - 1000
      const { endpoint } = await d.createEndpoint({ url: h.receiver.url })
      const first = await d.send({ type: 'clock.in', data: { n: 1 } })
      await eventually(async () => disabled.length === 1)
      expect(disabled[0]).toMatchObject({
        reason: 'gone',
        endpoint: { id: endpoint.id, enabled: false },
      })
      expect((await d.getDelivery(first.deliveryIds[0]!)).delivery.status).toBe('failed')
      const missed = await d.send({ type: 'clock.in', data: { n: 2 } })
      expect(missed.deliveryIds).toEqual([])
      h.receiver.handler = (_req, res) => res.writeHead(200).end()
      await d.updateEndpoint(endpoint.id, { enabled: true })
      expect(await d.recover(endpoint.id, { since })).toEqual({ requeued: 1, created: 1 })
      await h.receiver.waitFor(3)
      const ns = h.receiver.requests
        .slice(1)
        .map((r) => JSON.parse(r.body).data.n)
        .sort()
      expect(ns).toEqual([1, 2])
    })

    it('pages the pull API over every message exactly once', async () => {
      const d = h.make()
      const sent: string[] = []
      for (let i = 0; i < 25; i++)
        sent.push(
          (await d.send({ type: i % 3 ? 'clock.in' : 'clock.out', data: { i }, tenantId: 't1' }))
            .messageId,
        )
      await d.send({ type: 'clock.in', data: {}, tenantId: 't2' })
      const seen: string[] = []
      let cursor: string | null = null
      for (let pages = 0; pages < 10; pages++) {
        const page = await d.listMessages({ tenantId: 't1', after: cursor, limit: 7 })
        seen.push(...page.data.map((m) => m.id))
        cursor = page.nextCursor
        if (!page.hasMore) break
      }
      expect(seen).toEqual(sent)
      const again = await d.listMessages({ tenantId: 't1', after: cursor })
      expect(again).toMatchObject({ data: [], hasMore: false, nextCursor: cursor })
      const outs = await d.listMessages({ tenantId: 't1', types: ['clock.out'] })
      expect(outs.data).toHaveLength(9)
    })
  })
}
