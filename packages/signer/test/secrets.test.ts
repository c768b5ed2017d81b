import { describe, expect, it } from 'vitest'
import {
  createVerifier,
  generateKeyPair,
  generateSecret,
  publicKeyOf,
  Webhook,
  WebhookError,
} from '../src/index'
import { SPEC } from './helpers'

const now = new Date()

describe('secrets', () => {
  it('generates whsec_ secrets of 24 to 64 random bytes, 32 by default', () => {
    const decoded = (s: string) => Buffer.from(s.slice('whsec_'.length), 'base64')
    expect(decoded(generateSecret())).toHaveLength(32)
    expect(decoded(generateSecret({ bytes: 24 }))).toHaveLength(24)
    expect(decoded(generateSecret({ bytes: 64 }))).toHaveLength(64)
    expect(generateSecret()).not.toBe(generateSecret())
    for (const bytes of [0, 23, 65, 32.5]) {
      expect(() => generateSecret({ bytes })).toThrow(WebhookError)
    }
  })

  for (const [what, secret] of [
    ['an empty string', ''],
    ['a bare prefix', 'whsec_'],
    ['non-base64 text', 'whsec_not base64!'],
    ['base64 with a stray character', 'whsec_MfKQ9r8GKYqrTwjUPD8I*PZIo2LaLaSw'],
    ['an empty byte array', new Uint8Array(0)],
    ['a whsk_ key of the wrong length', 'whsk_AAAA'],
    ['a whpk_ key of the wrong length', 'whpk_AAAA'],
    ['an empty list', []],
  ] as const) {
    it(`refuses ${what} at construction`, () => {
      expect(() => new Webhook(secret as string)).toThrow(
        expect.objectContaining({ name: 'WebhookError', code: 'invalid_secret' }),
      )
      expect(() => createVerifier(secret as string)).toThrow(WebhookError)
    })
  }

  it('accepts string | undefined from process.env by type, and says an undefined secret is unset', () => {
    const fromEnv: string | undefined = process.env.CLOCKHOOK_TEST_SECRET_THAT_IS_NOT_SET
    const unset = expect.objectContaining({
      name: 'WebhookError',
      code: 'invalid_secret',
      message: expect.stringMatching(
        /^the webhook secret is undefined — is the environment variable set\?/,
      ),
    })
    expect(() => new Webhook(fromEnv)).toThrow(unset)
    expect(() => createVerifier(fromEnv)).toThrow(unset)
    expect(() => new Webhook([SPEC.secret, fromEnv])).toThrow(unset)
    expect(() => createVerifier([fromEnv, SPEC.secret])).toThrow(unset)
    const set: string | undefined = SPEC.secret
    expect(new Webhook(set).sign('msg_1', now, 'x')).toMatch(/^v1,/)
  })

  it('takes a raw secret as its UTF-8 bytes with format: raw, like standardwebhooks', () => {
    const raw = new Webhook('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', { format: 'raw' })
    const bytes = new Webhook(new TextEncoder().encode('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'))
    expect(raw.sign('msg_1', now, 'x')).toBe(bytes.sign('msg_1', now, 'x'))
    expect(raw.sign('msg_1', now, 'x')).not.toBe(new Webhook(SPEC.secret).sign('msg_1', now, 'x'))
  })

  it('refuses a bad tolerance, id or date', () => {
    expect(() => new Webhook(SPEC.secret, { tolerance: -1 })).toThrow(/tolerance/)
    const wh = new Webhook(SPEC.secret)
    expect(() => wh.sign('', now, 'x')).toThrow(/msgId/)
    expect(() => wh.sign('msg 1', now, 'x')).toThrow(/msgId/)
    expect(() => wh.sign('msg_1', new Date('nope'), 'x')).toThrow(/valid Date/)
  })

  it('refuses to sign with public keys only', async () => {
    const { publicKey } = await generateKeyPair()
    expect(() => new Webhook(publicKey).sign('msg_1', now, 'x')).toThrow(/public keys/)
  })
})

describe('rotation: several secrets at once', () => {
  it('signs with every secret and each receiver verifies with its own', () => {
    const oldSecret = generateSecret()
    const newSecret = generateSecret()
    const sender = new Webhook([oldSecret, newSecret])
    const headers = sender.signHeaders('msg_rot', now, '{"a":1}')
    const entries = headers['webhook-signature'].split(' ')
    expect(entries).toHaveLength(2)
    expect(entries[0]).toBe(new Webhook(oldSecret).sign('msg_rot', now, '{"a":1}'))
    expect(new Webhook(oldSecret).verify('{"a":1}', headers)).toEqual({ a: 1 })
    expect(new Webhook(newSecret).verify('{"a":1}', headers)).toEqual({ a: 1 })
    expect(() => new Webhook(generateSecret()).verify('{"a":1}', headers)).toThrow(
      expect.objectContaining({ code: 'no_matching_signature' }),
    )
  })

  it('verifies with any of several configured secrets', async () => {
    const current = generateSecret()
    const headers = new Webhook(current).signHeaders('msg_r2', now, '{}')
    const receiver = new Webhook([generateSecret(), current])
    expect(receiver.verify('{}', headers)).toEqual({})
    expect(await receiver.verifyAsync('{}', headers)).toEqual({})
  })

  it('mixes HMAC and Ed25519 keys in one header', async () => {
    const pair = await generateKeyPair()
    const secret = generateSecret()
    const headers = new Webhook([secret, pair.secretKey]).signHeaders('msg_mix', now, '[]')
    expect(headers['webhook-signature']).toMatch(/^v1,\S+ v1a,\S+$/)
    expect(new Webhook(pair.publicKey).verify('[]', headers)).toEqual([])
    expect(await createVerifier(pair.publicKey)('[]', headers)).toEqual([])
    expect(new Webhook(secret).verify('[]', headers)).toEqual([])
  })

  it('derives the same public key as the generated pair', async () => {
    const pair = await generateKeyPair()
    expect(await publicKeyOf(pair.secretKey)).toBe(pair.publicKey)
    await expect(publicKeyOf(generateSecret())).rejects.toThrow(/whsk_/)
  })

  it('rejects a v1a signature made by another key pair', async () => {
    const signer = await generateKeyPair()
    const other = await generateKeyPair()
    const headers = new Webhook(signer.secretKey).signHeaders('msg_ed', now, '{}')
    expect(() => new Webhook(other.publicKey).verify('{}', headers)).toThrow(
      expect.objectContaining({ code: 'no_matching_signature' }),
    )
  })
})
