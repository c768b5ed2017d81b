import { Webhook } from '@clockhook/signer'
import { describe, expect, it } from 'vitest'
import { main } from '../../../examples/embed-dispatcher/index'
import { startReceiver } from './helpers/receiver'

describe('examples/embed-dispatcher', () => {
  it('delivers the transactional clock-in to a local receiver, signed with the printed secret', async () => {
    const receiver = await startReceiver()
    try {
      const lines: string[] = []
      const { secret, messageId, delivery } = await main({
        url: receiver.url,
        log: (line) => lines.push(line),
      })
      expect(delivery).toMatchObject({ status: 'succeeded', attempts: 1 })
      const [request] = receiver.requests
      expect(receiver.requests).toHaveLength(1)
      expect(request!.headers['webhook-id']).toBe(messageId)
      expect(
        new Webhook(secret).verify(request!.body, request!.headers as Record<string, string>),
      ).toMatchObject({ type: 'clock.in', data: { entry_id: 'te_1', worker_id: 'wkr_1' } })
      expect(lines[0]).toContain(secret)
      expect(lines[1]).toMatch(/^delivered msg_/)
    } finally {
      await receiver.close()
    }
  })

  it('verifies the delivery in its own receiver when no URL is given', async () => {
    const lines: string[] = []
    const { delivery } = await main({ log: (line) => lines.push(line) })
    expect(delivery.status).toBe('succeeded')
    expect(lines.some((l) => l.startsWith('the receiver verified: {"type":"clock.in"'))).toBe(true)
  })
})
