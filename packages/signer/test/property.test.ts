import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateSecret, Webhook, WebhookVerificationError } from '../src/index'
import { signatureEntries } from '../src/internal/checks'

const secret = generateSecret()
const NOW = 1_800_000_000
const wh = new Webhook(secret, { now: () => NOW * 1000 })
const date = new Date(NOW * 1000)

const idArb = fc.stringMatching(/^msg_[A-Za-z0-9]{1,30}$/)
const bodyArb = fc.json()

function rejects(body: string, headers: Record<string, string>): boolean {
  try {
    wh.verify(body, headers)
    return false
  } catch (err) {
    return err instanceof WebhookVerificationError
  }
}

describe('properties', () => {
  it('a signed message always verifies', () => {
    fc.assert(
      fc.property(idArb, bodyArb, (id, body) => {
        expect(wh.verify(body, wh.signHeaders(id, date, body))).toEqual(JSON.parse(body))
      }),
    )
  })

  it('any change to the id is rejected', () => {
    fc.assert(
      fc.property(idArb, idArb, bodyArb, (id, other, body) => {
        fc.pre(id !== other)
        const headers = wh.signHeaders(id, date, body)
        expect(rejects(body, { ...headers, 'webhook-id': other })).toBe(true)
      }),
    )
  })

  it('any change to the timestamp is rejected, even within the tolerance', () => {
    fc.assert(
      fc.property(idArb, bodyArb, fc.integer({ min: -300, max: 300 }), (id, body, shift) => {
        fc.pre(shift !== 0)
        const headers = wh.signHeaders(id, date, body)
        expect(rejects(body, { ...headers, 'webhook-timestamp': String(NOW + shift) })).toBe(true)
      }),
    )
  })

  it('any change to the body is rejected', () => {
    fc.assert(
      fc.property(
        idArb,
        fc.string({ maxLength: 200 }),
        fc.string({ maxLength: 200 }),
        (id, a, b) => {
          fc.pre(a !== b)
          const headers = wh.signHeaders(id, date, a)
          expect(rejects(b, headers)).toBe(true)
        },
      ),
    )
  })

  it('any change to the signature is rejected', () => {
    fc.assert(
      fc.property(
        idArb,
        bodyArb,
        fc.nat(),
        fc.integer({ min: 1, max: 63 }),
        (id, body, at, bits) => {
          const headers = wh.signHeaders(id, date, body)
          const sig = headers['webhook-signature']
          const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
          const pos = 3 + (at % (sig.length - 4))
          const ch = sig[pos]!
          const idx = alphabet.indexOf(ch)
          fc.pre(idx >= 0)
          const changed = sig.slice(0, pos) + alphabet[(idx + bits) % 64] + sig.slice(pos + 1)
          expect(rejects(body, { ...headers, 'webhook-signature': changed })).toBe(true)
        },
      ),
    )
  })

  it('reads signature headers like a plain split on spaces and the first comma', () => {
    const naive = (header: string, version: string) =>
      header
        .split(' ')
        .filter((e) => e.indexOf(',') > 0 && e.slice(0, e.indexOf(',')) === version)
        .map((e) => e.slice(e.indexOf(',') + 1))
    const piece = fc.constantFrom('v1', 'v1a', 'v2', ',', ' ', '  ', 'abc=', '+/', '', 'v1,')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const header = pieces.join('')
        expect(signatureEntries(header)).toEqual({
          v1: naive(header, 'v1'),
          v1a: naive(header, 'v1a'),
        })
      }),
      { numRuns: 500 },
    )
  })
})
