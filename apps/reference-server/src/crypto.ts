import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SecretCipher } from '@clockhook/dispatcher'

/** AES-256-GCM for signing secrets at rest: `v1.<iv>.<tag>.<ciphertext>` (base64url). */
export function aesGcmCipher(key: Buffer): SecretCipher {
  if (key.length !== 32) throw new Error('the master key must be 32 bytes')
  return {
    seal(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return ['v1', iv, cipher.getAuthTag(), data]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.')
    },
    open(sealed) {
      const [version, iv, tag, data] = sealed.split('.')
      if (version !== 'v1' || !iv || !tag || data === undefined)
        throw new Error('not a sealed secret')
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([
        decipher.update(Buffer.from(data, 'base64url')),
        decipher.final(),
      ]).toString('utf8')
    },
  }
}

/** The configured master key, or in development one generated into the data dir. */
export function loadMasterKey(
  configured: string | undefined,
  dataDir: string,
  warn: (message: string) => void,
): Buffer {
  if (configured) return Buffer.from(configured, 'base64')
  const file = join(dataDir, 'master.key')
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')
  mkdirSync(dataDir, { recursive: true })
  const key = randomBytes(32)
  writeFileSync(file, key.toString('base64'), { mode: 0o600 })
  warn(
    `CLOCKHOOK_MASTER_KEY is not set: generated a development key in ${file}. Set it in production.`,
  )
  return key
}

export const API_KEY_PREFIX = 'ck_'

/** A new API key: shown once; only its hash and a short prefix are stored. */
export function newApiKey(): { key: string; prefix: string; hash: string } {
  const key = API_KEY_PREFIX + randomBytes(30).toString('base64url')
  return { key, prefix: key.slice(0, 11), hash: hashApiKey(key) }
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex')
}
