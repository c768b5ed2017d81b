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

  return {
    name: 'node',
    hmac(key, prefix, body) {
      const mac = crypto.createHmac('sha256', secretKeyOf(key))
      if (typeof body === 'string') return mac.update(prefix + body).digest('base64')
      return mac.update(prefix).update(body).digest('base64')
    },
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
