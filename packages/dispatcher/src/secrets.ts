import { Webhook } from '@clockhook/signer'
import type { SecretCipher } from './api'
import { DispatcherError } from './errors'
import type { StoredEndpoint } from './store/types'
import type { Endpoint, EndpointSecret } from './types'
import { MASK } from './validate'

// Marks a sealed header value, so values stored before a cipher was configured still read.
const SEALED = 'sealed:'

const isLive = (s: EndpointSecret, now: number) => s.expiresAt === null || s.expiresAt > now

/**
 * Signing secrets and custom header values at rest: sealed with the host's cipher on the
 * way in, opened (and cached) on the way out, masked wherever an endpoint is shown.
 * Header values are credentials (`Authorization: Bearer …`), so they are treated like secrets.
 */
export class SecretBox {
  readonly #cipher: SecretCipher | undefined
  readonly #signers = new Map<string, { key: string; webhook: Webhook }>()
  readonly #openedHeaders = new Map<
    string,
    { key: string; plain: Record<string, string>; credentials: string[] }
  >()
  /**
   * The same answers by endpoint object: a claim's endpoint is read once and shared by its
   * attempts, so most attempts find theirs here without building a key. A signer stays
   * valid until the first of its secrets expires (and for a clock set back, not before it was made).
   */
  readonly #byObject = new WeakMap<
    StoredEndpoint,
    {
      signer?: { webhook: Webhook; validFrom: number; validUntil: number }
      headers?: { plain: Record<string, string>; credentials: string[] }
    }
  >()

  constructor(cipher: SecretCipher | undefined) {
    this.#cipher = cipher
  }

  seal(plain: string): string {
    return this.#cipher ? this.#cipher.seal(plain) : plain
  }

  open(sealed: string): string {
    return this.#cipher ? this.#cipher.open(sealed) : sealed
  }

  sealHeaders(plain: Record<string, string>): Record<string, string> {
    const cipher = this.#cipher
    if (!cipher) return plain
    return Object.fromEntries(Object.entries(plain).map(([k, v]) => [k, SEALED + cipher.seal(v)]))
  }

  openHeaders(stored: Record<string, string>): Record<string, string> {
    const cipher = this.#cipher
    if (!cipher) return stored
    return Object.fromEntries(
      Object.entries(stored).map(([k, v]) => [
        k,
        v.startsWith(SEALED) ? cipher.open(v.slice(SEALED.length)) : v,
      ]),
    )
  }

  /** The endpoint's custom headers in clear, opened once per stored value. */
  headersFor(endpoint: StoredEndpoint): Record<string, string> {
    return this.#opened(endpoint).plain
  }

  /** The custom header values long enough to mask where a receiver echoes them. */
  credentialsFor(endpoint: StoredEndpoint): string[] {
    return this.#opened(endpoint).credentials
  }

  #opened(endpoint: StoredEndpoint): { plain: Record<string, string>; credentials: string[] } {
    const entry = this.#entry(endpoint)
    if (entry.headers) return entry.headers
    const key = JSON.stringify(endpoint.headers)
    let cached = this.#openedHeaders.get(endpoint.id)
    if (cached?.key !== key) {
      const plain = this.openHeaders(endpoint.headers)
      cached = { key, plain, credentials: Object.values(plain).filter((v) => v.length >= 4) }
      if (this.#openedHeaders.size > 10_000) this.#openedHeaders.clear()
      this.#openedHeaders.set(endpoint.id, cached)
    }
    entry.headers = cached
    return cached
  }

  #entry(endpoint: StoredEndpoint) {
    let entry = this.#byObject.get(endpoint)
    if (!entry) {
      entry = {}
      this.#byObject.set(endpoint, entry)
    }
    return entry
  }

  /** A signer over the endpoint's secrets live at `now` (both, during a rotation). */
  signerFor(endpoint: StoredEndpoint, now: number): Webhook {
    const entry = this.#entry(endpoint)
    const hit = entry.signer
    if (hit && now >= hit.validFrom && now < hit.validUntil) return hit.webhook
    const live = endpoint.secrets.filter((s) => isLive(s, now))
    const key = live.map((s) => s.secret).join(' ')
    const validUntil = Math.min(...live.map((s) => s.expiresAt ?? Number.POSITIVE_INFINITY))
    const cached = this.#signers.get(endpoint.id)
    if (cached?.key === key) {
      entry.signer = { webhook: cached.webhook, validFrom: now, validUntil }
      return cached.webhook
    }
    const webhook = new Webhook(live.map((s) => this.open(s.secret)))
    this.#signers.set(endpoint.id, { key, webhook })
    entry.signer = { webhook, validFrom: now, validUntil }
    return webhook
  }

  /** The live secrets in clear, current first. */
  liveSecrets(endpoint: StoredEndpoint, now: number): EndpointSecret[] {
    return endpoint.secrets
      .filter((s) => isLive(s, now))
      .map((s) => ({ secret: this.open(s.secret), expiresAt: s.expiresAt }))
  }

  forget(endpointId: string): void {
    this.#signers.delete(endpointId)
    this.#openedHeaders.delete(endpointId)
  }
}

export const maskHeaders = (headers: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.keys(headers).map((k) => [k, MASK]))

/** An endpoint as the API shows it: no secrets, header values masked. */
export const publicEndpoint = ({
  secrets: _s,
  headers,
  ...endpoint
}: StoredEndpoint): Endpoint => ({ ...endpoint, headers: maskHeaders(headers) })

/** A secret given by the host: one the signer accepts. */
export function checkSecret(secret: unknown): string {
  if (typeof secret !== 'string')
    throw new DispatcherError('invalid_argument', 'secret must be a string')
  try {
    new Webhook(secret)
  } catch (err) {
    throw new DispatcherError('invalid_argument', `secret: ${(err as Error).message}`)
  }
  return secret
}
