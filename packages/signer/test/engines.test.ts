import { createHash, createHmac, randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultSyncEngine, portableEngine } from '../src/internal/engine-node'
import { createWebEngine } from '../src/internal/engine-web'
import { parseKey } from '../src/internal/keys'
import { sha256 } from '../src/internal/sha256'

const web = createWebEngine()

describe('crypto engines', () => {
  it('uses node:crypto on Node', () => {
    expect(defaultSyncEngine.name).toBe('node')
  })

  it('the portable SHA-256 matches node:crypto at every padding boundary', () => {
    for (const size of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const data = randomBytes(size)
      expect(Buffer.from(sha256(data)).toString('hex')).toBe(
        createHash('sha256').update(data).digest('hex'),
      )
    }
  })

  it('node, portable and Web Crypto produce identical HMAC signatures', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 100 }),
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.uint8Array({ maxLength: 3000 }),
        async (keyBytes, text, bytes) => {
          const key = parseKey(keyBytes) as { kind: 'hmac'; bytes: Uint8Array }
          for (const body of [text, bytes]) {
            const node = defaultSyncEngine.hmac(key, 'msg_x.1.', body)
            expect(portableEngine.hmac(key, 'msg_x.1.', body)).toBe(node)
            expect(await web.hmac(key, 'msg_x.1.', body)).toBe(node)
          }
        },
      ),
      { numRuns: 150 },
    )
  })

  it('the one-shot-hash HMAC matches createHmac for every key size, odd text and the 64 KiB switch', () => {
    const texts = [
      '',
      'a',
      '\ud800 lone surrogate',
      '\udfff',
      'emoji 🕒 ünïcödé',
      'x'.repeat(21_800),
    ]
    for (const size of [65_400, 65_470, 65_536, 70_000]) texts.push('y'.repeat(size))
    for (const keySize of [1, 31, 32, 63, 64, 65, 100, 200]) {
      const bytes = new Uint8Array(randomBytes(keySize))
      const key = parseKey(bytes) as { kind: 'hmac'; bytes: Uint8Array }
      for (const prefix of ['msg_1.1700000000.', 'm\u00e9g_\ud83d.1.']) {
        for (const text of texts) {
          const reference = createHmac('sha256', bytes)
            .update(prefix + text)
            .digest('base64')
          expect(defaultSyncEngine.hmac(key, prefix, text)).toBe(reference)
          const raw = new Uint8Array(randomBytes(text.length))
          const rawReference = createHmac('sha256', bytes)
            .update(prefix)
            .update(raw)
            .digest('base64')
          expect(defaultSyncEngine.hmac(key, prefix, raw)).toBe(rawReference)
        }
      }
    }
  })

  it('node and Web Crypto produce identical Ed25519 signatures and public keys', async () => {
    for (let i = 0; i < 20; i++) {
      const seed = new Uint8Array(randomBytes(32))
      const key = { kind: 'ed25519-secret' as const, seed, publicKey: undefined }
      const body = randomBytes(i * 37)
      expect(await web.ed25519Sign(key, 'id.2.', body)).toBe(
        defaultSyncEngine.ed25519Sign(key, 'id.2.', body),
      )
      expect(await web.ed25519PublicKey(seed)).toEqual(defaultSyncEngine.ed25519PublicKey(seed))
    }
  })

  it('the portable engine says plainly that sync Ed25519 needs the async API', () => {
    expect(() => portableEngine.ed25519PublicKey(new Uint8Array(32))).toThrow(/signAsync/)
  })
})
