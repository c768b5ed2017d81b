import fc from 'fast-check'
import { Webhook as StandardWebhook } from 'standardwebhooks'
import { Webhook as SvixWebhook } from 'svix'
import { describe, expect, it } from 'vitest'
import { createVerifier, generateSecret, Webhook } from '../src/index'

const bodies = fc.oneof(
  fc.constant(''),
  fc.json(),
  fc.string({ unit: 'grapheme', maxLength: 500 }),
  fc.string({ minLength: 100_000, maxLength: 200_000 }),
)

const looksJson = (body: string) => {
  try {
    JSON.parse(body)
    return true
  } catch {
    return false
  }
}

describe('interoperability with standardwebhooks and svix', () => {
  it('what we sign verifies with both libraries', async () => {
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const secret = generateSecret()
        const ours = new Webhook(secret)
        const id = `msg_${Math.random().toString(36).slice(2)}`
        const headers = ours.signHeaders(id, new Date(), body)
        expect(
          await ours.signHeadersAsync(
            id,
            new Date(Number(headers['webhook-timestamp']) * 1000),
            body,
          ),
        ).toEqual(headers)
        const svixHeaders = {
          'svix-id': headers['webhook-id'],
          'svix-timestamp': headers['webhook-timestamp'],
          'svix-signature': headers['webhook-signature'],
        }
        // svix verifies without parsing, so it checks every body, JSON or not
        expect(() => new SvixWebhook(secret).verify(body, svixHeaders)).not.toThrow()
        expect(() => new SvixWebhook(secret).verify(`${body} `, svixHeaders)).toThrow()
        const standard = new StandardWebhook(secret)
        if (body === '') expect(standard.verify(body, headers)).toBeUndefined()
        else if (looksJson(body)) expect(standard.verify(body, headers)).toEqual(JSON.parse(body))
        else expect(() => standard.verify(body, headers)).toThrow(SyntaxError)
      }),
      { numRuns: 60 },
    )
  })

  it('what both libraries sign verifies with ours, sync, async and on the edge', async () => {
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const secret = generateSecret({ bytes: 24 + Math.floor(Math.random() * 41) })
        const id = `msg_${Math.random().toString(36).slice(2)}`
        const date = new Date()
        const ts = String(Math.floor(date.getTime() / 1000))
        const ours = new Webhook(secret)
        const expected =
          body.trim() === '' ? undefined : looksJson(body) ? JSON.parse(body) : undefined
        for (const signature of [
          new StandardWebhook(secret).sign(id, date, body),
          new SvixWebhook(secret).sign(id, date, body),
        ]) {
          const headers = {
            'webhook-id': id,
            'webhook-timestamp': ts,
            'webhook-signature': signature,
          }
          if (body.trim() !== '' && !looksJson(body)) {
            expect(() => ours.verify(body, headers)).toThrow(/not JSON/)
            continue
          }
          expect(ours.verify(body, headers)).toEqual(expected)
          expect(await ours.verifyAsync(body, headers)).toEqual(expected)
          expect(await createVerifier(secret)(body, headers)).toEqual(expected)
        }
      }),
      { numRuns: 60 },
    )
  })

  it('is a drop-in for standardwebhooks: same constructor forms, same method shapes', () => {
    const secret = generateSecret()
    const date = new Date()
    for (const [ours, theirs] of [
      [new Webhook(secret), new StandardWebhook(secret)],
      [
        new Webhook('a raw secret', { format: 'raw' }),
        new StandardWebhook('a raw secret', { format: 'raw' }),
      ],
    ] as const) {
      expect(ours.sign('msg_1', date, '{"x":1}')).toBe(theirs.sign('msg_1', date, '{"x":1}'))
    }
    expect(Webhook.prefix).toBe('whsec_')
  })
})
