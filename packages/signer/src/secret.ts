import { WebhookError } from './errors'
import { encodeBase64 } from './internal/base64'
import { createWebEngine } from './internal/engine-web'
import { PUBLIC_KEY_PREFIX, parseKey, SECRET_PREFIX, SIGNING_KEY_PREFIX } from './internal/keys'

export interface GenerateSecretOptions {
  /** Random bytes in the secret, 24 to 64. Default 32. */
  bytes?: number
}

/**
 * A new random HMAC signing secret, `whsec_<base64>`.
 *
 * @example
 * const secret = generateSecret() // 'whsec_…' (32 random bytes)
 */
export function generateSecret(options: GenerateSecretOptions = {}): string {
  const size = options.bytes ?? 32
  if (!Number.isInteger(size) || size < 24 || size > 64) {
    throw new WebhookError('a secret must have 24 to 64 random bytes', { code: 'invalid_argument' })
  }
  return SECRET_PREFIX + encodeBase64(crypto.getRandomValues(new Uint8Array(size)))
}

export interface Ed25519KeyPair {
  /** `whsk_<base64 seed>`: signs (`v1a`); keep it on the sending side. */
  secretKey: string
  /** `whpk_<base64>`: verifies; give it to receivers. */
  publicKey: string
}

/**
 * A new Ed25519 key pair for asymmetric (`v1a`) signatures.
 *
 * @example
 * const { secretKey, publicKey } = await generateKeyPair()
 * new Webhook(secretKey).sign(id, new Date(), body) // 'v1a,…'
 */
export async function generateKeyPair(): Promise<Ed25519KeyPair> {
  const seed = crypto.getRandomValues(new Uint8Array(32))
  const publicKey = await createWebEngine().ed25519PublicKey(seed)
  return {
    secretKey: SIGNING_KEY_PREFIX + encodeBase64(seed),
    publicKey: PUBLIC_KEY_PREFIX + encodeBase64(publicKey),
  }
}

/**
 * The public key (`whpk_…`) that verifies what a `whsk_…` key signs.
 *
 * @example
 * const publicKey = await publicKeyOf(process.env.WEBHOOK_SIGNING_KEY)
 */
export async function publicKeyOf(secretKey: string): Promise<string> {
  const key = parseKey(secretKey)
  if (key.kind !== 'ed25519-secret') {
    throw new WebhookError('publicKeyOf takes a whsk_ Ed25519 signing key', {
      code: 'invalid_secret',
    })
  }
  const publicKey = key.publicKey ?? (await createWebEngine().ed25519PublicKey(key.seed))
  return PUBLIC_KEY_PREFIX + encodeBase64(publicKey)
}
