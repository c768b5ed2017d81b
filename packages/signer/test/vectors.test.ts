import { describe, expect, it } from 'vitest'
import { createVerifier, Webhook } from '../src/index'
import { at, SPEC, specHeaders } from './helpers'

const date = new Date(SPEC.timestamp * 1000)

describe('Standard Webhooks test vectors', () => {
  it('signs the HMAC vector, sync and async', async () => {
    const wh = new Webhook(SPEC.secret)
    expect(wh.sign(SPEC.id, date, SPEC.body)).toBe(SPEC.signature)
    expect(await wh.signAsync(SPEC.id, date, SPEC.body)).toBe(SPEC.signature)
  })

  it('signs the Ed25519 vector, sync and async', async () => {
    const wh = new Webhook(`whsk_${SPEC.ed25519Seed}`)
    expect(wh.sign(SPEC.id, date, SPEC.body)).toBe(SPEC.ed25519Signature)
    expect(await wh.signAsync(SPEC.id, date, SPEC.body)).toBe(SPEC.ed25519Signature)
  })

  it('verifies the HMAC vector on every path', async () => {
    const wh = new Webhook(SPEC.secret, { now: at() })
    const expected = { test: 2432232314 }
    expect(wh.verify(SPEC.body, specHeaders())).toEqual(expected)
    expect(await wh.verifyAsync(SPEC.body, specHeaders())).toEqual(expected)
    expect(await createVerifier(SPEC.secret, { now: at() })(SPEC.body, specHeaders())).toEqual(
      expected,
    )
  })

  it('verifies the Ed25519 vector with the secret key and with the public key', async () => {
    const headers = specHeaders({ 'webhook-signature': SPEC.ed25519Signature })
    const secretKey = new Webhook(`whsk_${SPEC.ed25519Seed}`, { now: at() })
    expect(secretKey.verify(SPEC.body, headers)).toEqual({ test: 2432232314 })
    const { publicKeyOf } = await import('../src/index')
    const publicKey = await publicKeyOf(`whsk_${SPEC.ed25519Seed}`)
    expect(publicKey).toMatch(/^whpk_/)
    const verifier = new Webhook(publicKey, { now: at() })
    expect(verifier.verify(SPEC.body, headers)).toEqual({ test: 2432232314 })
    expect(await verifier.verifyAsync(SPEC.body, headers)).toEqual({ test: 2432232314 })
    expect(await createVerifier(publicKey, { now: at() })(SPEC.body, headers)).toEqual({
      test: 2432232314,
    })
  })

  it('accepts the secret with or without the whsec_ prefix', () => {
    const bare = new Webhook(SPEC.secret.slice('whsec_'.length))
    expect(bare.sign(SPEC.id, date, SPEC.body)).toBe(SPEC.signature)
  })

  it('signs raw bytes exactly like the same text', () => {
    const wh = new Webhook(SPEC.secret)
    const bytes = new TextEncoder().encode(SPEC.body)
    expect(wh.sign(SPEC.id, date, bytes)).toBe(SPEC.signature)
    expect(wh.sign(SPEC.id, date, bytes.buffer)).toBe(SPEC.signature)
  })

  it('returns all three headers for a message', () => {
    const wh = new Webhook(SPEC.secret)
    expect(wh.signHeaders(SPEC.id, date, SPEC.body)).toEqual(specHeaders())
  })
})
