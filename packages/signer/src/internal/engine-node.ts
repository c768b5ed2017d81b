import type * as NodeCrypto from 'node:crypto'
import { WebhookError } from '../errors'
import { encodeBase64 } from './base64'
import { signedContent } from './bytes'
import type { Key } from './keys'
import { ed25519Pkcs8, ed25519Spki } from './keys'
import { hmacSha256 } from './sha256'

/** The synchronous primitives. On Node, Bun and Deno they are node:crypto's. */
export interface SyncEngine {
  readonly name: 'node' | 'portable'
  hmac(key: Key & { kind: 'hmac' }, prefix: string, body: Uint8Array | string): string
  ed25519Sign(
    key: Key & { kind: 'ed25519-secret' },
    prefix: string,
    body: Uint8Array | string,
  ): string
  ed25519Verify(
    publicKey: Uint8Array,
    prefix: string,
    body: Uint8Array | string,
    signature: Uint8Array,
  ): boolean
  ed25519PublicKey(seed: Uint8Array): Uint8Array
}

function loadNodeCrypto(): typeof NodeCrypto | undefined {
  try {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } })
      .process
    return proc?.getBuiltinModule?.('node:crypto') as typeof NodeCrypto | undefined
  } catch {
    return undefined
  }
}

const BLOCK = 64
/** Messages up to this size are hashed from a reused buffer; larger ones stream through `createHmac`. */
const SCRATCH_BYTES = 64 * 1024

type Hmac = (key: Key & { kind: 'hmac' }, prefix: string, body: Uint8Array | string) => string

/**
 * HMAC-SHA256 (RFC 2104) on node:crypto's one-shot `crypto.hash`: H((K⊕opad) ‖ H((K⊕ipad) ‖ m)),
 * with the padded key blocks prepared once per key and the message written into a reused
 * buffer. Creating an `Hmac` object costs about as much as hashing a 1 KiB body, so this is
 * markedly faster for webhook-sized messages. Undefined where `crypto.hash` is missing.
 */
function createHashHmac(crypto: typeof NodeCrypto, fallback: Hmac): Hmac | undefined {
  const hash = (crypto as { hash?: unknown }).hash as
    | ((algorithm: string, data: Uint8Array, encoding: string) => Buffer | string)
    | undefined
  if (typeof hash !== 'function') return undefined
  try {
    const probe = hash('sha256', new Uint8Array(0), 'buffer')
    if (!(probe instanceof Uint8Array) || probe.length !== 32) return undefined
  } catch {
    return undefined
  }
  const pads = new WeakMap<Key, { inner: Buffer; outer: Buffer }>()
  const padsOf = (key: Key & { kind: 'hmac' }) => {
    let pad = pads.get(key)
    if (!pad) {
      const block = Buffer.alloc(BLOCK)
      block.set(
        key.bytes.length > BLOCK ? (hash('sha256', key.bytes, 'buffer') as Buffer) : key.bytes,
      )
      const inner = Buffer.alloc(BLOCK)
      const outer = Buffer.alloc(BLOCK + 32)
      for (let i = 0; i < BLOCK; i++) {
        inner[i] = block[i]! ^ 0x36
        outer[i] = block[i]! ^ 0x5c
      }
      pad = { inner, outer }
      pads.set(key, pad)
    }
    return pad
  }
  let scratch: Buffer | undefined
  return (key, prefix, body) => {
    // UTF-8 takes at most 3 bytes per UTF-16 unit; count exactly only when that bound is too big
    let size =
      BLOCK + 3 * prefix.length + (typeof body === 'string' ? 3 * body.length : body.length)
    if (size > SCRATCH_BYTES) {
      size =
        BLOCK +
        Buffer.byteLength(prefix) +
        (typeof body === 'string' ? Buffer.byteLength(body) : body.length)
      if (size > SCRATCH_BYTES) return fallback(key, prefix, body)
    }
    scratch ??= Buffer.alloc(SCRATCH_BYTES)
    const { inner, outer } = padsOf(key)
    inner.copy(scratch, 0)
    // written piece by piece: no concatenated string, and the inner digest as a 32-char
    // latin1 string rather than a Buffer, to keep the garbage per call small
    let end = BLOCK + scratch.write(prefix, BLOCK, 'utf8')
    if (typeof body === 'string') end += scratch.write(body, end, 'utf8')
    else {
      scratch.set(body, end)
      end += body.length
    }
    outer.write(hash('sha256', scratch.subarray(0, end), 'latin1') as string, BLOCK, 'latin1')
    return hash('sha256', outer, 'base64') as string
  }
}

export function createNodeEngine(crypto: typeof NodeCrypto): SyncEngine {
  const hmacKeys = new WeakMap<Key, NodeCrypto.KeyObject>()
  const privateKeys = new WeakMap<Key, NodeCrypto.KeyObject>()
  const secretKeyOf = (key: Key & { kind: 'hmac' }): NodeCrypto.KeyObject => {
    let handle = hmacKeys.get(key)
    if (!handle) {
      handle = crypto.createSecretKey(key.bytes)
      hmacKeys.set(key, handle)
    }
    return handle
  }
  const privateKeyOf = (seed: Uint8Array): NodeCrypto.KeyObject =>
    crypto.createPrivateKey({ key: ed25519Pkcs8(seed) as Buffer, format: 'der', type: 'pkcs8' })

  const streamingHmac: Hmac = (key, prefix, body) => {
    const mac = crypto.createHmac('sha256', secretKeyOf(key))
    if (typeof body === 'string') return mac.update(prefix + body).digest('base64')
    return mac.update(prefix).update(body).digest('base64')
  }
  const hmac = createHashHmac(crypto, streamingHmac) ?? streamingHmac

  return {
    name: 'node',
    hmac,
    ed25519Sign(key, prefix, body) {
      let handle = privateKeys.get(key)
      if (!handle) {
        handle = privateKeyOf(key.seed)
        privateKeys.set(key, handle)
      }
      return crypto.sign(null, signedContent(prefix, body), handle).toString('base64')
    },
    ed25519Verify(publicKey, prefix, body, signature) {
      const handle = crypto.createPublicKey({
        key: ed25519Spki(publicKey) as Buffer,
        format: 'der',
        type: 'spki',
      })
      return crypto.verify(null, signedContent(prefix, body), handle, signature)
    },
    ed25519PublicKey(seed) {
      const spki = crypto
        .createPublicKey(privateKeyOf(seed))
        .export({ format: 'der', type: 'spki' })
      return new Uint8Array(spki.subarray(spki.length - 32))
    },
  }
}

/** Pure-JS fallback for runtimes without node:crypto: HMAC only (Ed25519 needs the async API). */
export const portableEngine: SyncEngine = {
  name: 'portable',
  hmac(key, prefix, body) {
    return encodeBase64(hmacSha256(key.bytes, signedContent(prefix, body)))
  },
  ed25519Sign() {
    throw unsupported()
  },
  ed25519Verify() {
    throw unsupported()
  },
  ed25519PublicKey() {
    throw unsupported()
  },
}

function unsupported(): WebhookError {
  return new WebhookError(
    'synchronous Ed25519 (v1a) needs node:crypto; on this runtime use signAsync/verifyAsync',
    { code: 'unsupported_runtime' },
  )
}

const nodeCrypto = loadNodeCrypto()

/** node:crypto where the runtime has it, else the portable fallback. */
export const defaultSyncEngine: SyncEngine = nodeCrypto
  ? createNodeEngine(nodeCrypto)
  : portableEngine
