import { describe, expect, it } from 'vitest'
import type { WebhookVerificationErrorCode } from '../src/index'
import { createVerifier, generateSecret, Webhook, WebhookVerificationError } from '../src/index'
import { at, SPEC, specHeaders } from './helpers'

const wh = new Webhook(SPEC.secret, { now: at() })
const edge = createVerifier(SPEC.secret, { now: at() })

async function rejection(
  payload: string | Uint8Array,
  headers: Record<string, string | undefined>,
  verifier = wh,
  verifyEdge = edge,
): Promise<WebhookVerificationErrorCode> {
  const codes: string[] = []
  for (const attempt of [
    async () => verifier.verify(payload, headers),
    () => verifier.verifyAsync(payload, headers),
    () => verifyEdge(payload, headers),
  ]) {
    try {
      await attempt()
      codes.push('accepted')
    } catch (err) {
      expect(err).toBeInstanceOf(WebhookVerificationError)
      expect((err as Error).message.length).toBeGreaterThan(10)
      codes.push((err as WebhookVerificationError).code)
    }
  }
  expect(new Set(codes).size, `sync, async and edge disagree: ${codes}`).toBe(1)
  return codes[0] as WebhookVerificationErrorCode
}

describe('verification', () => {
  for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
    it(`rejects a request without ${name}`, async () => {
      expect(await rejection(SPEC.body, specHeaders({ [name]: undefined }))).toBe('missing_header')
    })
    it(`rejects a request whose ${name} is blank`, async () => {
      expect(await rejection(SPEC.body, specHeaders({ [name]: '  ' }))).toBe('missing_header')
    })
  }

  it('accepts the svix-* header names', async () => {
    const headers = {
      'svix-id': SPEC.id,
      'svix-timestamp': String(SPEC.timestamp),
      'svix-signature': SPEC.signature,
    }
    expect(wh.verify(SPEC.body, headers)).toEqual({ test: 2432232314 })
    expect(await edge(SPEC.body, headers)).toEqual({ test: 2432232314 })
  })

  it('reads a Fetch Headers object, any casing and Node array values', () => {
    expect(wh.verify(SPEC.body, new Headers(specHeaders()))).toEqual({ test: 2432232314 })
    const mixedCase = {
      'Webhook-Id': SPEC.id,
      'WEBHOOK-TIMESTAMP': String(SPEC.timestamp),
      'webhook-signature': [SPEC.signature],
    }
    expect(wh.verify(SPEC.body, mixedCase)).toEqual({ test: 2432232314 })
  })

  for (const bad of [
    'abc',
    '1614265330.5',
    '-1614265330',
    '0x60373ff2',
    '1e9',
    '16142653300000000',
  ]) {
    it(`rejects the malformed timestamp "${bad}"`, async () => {
      expect(await rejection(SPEC.body, specHeaders({ 'webhook-timestamp': bad }))).toBe(
        'invalid_timestamp',
      )
    })
  }

  it('accepts a timestamp exactly 300 s away in either direction', () => {
    expect(new Webhook(SPEC.secret, { now: at(300) }).verify(SPEC.body, specHeaders())).toBeTruthy()
    expect(
      new Webhook(SPEC.secret, { now: at(-300) }).verify(SPEC.body, specHeaders()),
    ).toBeTruthy()
  })

  it('rejects a signature 301 s older than now', async () => {
    const late = new Webhook(SPEC.secret, { now: at(301) })
    const lateEdge = createVerifier(SPEC.secret, { now: at(301) })
    expect(await rejection(SPEC.body, specHeaders(), late, lateEdge)).toBe('timestamp_too_old')
  })

  it('rejects a timestamp 301 s in the future', async () => {
    const early = new Webhook(SPEC.secret, { now: at(-301) })
    const earlyEdge = createVerifier(SPEC.secret, { now: at(-301) })
    expect(await rejection(SPEC.body, specHeaders(), early, earlyEdge)).toBe('timestamp_too_new')
  })

  it('honours a custom tolerance', () => {
    const strict = new Webhook(SPEC.secret, { now: at(11), tolerance: 10 })
    expect(() => strict.verify(SPEC.body, specHeaders())).toThrow(/10 s tolerated/)
  })

  const tampered: Array<[string, string]> = [
    ['a flipped character', SPEC.signature.replace('g0hM', 'g0hN')],
    ['a truncated signature', SPEC.signature.slice(0, -4)],
    ['an empty signature', 'v1,'],
    ['no version', SPEC.signature.slice(3)],
    ['another version only', SPEC.signature.replace('v1,', 'v2,')],
    ['a v1a entry with the HMAC value', SPEC.signature.replace('v1,', 'v1a,')],
    ['garbage', 'not a signature at all'],
  ]
  for (const [what, signature] of tampered) {
    it(`rejects ${what}`, async () => {
      expect(await rejection(SPEC.body, specHeaders({ 'webhook-signature': signature }))).toBe(
        'no_matching_signature',
      )
    })
  }

  it('accepts a list where one v1 entry of several matches, ignoring other versions', () => {
    const list = `v2,abc v1,Zm9vYmFy ${SPEC.signature} v1a,${'A'.repeat(88)}`
    expect(wh.verify(SPEC.body, specHeaders({ 'webhook-signature': list }))).toEqual({
      test: 2432232314,
    })
  })

  it('rejects a body that differs by one byte, and a re-serialised body', async () => {
    expect(await rejection(SPEC.body.replace('4}', '5}'), specHeaders())).toBe(
      'no_matching_signature',
    )
    const reserialised = JSON.stringify(JSON.parse(SPEC.body))
    expect(await rejection(reserialised, specHeaders())).toBe('no_matching_signature')
  })

  it('rejects a changed id or timestamp', async () => {
    expect(await rejection(SPEC.body, specHeaders({ 'webhook-id': `${SPEC.id}x` }))).toBe(
      'no_matching_signature',
    )
    const nextSecond = new Webhook(SPEC.secret, { now: at(1) })
    expect(() =>
      nextSecond.verify(
        SPEC.body,
        specHeaders({ 'webhook-timestamp': String(SPEC.timestamp + 1) }),
      ),
    ).toThrow(WebhookVerificationError)
  })

  it('verifies an empty body to undefined instead of crashing', async () => {
    const secret = generateSecret()
    const signer = new Webhook(secret)
    const headers = signer.signHeaders('msg_empty', new Date(), '')
    expect(signer.verify('', headers)).toBeUndefined()
    expect(await signer.verifyAsync(new Uint8Array(0), headers)).toBeUndefined()
    expect(await createVerifier(secret)(new ArrayBuffer(0), headers)).toBeUndefined()
  })

  it('reports a correctly signed body that is not JSON as invalid_payload', () => {
    const signer = new Webhook(SPEC.secret)
    const headers = signer.signHeaders('msg_text', new Date(), 'plain text')
    expect(() => signer.verify('plain text', headers)).toThrow(
      expect.objectContaining({ code: 'invalid_payload' }),
    )
  })

  it('refuses parsed JSON in place of the raw body', () => {
    expect(() => wh.verify({ test: 1 } as unknown as string, specHeaders())).toThrow(/raw body/)
  })
})
