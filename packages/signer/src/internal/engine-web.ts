import { WebhookError } from '../errors'
import { base64UrlToBase64, decodeBase64, encodeBase64 } from './base64'
import { signedContent } from './bytes'
import type { Key } from './keys'
import { ed25519Pkcs8 } from './keys'

/** The asynchronous primitives, on Web Crypto (`crypto.subtle`): Node, Deno, Bun, Workers, browsers. */
export interface AsyncEngine {
  hmac(key: Key & { kind: 'hmac' }, prefix: string, body: Uint8Array | string): Promise<string>
  ed25519Sign(
    key: Key & { kind: 'ed25519-secret' },
    prefix: string,
    body: Uint8Array | string,
  ): Promise<string>
  ed25519Verify(
    publicKey: Uint8Array,
    prefix: string,
    body: Uint8Array | string,
    signature: Uint8Array,
  ): Promise<boolean>
  ed25519PublicKey(seed: Uint8Array): Promise<Uint8Array>
}

type Bytes = Uint8Array<ArrayBuffer>

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle
  if (!s)
    throw new WebhookError('this runtime has no Web Crypto (crypto.subtle)', {
      code: 'unsupported_runtime',
    })
  return s
}

export function createWebEngine(): AsyncEngine {
  const handles = new WeakMap<Key, Promise<CryptoKey>>()
  const cached = (key: Key, make: () => Promise<CryptoKey>): Promise<CryptoKey> => {
    let handle = handles.get(key)
    if (!handle) {
      handle = make()
      handles.set(key, handle)
    }
    return handle
  }
  return {
    async hmac(key, prefix, body) {
      const handle = await cached(key, () =>
        subtle().importKey('raw', key.bytes as Bytes, { name: 'HMAC', hash: 'SHA-256' }, false, [
          'sign',
        ]),
      )
      const mac = await subtle().sign('HMAC', handle, signedContent(prefix, body) as Bytes)
      return encodeBase64(new Uint8Array(mac))
    },
    async ed25519Sign(key, prefix, body) {
      const handle = await cached(key, () =>
        subtle().importKey('pkcs8', ed25519Pkcs8(key.seed) as Bytes, { name: 'Ed25519' }, false, [
          'sign',
        ]),
      )
      const sig = await subtle().sign('Ed25519', handle, signedContent(prefix, body) as Bytes)
      return encodeBase64(new Uint8Array(sig))
    },
    async ed25519Verify(publicKey, prefix, body, signature) {
      const handle = await subtle().importKey(
        'raw',
        publicKey as Bytes,
        { name: 'Ed25519' },
        false,
        ['verify'],
      )
      return subtle().verify(
        'Ed25519',
        handle,
        signature as Bytes,
        signedContent(prefix, body) as Bytes,
      )
    },
    async ed25519PublicKey(seed) {
      const handle = await subtle().importKey(
        'pkcs8',
        ed25519Pkcs8(seed) as Bytes,
        { name: 'Ed25519' },
        true,
        ['sign'],
      )
      const jwk = await subtle().exportKey('jwk', handle)
      return decodeBase64(base64UrlToBase64(jwk.x ?? ''), 'the derived public key')
    },
  }
}
