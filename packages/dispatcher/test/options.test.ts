import { Webhook } from '@clockhook/signer'
import { describe, expect, it } from 'vitest'
import type { Endpoint, Message } from '../src/index'
import { createDispatcher, memoryStore } from '../src/index'
import { useSqliteHarness } from './helpers/harness'
import { eventually } from './helpers/receiver'

describe('dispatcher options', () => {
  const h = useSqliteHarness()

  it('renders each delivery for its endpoint (payload versions)', async () => {
    const render = (message: Message, endpoint: Endpoint) =>
      JSON.stringify(
        endpoint.version === 2
          ? { type: message.type, version: 2, data: message.payload }
          : { type: message.type, data: message.payload },
      )
    const d = await h.start({ render })
    const v1 = await d.createEndpoint({ url: `${h.receiver.url}?v1` })
    const v2 = await d.createEndpoint({ url: `${h.receiver.url}?v2`, version: 2 })
    await d.send({ type: 'clock.in', data: { n: 1 } })
    await h.receiver.waitFor(2)
    const bodies = h.receiver.requests.map((r) => JSON.parse(r.body))
    expect(bodies).toContainEqual({ type: 'clock.in', data: { n: 1 } })
    expect(bodies).toContainEqual({ type: 'clock.in', version: 2, data: { n: 1 } })
    for (const r of h.receiver.requests) {
      const secret = r.body.includes('"version"') ? v2.secret : v1.secret
      expect(new Webhook(secret).verify(r.body, r.headers as Record<string, string>)).toBeTruthy()
    }
  })

  it('records a render failure as a failed attempt and retries it', async () => {
    const d = await h.start({
      render: () => {
        throw new Error('unknown payload version')
      },
    })
    await d.createEndpoint({ url: h.receiver.url })
    const { deliveryIds } = await d.send({ type: 'clock.in', data: {} })
    const x = await eventually(async () => {
      const y = await d.getDelivery(deliveryIds[0]!)
      return y.attempts.length > 0 && y.delivery.attempts > 0 && y
    })
    expect(x.attempts[0]).toMatchObject({ errorKind: 'render', succeeded: false })
    expect(x.attempts[0]!.errorMessage).toMatch(/unknown payload version/)
    expect(x.delivery.status).toBe('retrying')
    expect(h.receiver.requests).toHaveLength(0)
  })

  it('keeps secrets sealed at rest with a secret cipher', async () => {
    const sealed = new Map<string, string>()
    const cipher = {
      seal: (plain: string) => {
        const token = `sealed:${sealed.size}`
        sealed.set(token, plain)
        return token
      },
      open: (token: string) => sealed.get(token)!,
    }
    const d = await h.start({ secretCipher: cipher })
    const { endpoint, secret } = await d.createEndpoint({ url: h.receiver.url })
    const stored = await h.handle.store.getEndpoint(endpoint.id)
    expect(JSON.stringify(stored)).not.toContain(secret)
    expect(stored!.secrets[0]!.secret).toBe('sealed:0')
    expect((await d.getEndpointSecrets(endpoint.id))[0]!.secret).toBe(secret)
    await d.send({ type: 'clock.in', data: {} })
    const [req] = await h.receiver.waitFor(1)
    expect(
      new Webhook(secret).verify(req!.body, req!.headers as Record<string, string>),
    ).toBeTruthy()
  })

  it('never returns secrets with an endpoint', async () => {
    const d = await h.start()
    const { endpoint, secret } = await d.createEndpoint({ url: h.receiver.url })
    for (const e of [
      endpoint,
      await d.getEndpoint(endpoint.id),
      (await d.listEndpoints()).data[0],
    ]) {
      expect(JSON.stringify(e)).not.toContain(secret)
      expect(e).not.toHaveProperty('secrets')
    }
  })

  it('pages endpoints by tenant', async () => {
    const d = await h.start()
    const ids: string[] = []
    for (let i = 0; i < 5; i++)
      ids.push((await d.createEndpoint({ url: h.receiver.url, tenantId: 't1' })).endpoint.id)
    await d.createEndpoint({ url: h.receiver.url, tenantId: 't2' })
    const first = await d.listEndpoints({ tenantId: 't1', limit: 3 })
    expect(first).toMatchObject({ hasMore: true })
    const second = await d.listEndpoints({ tenantId: 't1', limit: 3, cursor: first.nextCursor })
    expect([...first.data, ...second.data].map((e) => e.id)).toEqual(ids)
    expect(second).toMatchObject({ hasMore: false, nextCursor: null })
  })

  it('reports store failures as error events and keeps going', async () => {
    const store = memoryStore()
    let failClaims = 2
    const flaky = {
      ...store,
      claimDue: async (...args: Parameters<typeof store.claimDue>) => {
        if (failClaims-- > 0) throw new Error('database is locked')
        return store.claimDue(...args)
      },
    }
    const d = createDispatcher({
      store: flaky,
      ssrf: { allowedCidrs: ['127.0.0.1/32'] },
      pollIntervalMs: 20,
    })
    const errors: string[] = []
    d.on('error', (e) => errors.push(`${e.context}: ${(e.error as Error).message}`))
    await d.start()
    try {
      await d.createEndpoint({ url: h.receiver.url })
      await d.send({ type: 'clock.in', data: {} })
      await h.receiver.waitFor(1)
      expect(errors.slice(0, 2)).toEqual(['claim: database is locked', 'claim: database is locked'])
    } finally {
      await d.stop()
    }
  })

  it('gives back what it claimed but did not start when it stops', async () => {
    h.receiver.handler = (_q, res) => setTimeout(() => res.writeHead(200).end(), 200)
    const d = await h.start({ concurrency: 1, batchSize: 10 })
    await d.createEndpoint({ url: h.receiver.url })
    for (let i = 0; i < 5; i++) await d.send({ type: 'clock.in', data: { i } })
    await h.receiver.waitFor(1)
    await d.stop({ timeoutMs: 2000 })
    h.dispatcher = undefined
    const backlog = await h.handle.store.backlog(Date.now())
    expect(backlog.due).toBe(4) // released, due now: another worker takes them at once
    const next = await h.start()
    expect(next).toBeTruthy()
    await h.receiver.waitFor(5)
  })
})
