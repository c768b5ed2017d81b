import { describe, expect, it } from 'vitest'
import { createDispatcher, memoryStore } from '../src/index'
import { AddressPolicy, embeddedIpv4 } from '../src/ssrf'
import { endpoint } from './helpers/builders'
import { eventually, startReceiver } from './helpers/receiver'

// Every spelling of a blocked destination, refused when the endpoint is saved.
const REFUSED = [
  'http://127.0.0.1/',
  'http://2130706433/', // decimal
  'http://0x7f000001/', // hex
  'http://0x7f.0.0.1/', // hex part
  'http://0177.0.0.1/', // octal
  'http://017700000001/', // octal, whole
  'http://127.1/', // short
  'http://127.0.1/',
  'http://127.0.0.1./', // trailing dot
  'http://0/', // 0.0.0.0
  'http://10.1/',
  'http://0xa9fea9fe/', // 169.254.169.254, the metadata service
  'http://169.254.169.254/latest/meta-data/',
  'http://192.168.1.10:8080/',
  'http://[::1]/',
  'http://[::]/',
  'http://[0:0:0:0:0:0:0:1]/',
  'http://[::127.0.0.1]/', // IPv4-compatible
  'http://[::7f00:1]/',
  'http://[::ffff:127.0.0.1]/', // IPv4-mapped
  'http://[::ffff:7f00:1]/',
  'http://[::ffff:10.0.0.1]/',
  'http://[::ffff:0:127.0.0.1]/', // IPv4-translated
  'http://[::ffff:0:a9fe:a9fe]/',
  'http://[64:ff9b::127.0.0.1]/', // NAT64
  'http://[64:ff9b::a00:1]/',
  'http://[64:ff9b::192.168.0.1]/',
  'http://[2002:7f00:1::]/', // 6to4 of 127.0.0.1
  'http://[2002:c0a8:101::1]/', // 6to4 of 192.168.1.1
  'http://[fe80::1]/',
  'http://[fd00::1]/',
  'http://localhost/',
  'http://LOCALHOST:3000/',
  'http://localhost./', // trailing dot
  'http://localhost../',
  'http://api.localhost/',
  'http://api.localhost./',
  'http://a.b.LocalHost/',
  'http://localhost.localdomain/',
  'http://ip6-localhost/',
]

const ALLOWED = [
  'https://example.com/hooks',
  'http://8.8.8.8/',
  'http://134744072/', // 8.8.8.8 in decimal
  'http://[2606:4700:4700::1111]/',
  'http://[::ffff:8.8.8.8]/',
  'http://[64:ff9b::8.8.8.8]/', // NAT64 of a public address
  'https://localhost.example.com/',
  'https://notlocalhost/',
]

describe('the SSRF guard at save time', () => {
  const d = createDispatcher({ store: memoryStore() })

  it.each(REFUSED)('refuses %s', async (url) => {
    const error = await d.createEndpoint({ url }).catch((e) => e)
    expect(error).toMatchObject({ name: 'DispatcherError', code: 'url_not_allowed' })
    expect(error.message).toMatch(/is not allowed/)
    const { endpoint: saved } = await d.createEndpoint({ url: 'https://example.com/' })
    await expect(d.updateEndpoint(saved.id, { url })).rejects.toMatchObject({
      code: 'url_not_allowed',
    })
  })

  it.each(ALLOWED)('accepts %s', async (url) => {
    await expect(d.createEndpoint({ url })).resolves.toBeTruthy()
  })

  it('allows what allowedCidrs allows, in every spelling', async () => {
    const local = createDispatcher({
      store: memoryStore(),
      ssrf: { allowedCidrs: ['127.0.0.0/8'] },
    })
    for (const url of [
      'http://2130706433/',
      'http://[::ffff:127.0.0.1]/',
      'http://[64:ff9b::127.0.0.1]/',
      'http://localhost./',
    ]) {
      await expect(local.createEndpoint({ url }), url).resolves.toBeTruthy()
    }
    await expect(local.createEndpoint({ url: 'http://[::ffff:10.0.0.1]/' })).rejects.toMatchObject({
      code: 'url_not_allowed',
    })
  })

  it('finds the IPv4 address in each embedding form', () => {
    expect(embeddedIpv4('::7f00:1')).toEqual({ address: '127.0.0.1', form: 'compatible' })
    expect(embeddedIpv4('::ffff:7f00:1')).toEqual({ address: '127.0.0.1', form: 'mapped' })
    expect(embeddedIpv4('::ffff:0:7f00:1')).toEqual({ address: '127.0.0.1', form: 'translated' })
    expect(embeddedIpv4('64:ff9b::10.0.0.1')).toEqual({ address: '10.0.0.1', form: 'nat64' })
    expect(embeddedIpv4('2002:c0a8:101::')).toEqual({ address: '192.168.1.1', form: '6to4' })
    expect(embeddedIpv4('2606:4700::1111')).toBeUndefined()
    expect(embeddedIpv4('10.0.0.1')).toBeUndefined()
    const policy = new AddressPolicy()
    expect(policy.allows('2002:808:808::1')).toBe(false) // 6to4 is refused as a whole
  })
})

describe('the SSRF guard at connect time', () => {
  it('says the destination is not allowed without the address it resolved to, and logs that', async () => {
    const receiver = await startReceiver()
    const store = memoryStore()
    const logged: Array<{ obj: object; msg?: string }> = []
    const logger = {
      warn: (obj: object, msg?: string) => logged.push({ obj, msg }),
      error: () => {},
    }
    const d = createDispatcher({ store, pollIntervalMs: 20, logger })
    try {
      // as if the name had resolved to a public address when the endpoint was saved
      await store.insertEndpoint(
        endpoint({ tenantId: '', url: `http://localhost:${receiver.port}/hooks`, headers: {} }),
      )
      await d.start()
      const { deliveryIds } = await d.send({ type: 'clock.in', data: {} })
      const x = await eventually(async () => {
        const y = await d.getDelivery(deliveryIds[0]!)
        return y.attempts.length > 0 && y
      })
      const attempt = x.attempts[0]!
      expect(attempt).toMatchObject({ succeeded: false, errorKind: 'ssrf_blocked' })
      expect(attempt.errorMessage).toMatch(/destination localhost is not allowed/)
      expect(attempt.errorMessage).not.toMatch(/127\.0\.0\.1|::1/)
      expect(x.delivery.lastError).not.toMatch(/127\.0\.0\.1|::1/)
      expect(logged[0]!.obj).toMatchObject({
        host: 'localhost',
        address: expect.stringMatching(/^(127\.0\.0\.1|::1)$/),
      })
      expect(receiver.requests).toHaveLength(0)
    } finally {
      await d.stop()
      await receiver.close()
    }
  })
})
