import { WebhookError } from '../errors'
import { decodeBase64 } from './base64'
import { utf8 } from './bytes'

export const SECRET_PREFIX = 'whsec_'
export const SIGNING_KEY_PREFIX = 'whsk_'
export const PUBLIC_KEY_PREFIX = 'whpk_'

/** One parsed secret. HMAC secrets sign and verify `v1`; Ed25519 keys `v1a`. */
export type Key =
  | { kind: 'hmac'; bytes: Uint8Array }
  | { kind: 'ed25519-secret'; seed: Uint8Array; publicKey: Uint8Array | undefined }
  | { kind: 'ed25519-public'; publicKey: Uint8Array }

/** A secret as given by a user: `whsec_…`, bare base64, `whsk_…`, `whpk_…`, or raw bytes. */
export type WebhookSecret = string | Uint8Array

export interface KeyFormat {
  /** `raw`: a string secret is used as its UTF-8 bytes, not base64-decoded (as in `standardwebhooks`). */
  format?: 'raw'
}

/**
 * What the constructors accept: a secret, or several. `undefined` is accepted by the type so
 * `process.env.WEBHOOK_SECRET` (a `string | undefined`) can be passed as it is; it throws
 * `invalid_secret` at construction, saying the environment variable is probably unset.
 */
export type WebhookSecretInput = WebhookSecret | undefined | readonly (WebhookSecret | undefined)[]

export function parseKey(secret: WebhookSecret | undefined, options: KeyFormat = {}): Key {
  if (secret === undefined) {
    throw new WebhookError(
      'the webhook secret is undefined — is the environment variable set? (pass the whsec_… signing secret)',
      { code: 'invalid_secret' },
    )
  }
  if (secret instanceof Uint8Array) {
    if (secret.length === 0)
      throw new WebhookError('the secret is empty', { code: 'invalid_secret' })
    return { kind: 'hmac', bytes: secret.slice() }
  }
  if (typeof secret !== 'string') {
    throw new WebhookError('a secret must be a string or a Uint8Array', { code: 'invalid_secret' })
  }
  if (options.format === 'raw') {
    if (secret.length === 0)
      throw new WebhookError('the secret is empty', { code: 'invalid_secret' })
    return { kind: 'hmac', bytes: utf8(secret) }
  }
  // Surrounding whitespace (a trailing newline from an env file) is never part of a key.
  secret = secret.trim()
  if (secret.length === 0) throw new WebhookError('the secret is empty', { code: 'invalid_secret' })

  if (secret.startsWith(SIGNING_KEY_PREFIX)) {
    const bytes = decodeBase64(secret.slice(SIGNING_KEY_PREFIX.length), 'the whsk_ signing key')
    if (bytes.length === 32) return { kind: 'ed25519-secret', seed: bytes, publicKey: undefined }
    if (bytes.length === 64) {
      return { kind: 'ed25519-secret', seed: bytes.slice(0, 32), publicKey: bytes.slice(32) }
    }
    throw new WebhookError(
      `a whsk_ key must hold a 32-byte Ed25519 seed (or 64 bytes of seed and public key), got ${bytes.length} bytes`,
      { code: 'invalid_secret' },
    )
  }
  if (secret.startsWith(PUBLIC_KEY_PREFIX)) {
    const bytes = decodeBase64(secret.slice(PUBLIC_KEY_PREFIX.length), 'the whpk_ public key')
    if (bytes.length !== 32) {
      throw new WebhookError(
        `a whpk_ key must hold a 32-byte Ed25519 public key, got ${bytes.length} bytes`,
        { code: 'invalid_secret' },
      )
    }
    return { kind: 'ed25519-public', publicKey: bytes }
  }
  const body = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret
  const bytes = decodeBase64(body, 'the whsec_ secret')
  if (bytes.length === 0) throw new WebhookError('the secret is empty', { code: 'invalid_secret' })
  return { kind: 'hmac', bytes }
}

export function parseKeys(secrets: WebhookSecretInput, options?: KeyFormat): Key[] {
  const list: readonly (WebhookSecret | undefined)[] = Array.isArray(secrets)
    ? secrets
    : [secrets as WebhookSecret | undefined]
  if (list.length === 0)
    throw new WebhookError('at least one secret is needed', { code: 'invalid_secret' })
  return list.map((s) => parseKey(s, options))
}

// DER prefixes that wrap a raw Ed25519 key for pkcs8 / spki import (RFC 8410).
const PKCS8_PREFIX = [
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]
const SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]

function withPrefix(prefix: number[], key: Uint8Array): Uint8Array {
  const out = new Uint8Array(prefix.length + key.length)
  out.set(prefix, 0)
  out.set(key, prefix.length)
  return out
}

export const ed25519Pkcs8 = (seed: Uint8Array): Uint8Array => withPrefix(PKCS8_PREFIX, seed)
export const ed25519Spki = (publicKey: Uint8Array): Uint8Array => withPrefix(SPKI_PREFIX, publicKey)
