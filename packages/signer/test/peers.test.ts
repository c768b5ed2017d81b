// The peers' own test cases, ported case by case and run against our `Webhook` in every
// build (source ESM, dist ESM, dist CJS), each verification three ways (see harness.ts).
//
// Sources, read at these commits:
//   standard-webhooks/standard-webhooks b2fa7b8 — libraries/{javascript,python,go,rust,ruby,
//     java,csharp,php,elixir} tests ("sw/<language>" below)
//   svix/svix-webhooks 4fc0cfb — {javascript,python,go,rust,ruby,java,kotlin,csharp,php}
//     webhook tests ("svix/<language>")
// Where we deliberately behave differently, the case asserts our behaviour and names the
// row of the README's "Differences from standardwebhooks and svix" table.
import { describe, expect, it } from 'vitest'
import {
  expectAccepted,
  expectRejected,
  INVALID_HEADERS,
  loadBuilds,
  MISSING,
  MSG_ID,
  NO_MATCH,
  NOW,
  NOW_MS,
  PAYLOAD,
  referenceSignature,
  SECRET,
  TOLERANCE,
  TOO_NEW,
  TOO_OLD,
  testPayload,
  verifyAll,
} from './peers/harness'

const builds = await loadBuilds()
const SPEC_DATE = new Date(1614265330 * 1000)
const SPEC_SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE='
const FOREIGN_SIGNATURE = 'Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc='

describe.each(builds)('ported peer tests — $name', (build) => {
  const { Webhook, WebhookError, WebhookVerificationError } = build.main

  describe('secrets (sw/* and svix/* "empty secret raises error")', () => {
    for (const [what, secret] of [
      ['""', ''],
      ['"whsec_"', 'whsec_'],
      ['undefined (sw/js, svix/js)', undefined],
      ['null (sw/js, svix/js)', null],
      ['empty bytes (sw/python b"", sw/go NewWebhookRaw, svix/rust from_bytes)', new Uint8Array()],
    ] as const) {
      it(`refuses ${what}`, () => {
        expect(() => new Webhook(secret as unknown as string)).toThrow(WebhookError)
        expect(() => build.edge.createVerifier(secret as unknown as string)).toThrow(WebhookError)
      })
    }

    it('accepts the secret with and without whsec_ (sw/*, svix/* "with and without prefix")', async () => {
      const message = testPayload()
      for (const secret of [SECRET, `whsec_${SECRET}`]) {
        expect(
          await expectAccepted(build, {
            secret,
            payload: message.payload,
            headers: message.header,
          }),
        ).toEqual({ test: 2432232314 })
      }
    })

    it('accepts unpadded base64 secrets (sw/python test_signature_verification_with_unpadded_secret)', async () => {
      for (const [secret, padded] of [
        ['MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
        ['MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS', 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS='],
        ['MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwBr', 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwBr=='],
      ]) {
        const message = testPayload({ secret: padded })
        for (const ours of [secret, `whsec_${secret}`]) {
          expect(
            await expectAccepted(build, {
              secret: ours,
              payload: message.payload,
              headers: message.header,
            }),
          ).toEqual({ test: 2432232314 })
        }
      }
    })

    it('trims whitespace around a secret, as the peers accept it (issue 12)', async () => {
      const message = testPayload()
      for (const secret of [`${SECRET}\n`, ` whsec_${SECRET}\r\n`, `\twhsec_${SECRET} `]) {
        expect(
          await expectAccepted(build, {
            secret,
            payload: message.payload,
            headers: message.header,
          }),
        ).toEqual({ test: 2432232314 })
      }
      expect(() => new Webhook(' \n')).toThrow(expect.objectContaining({ code: 'invalid_secret' }))
    })
  })

  describe('missing headers (sw/*, svix/*: "missing id / timestamp / signature raises error")', () => {
    for (const brand of ['webhook', 'svix'] as const) {
      for (const name of ['id', 'timestamp', 'signature']) {
        it(`rejects a request without ${brand}-${name}`, async () => {
          const message = testPayload({ brand })
          delete message.header[`${brand}-${name}`]
          await expectRejected(
            build,
            { payload: message.payload, headers: message.header },
            MISSING,
            'missing_header',
          )
        })
      }
    }

    it('removes the headers one by one (sw/rust, svix/rust test_missing_headers)', async () => {
      for (const brand of ['webhook', 'svix'] as const) {
        const message = testPayload({ brand })
        for (const name of ['id', 'signature', 'timestamp']) {
          delete message.header[`${brand}-${name}`]
          await expectRejected(
            build,
            { payload: message.payload, headers: message.header },
            MISSING,
          )
        }
      }
    })

    it('refuses null headers with a verification error (svix/csharp null header collection)', async () => {
      await expectRejected(build, { payload: PAYLOAD, headers: null }, MISSING, 'missing_header')
    })
  })

  describe('timestamps', () => {
    for (const [bad, from] of [
      ['hello', 'sw/js, sw/python, svix/js, svix/python'],
      ['teadwd', 'sw/ruby, svix/ruby'],
    ]) {
      it(`rejects the timestamp "${bad}" (${from})`, async () => {
        const message = testPayload()
        message.header['webhook-timestamp'] = bad
        await expectRejected(
          build,
          { payload: message.payload, headers: message.header },
          INVALID_HEADERS,
          'invalid_timestamp',
        )
      })
    }

    it('rejects a message 301 s old (sw/*, svix/* "old timestamp fails")', async () => {
      const message = testPayload({ timestamp: NOW - TOLERANCE - 1 })
      await expectRejected(
        build,
        { payload: message.payload, headers: message.header },
        TOO_OLD,
        'timestamp_too_old',
      )
    })

    it('rejects a message 301 s in the future (sw/*, svix/* "new timestamp fails")', async () => {
      const message = testPayload({ timestamp: NOW + TOLERANCE + 1 })
      await expectRejected(
        build,
        { payload: message.payload, headers: message.header },
        TOO_NEW,
        'timestamp_too_new',
      )
    })

    it('sw/rust, svix/rust test_verify_incorrect_timestamp: ±301 s fail, pass ignoring tolerance, a changed timestamp fails both', async () => {
      for (const timestamp of [NOW - TOLERANCE - 1, NOW + TOLERANCE + 1]) {
        const message = testPayload({ timestamp, brand: 'svix' })
        const call = { payload: message.payload, headers: message.header }
        expect((await verifyAll(build, call)).ok).toBe(false)
        // verify_ignoring_timestamp / VerifyIgnoringTimestamp is `tolerance: Infinity` here
        expect(await expectAccepted(build, { ...call, tolerance: Infinity })).toEqual({
          test: 2432232314,
        })
      }
      const message = testPayload({ brand: 'svix' })
      message.header['svix-timestamp'] = String(NOW + 1)
      for (const tolerance of [undefined, Infinity]) {
        await expectRejected(
          build,
          { payload: message.payload, headers: message.header, tolerance },
          NO_MATCH,
        )
      }
    })

    it('sw/go, svix/go "…when ignoring tolerance" cases (tolerance: Infinity)', async () => {
      for (const timestamp of [NOW - TOLERANCE, NOW + TOLERANCE, NOW, NOW - 10 * TOLERANCE]) {
        const message = testPayload({ timestamp })
        await expectAccepted(build, {
          payload: message.payload,
          headers: message.header,
          tolerance: Infinity,
        })
      }
      const message = testPayload()
      message.header['webhook-timestamp'] = String(Date.UTC(2000, 0, 1) / 1000)
      await expectRejected(
        build,
        { payload: message.payload, headers: message.header, tolerance: Infinity },
        NO_MATCH,
      )
    })

    it('svix/ruby, svix/php custom tolerance: accepts what the default refuses and the reverse', async () => {
      const old = testPayload({ timestamp: NOW - 2 * TOLERANCE, brand: 'svix' })
      const future = testPayload({ timestamp: NOW + 2 * TOLERANCE, brand: 'svix' })
      for (const message of [old, future]) {
        await expectAccepted(build, {
          payload: message.payload,
          headers: message.header,
          tolerance: 3 * TOLERANCE,
        })
      }
      const slightlyOld = testPayload({ timestamp: NOW - 120, brand: 'svix' })
      const slightlyNew = testPayload({ timestamp: NOW + 120, brand: 'svix' })
      await expectRejected(
        build,
        { payload: slightlyOld.payload, headers: slightlyOld.header, tolerance: 60 },
        TOO_OLD,
      )
      await expectRejected(
        build,
        { payload: slightlyNew.payload, headers: slightlyNew.header, tolerance: 60 },
        TOO_NEW,
      )
    })

    it('svix/ruby, svix/php: a bad or tampered signature still fails with a custom tolerance', async () => {
      const bad = testPayload({ brand: 'svix' })
      bad.header['svix-signature'] = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLawdd'
      await expectRejected(
        build,
        { payload: bad.payload, headers: bad.header, tolerance: 3 * TOLERANCE },
        NO_MATCH,
      )
      const tampered = testPayload({ brand: 'svix' })
      tampered.header['svix-timestamp'] = NOW - 600 // a number, as svix/ruby sets it
      await expectRejected(
        build,
        { payload: tampered.payload, headers: tampered.header, tolerance: 3 * TOLERANCE },
        NO_MATCH,
        'no_matching_signature',
      )
    })

    it('svix/ruby, svix/php: a tolerance spanning the epoch still refuses a negative timestamp', async () => {
      const message = testPayload({ timestamp: -1234, brand: 'svix' })
      await expectRejected(
        build,
        { payload: message.payload, headers: message.header, tolerance: 1e10 },
        INVALID_HEADERS,
        'invalid_timestamp',
      )
    })

    it('svix/rust test_verify_out_of_bounds_timestamp: -1 fails — even ignoring the tolerance (README: "timestamp syntax")', async () => {
      const message = testPayload({ timestamp: -1, brand: 'svix' })
      for (const tolerance of [undefined, Infinity]) {
        await expectRejected(
          build,
          { payload: message.payload, headers: message.header, tolerance },
          INVALID_HEADERS,
        )
      }
    })

    it('svix/ruby, svix/php: a negative, NaN or null tolerance is refused at construction', () => {
      for (const tolerance of [-1, Number.NaN, null]) {
        expect(() => new Webhook(SECRET, { tolerance: tolerance as number })).toThrow(
          expect.objectContaining({ code: 'invalid_argument' }),
        )
      }
    })

    it('sw/go "old timestamp fails" at exactly 300 s: accepted here, like sw/js and sw/python (README: "tolerance boundary")', async () => {
      const message = testPayload({ timestamp: NOW - TOLERANCE })
      await expectAccepted(build, { payload: message.payload, headers: message.header })
      const future = testPayload({ timestamp: NOW + TOLERANCE })
      await expectAccepted(build, { payload: future.payload, headers: future.header })
    })

    it('accepts a numeric timestamp header (sw/ruby, svix/ruby build headers with an Integer)', async () => {
      for (const brand of ['webhook', 'svix'] as const) {
        const message = testPayload({ brand })
        message.header[`${brand}-timestamp`] = NOW
        expect(
          await expectAccepted(build, { payload: message.payload, headers: message.header }),
        ).toEqual({ test: 2432232314 })
        message.header[`${brand}-timestamp`] = BigInt(NOW)
        await expectAccepted(build, { payload: message.payload, headers: message.header })
        message.header[`${brand}-timestamp`] = [NOW]
        await expectAccepted(build, { payload: message.payload, headers: message.header })
      }
      const map = new Map<string, unknown>(Object.entries(testPayload().header))
      map.set('webhook-timestamp', NOW)
      await expectAccepted(build, { payload: PAYLOAD, headers: map })
    })

    it('reports any other unusable header value as a WebhookVerificationError, never a TypeError', async () => {
      for (const value of [true, {}, { value: String(NOW) }, [{}], () => NOW, Symbol('x')]) {
        for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
          const message = testPayload()
          message.header[name] = value
          await expectRejected(
            build,
            { payload: message.payload, headers: message.header },
            INVALID_HEADERS,
            'invalid_header',
          )
        }
      }
      const nullHeader = testPayload()
      nullHeader.header['webhook-id'] = null
      await expectRejected(build, { payload: PAYLOAD, headers: nullHeader.header }, MISSING)
    })
  })

  describe('signatures', () => {
    for (const [signature, from] of [
      ['v1,dawfeoifkpqwoekfpqoekf', 'sw/js, sw/php, svix/js, svix/php'],
      ['v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA=', 'sw/python, svix/python'],
      [
        'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLawdd',
        'sw/ruby, sw/csharp, svix/ruby, svix/csharp',
      ],
      [`v1,${FOREIGN_SIGNATURE}`, 'sw/go, svix/go "invalid signature is invalid"'],
      ['v1,R3PTzyfHASBKHH98a7yexTwaJ4yNIcGhFQc1yuN+BPU=', 'sw/rust, svix/rust test_no_verify'],
      ['BAD_SIG_NATURE', 'svix/php badly formatted signature'],
      [
        'v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
        'sw/java, svix/java, svix/kotlin wrong version',
      ],
      ['invalid_signature', 'sw/java, svix/java: missing parts'],
      ['v1,invalid_signature', 'sw/java, svix/java: mismatch'],
      ['v1,', 'sw/js, sw/go, sw/rust, svix/*: partial signature "v1,"'],
    ]) {
      it(`rejects "${signature}" (${from})`, async () => {
        const message = testPayload()
        message.header['webhook-signature'] = signature
        await expectRejected(
          build,
          { payload: message.payload, headers: message.header },
          NO_MATCH,
          'no_matching_signature',
        )
      })
    }

    it('rejects the first 8 characters of a valid signature (sw/js, sw/rust, svix/* partial signature)', async () => {
      const message = testPayload()
      message.header['webhook-signature'] = `v1,${message.signature}`.slice(0, 8)
      await expectRejected(build, { payload: message.payload, headers: message.header }, NO_MATCH)
    })

    it('rejects a changed id (svix/kotlin, svix/java put "invalid_signature" in svix-id)', async () => {
      const message = testPayload({ brand: 'svix' })
      message.header['svix-id'] = 'invalid_signature'
      await expectRejected(build, { payload: message.payload, headers: message.header }, NO_MATCH)
    })

    it('accepts a multi-signature header with the valid one third (sw/*, svix/* "multi sig payload is valid")', async () => {
      for (const brand of ['webhook', 'svix'] as const) {
        const message = testPayload({ brand })
        message.header[`${brand}-signature`] = [
          `v1,${FOREIGN_SIGNATURE}`,
          `v2,${FOREIGN_SIGNATURE}`,
          `v1,${message.signature}`,
          `v1,${FOREIGN_SIGNATURE}`,
        ].join(' ')
        expect(
          await expectAccepted(build, { payload: message.payload, headers: message.header }),
        ).toEqual({ test: 2432232314 })
      }
    })

    it('accepts the valid signature last (svix/csharp TestMultiSigPayloadValidSignatureLastIsValid)', async () => {
      const message = testPayload({ brand: 'svix' })
      message.header['svix-signature'] = `v1,${FOREIGN_SIGNATURE} v1,${message.signature}`
      await expectAccepted(build, { payload: message.payload, headers: message.header })
    })

    it('sw/rust, svix/rust: three wrong v1 entries around the right one pass, without it fail', async () => {
      const others = [
        'v1,tFtCZ5RDCPxzWQRWXWPgrCgE2frDBe9gjpbWQxnVfsQ=',
        'v1,Mm7xgUVICxZfQ3bgf0h0Dof65L/IFx+PnZvnDWPCX6Q=',
        'v1,9DfC1c3eeOrXB6w/5dIDydLNQaEyww5KalE5jLBZucE=',
      ]
      const message = testPayload({ brand: 'svix' })
      message.header['svix-signature'] = [
        others[0],
        others[1],
        `v1,${message.signature}`,
        others[2],
      ].join(' ')
      await expectAccepted(build, { payload: message.payload, headers: message.header })
      message.header['svix-signature'] = others.join(' ')
      await expectRejected(build, { payload: message.payload, headers: message.header }, NO_MATCH)
    })
  })

  describe('headers', () => {
    it('accepts unbranded webhook-* and branded svix-* headers (sw/*, svix/* "valid (unbranded) signature")', async () => {
      for (const brand of ['webhook', 'svix'] as const) {
        const message = testPayload({ brand })
        expect(
          await expectAccepted(build, { payload: message.payload, headers: message.header }),
        ).toEqual({ test: 2432232314 })
      }
    })

    it('reads mixed-case names and list values (sw/java verifyCaseInsensitiveHeaders, Map<String, List<String>>)', async () => {
      const message = testPayload()
      const headers = {
        'Webhook-Id': [MSG_ID],
        'WEBHOOK-TIMESTAMP': [String(NOW)],
        'webhook-SIGNATURE': [`v1,${message.signature}`],
      }
      await expectAccepted(build, { payload: message.payload, headers })
    })

    it('reads a Fetch Headers object (sw/go http.Header, sw/csharp WebHeaderCollection)', async () => {
      const message = testPayload()
      const headers = new Headers(message.header as Record<string, string>)
      await expectAccepted(build, { payload: message.payload, headers })
    })

    it('with both sets present reads webhook-*, where svix reads svix-* (README: "both header sets")', async () => {
      const message = testPayload()
      const headers = { ...message.header, 'svix-id': 'msg_other', 'svix-signature': 'v1,AAAA' }
      await expectAccepted(build, { payload: message.payload, headers })
    })
  })

  describe('payloads', () => {
    it('returns the parsed JSON (sw/python, sw/ruby, sw/php with {"test": 2432232315})', async () => {
      const message = testPayload({ payload: '{"test": 2432232315}' })
      expect(
        await expectAccepted(build, { payload: message.payload, headers: message.header }),
      ).toEqual({ test: 2432232315 })
    })

    it('returns undefined for an empty payload (sw/js, svix/ruby "can validate an empty payload")', async () => {
      const message = testPayload({ payload: '' })
      expect(await expectAccepted(build, { payload: '', headers: message.header })).toBeUndefined()
      expect(
        await expectAccepted(build, { payload: new Uint8Array(), headers: message.header }),
      ).toBeUndefined()
    })

    it('verifies without parsing with jsonParse: false (sw/python json_parse=False, standardwebhooks JS)', async () => {
      const message = testPayload()
      expect(
        await expectAccepted(build, {
          payload: message.payload,
          headers: message.header,
          jsonParse: false,
        }),
      ).toBeUndefined()
      const text = testPayload({ payload: 'not json' })
      expect(
        await expectAccepted(build, {
          payload: text.payload,
          headers: text.header,
          jsonParse: false,
        }),
      ).toBeUndefined()
      text.header['webhook-signature'] = 'v1,AAAA'
      await expectRejected(
        build,
        { payload: text.payload, headers: text.header, jsonParse: false },
        NO_MATCH,
      )
    })

    it('reports a signed body that is not JSON as invalid_payload, not a SyntaxError (README: "non-JSON body")', async () => {
      const text = testPayload({ payload: 'not json' })
      const outcome = await verifyAll(build, { payload: text.payload, headers: text.header })
      expect(outcome).toMatchObject({ ok: false, verificationError: true, code: 'invalid_payload' })
    })

    it('refuses a null payload with a WebhookError (svix/csharp TestPayloadNullThrowsException)', () => {
      const message = testPayload()
      const wh = new Webhook(SECRET, { now: () => NOW_MS })
      expect(() =>
        wh.verify(null as unknown as string, message.header as Record<string, string>),
      ).toThrow(expect.objectContaining({ name: 'WebhookError', code: 'invalid_argument' }))
    })
  })

  describe('sign', () => {
    it('signs the shared vector (sw/*, svix/* "sign function works")', async () => {
      const wh = new Webhook(`whsec_${SECRET}`)
      expect(wh.sign(MSG_ID, SPEC_DATE, PAYLOAD)).toBe(SPEC_SIGNATURE)
      expect(await wh.signAsync(MSG_ID, SPEC_DATE, PAYLOAD)).toBe(SPEC_SIGNATURE)
    })

    it('signs the Rust vector (sw/rust, svix/rust test_sign)', () => {
      const wh = new Webhook('whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD')
      expect(
        wh.sign(
          'msg_27UH4WbU6Z5A5EzD8u03UvzRbpk',
          new Date(1649367553 * 1000),
          '{"email":"test@example.com","username":"test_user"}',
        ),
      ).toBe('v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=')
    })

    it('sign then verify round-trips (sw/rust, svix/rust test_verify; sw/go newTestPayload)', async () => {
      const secret = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD'
      const payload = '{"email":"test@example.com","username":"test_user"}'
      const signature = new Webhook(secret).sign(
        'msg_27UH4WbU6Z5A5EzD8u03UvzRbpk',
        new Date(NOW_MS),
        payload,
      )
      for (const brand of ['webhook', 'svix']) {
        const headers = {
          [`${brand}-id`]: 'msg_27UH4WbU6Z5A5EzD8u03UvzRbpk',
          [`${brand}-signature`]: signature,
          [`${brand}-timestamp`]: String(NOW),
        }
        expect(await expectAccepted(build, { secret, payload, headers })).toEqual({
          email: 'test@example.com',
          username: 'test_user',
        })
      }
    })

    for (const [size, expected] of [
      [1024 * 1024, 'v1,txpEUxqWZJ5nteTnymUVa+7C4NHpBeXJ6CsBAW0c3/A='],
      [256 * 1024, 'v1,Mw4Pe2WgApuT7NSqnSq0PQPV9gbLdggCl9B865x5Xh0='],
      [256 * 1024 - 1, 'v1,NTItnqyWMoFhk2Bbe5V/BMdcFRWgcSQaTgqLHX7FC7c='],
    ] as const) {
      it(`signs a ${size}-byte payload (svix/csharp VerifyWebhookSignWithLargePayloadWorks)`, async () => {
        const wh = new Webhook(`whsec_${SECRET}`)
        const payload = 'a'.repeat(size)
        expect(wh.sign(MSG_ID, SPEC_DATE, payload)).toBe(expected)
        expect(await wh.signAsync(MSG_ID, SPEC_DATE, new TextEncoder().encode(payload))).toBe(
          expected,
        )
      })
    }

    it('signs a numeric message id as its decimal text, like the JS peers (sw/elixir raises instead)', () => {
      const wh = new Webhook(`whsec_${SECRET}`)
      expect(wh.sign(123, SPEC_DATE, PAYLOAD)).toBe(wh.sign('123', SPEC_DATE, PAYLOAD))
      expect(wh.sign(123n, SPEC_DATE, PAYLOAD)).toBe(wh.sign('123', SPEC_DATE, PAYLOAD))
      expect(wh.signHeaders(123, SPEC_DATE, PAYLOAD)['webhook-id']).toBe('123')
      expect(`v1,${referenceSignature(SECRET, '123', 1614265330, PAYLOAD)}`).toBe(
        wh.sign(123, SPEC_DATE, PAYLOAD),
      )
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, {}, null]) {
        expect(() => wh.sign(bad as number, SPEC_DATE, PAYLOAD)).toThrow(
          expect.objectContaining({ code: 'invalid_argument' }),
        )
      }
    })

    it('refuses an invalid or pre-1970 timestamp (sw/php, svix/php testInvalid{Float,String,Negative}Timestamp)', () => {
      const wh = new Webhook(`whsec_${SECRET}`)
      for (const date of [new Date('invalid timestamp'), new Date(-161426533 * 1000)]) {
        expect(() => wh.sign(MSG_ID, date, PAYLOAD)).toThrow(WebhookError)
      }
      expect(() => wh.sign(MSG_ID, 161426533 as unknown as Date, PAYLOAD)).toThrow(WebhookError)
    })

    it('signs a timestamp outside the tolerance (sw/elixir raises; README: "signing old or future timestamps")', () => {
      const wh = new Webhook(`whsec_${SECRET}`)
      const old = new Date((NOW - TOLERANCE - 1) * 1000)
      expect(wh.sign(MSG_ID, old, PAYLOAD)).toBe(
        `v1,${referenceSignature(SECRET, MSG_ID, NOW - TOLERANCE - 1, PAYLOAD)}`,
      )
    })
  })

  describe('errors (sw/js, svix/js WebhookVerificationError)', () => {
    it('is constructed like the peers: message first', () => {
      const error = new WebhookVerificationError('boom')
      expect(error.message).toBe('boom')
      expect(error.name).toBe('WebhookVerificationError')
      expect(error).toBeInstanceOf(Error)
      expect(error).toBeInstanceOf(WebhookError)
      expect(error.code).toBe('unspecified')
      const coded = new WebhookVerificationError('late', { code: 'timestamp_too_old' })
      expect(coded.code).toBe('timestamp_too_old')
      const cause = new Error('inner')
      expect(new WebhookError('wrapped', { code: 'invalid_secret', cause }).cause).toBe(cause)
      expect(new WebhookError('plain').code).toBe('unspecified')
    })
  })
})
