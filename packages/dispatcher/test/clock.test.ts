import { describe, expect, it } from 'vitest'
import { createDispatcher, memoryStore } from '../src/index'
import { eventually, manualTimerClock, startReceiver } from './helpers/receiver'

const LOCAL = { allowedCidrs: ['127.0.0.1/32'] }

describe('the clock option', () => {
  it('drives the poll: a retry comes due and is claimed when the clock reaches the poll, without a wake()', async () => {
    const receiver = await startReceiver((_q, res, _r, i) =>
      res.writeHead(i === 0 ? 500 : 200).end(),
    )
    const clock = manualTimerClock()
    const d = createDispatcher({
      store: memoryStore(),
      ssrf: LOCAL,
      clock,
      retrySchedule: [0, 1000],
      jitter: 0,
      pollIntervalMs: 30_000,
    })
    try {
      await d.start()
      await d.createEndpoint({ url: receiver.url })
      const { deliveryIds } = await d.send({ type: 'clock.in', data: {} })
      const id = deliveryIds[0]!
      const first = await eventually(async () => {
        const x = await d.getDelivery(id)
        return x.delivery.attempts === 1 && x.delivery
      })
      expect(first).toMatchObject({ status: 'retrying', nextAttemptAt: clock.now() + 1000 })
      clock.advance(30_000)
      const done = await eventually(async () => {
        const x = await d.getDelivery(id)
        return x.delivery.status === 'succeeded' && x
      })
      expect(done.attempts.map((a) => a.httpStatus)).toEqual([500, 200])
      expect(done.attempts[1]!.attemptedAt).toBe(first.nextAttemptAt! + 29_000)
    } finally {
      await d.stop()
      await receiver.close()
    }
  })

  it('records attempts through failed store writes, retrying them (and saying so)', async () => {
    const receiver = await startReceiver()
    const store = memoryStore()
    let failures = 2
    const flaky = {
      ...store,
      recordOutcomes: async (...args: Parameters<typeof store.recordOutcomes>) => {
        if (failures-- > 0) throw new Error('database is locked')
        return store.recordOutcomes(...args)
      },
    }
    const d = createDispatcher({ store: flaky, ssrf: LOCAL })
    const errors: string[] = []
    d.on('error', (e) => errors.push(`${e.context}: ${(e.error as Error).message}`))
    try {
      await d.start()
      await d.createEndpoint({ url: receiver.url })
      const { deliveryIds } = await d.send({ type: 'clock.in', data: {} })
      const detail = await eventually(async () => {
        const x = await d.getDelivery(deliveryIds[0]!)
        return x.delivery.status === 'succeeded' && x
      })
      expect(detail.attempts).toHaveLength(1)
      expect(errors).toEqual(['record: database is locked', 'record: database is locked'])
      expect(receiver.requests).toHaveLength(1)
    } finally {
      await d.stop()
      await receiver.close()
    }
  })
})
