import type { WebhookPayload } from './internal/bytes'
import { checkTolerance } from './internal/checks'
import type { SyncEngine } from './internal/engine-node'
import { defaultSyncEngine } from './internal/engine-node'
import type { AsyncEngine } from './internal/engine-web'
import { createWebEngine } from './internal/engine-web'
import type { WebhookHeaders } from './internal/headers'
import type { Key, KeyFormat, WebhookSecret } from './internal/keys'
import { parseKeys } from './internal/keys'
import type { MessageId } from './internal/sign-flow'
import { messageIdText, signAsync, signInput, signSync, unixSeconds } from './internal/sign-flow'
import type { VerifyOptions, VerifyPrimitives } from './internal/verify-flow'
import { runAsync, runSync, verifySteps } from './internal/verify-flow'

export type { VerifyOptions }

export interface WebhookOptions extends KeyFormat {
  /** How far `webhook-timestamp` may be from now, in seconds, either way. Default 300. */
  tolerance?: number
  /** The current time in milliseconds; for tests. Default `Date.now`. */
  now?: () => number
}

/** The three headers a signed webhook request carries. */
export type WebhookRequestHeaders = {
  'webhook-id': string
  'webhook-timestamp': string
  'webhook-signature': string
}

/**
 * Signs and verifies Standard Webhooks. A drop-in replacement for the `standardwebhooks`
 * package's `Webhook`, with several secrets (rotation), Ed25519 (`v1a`) keys and an async
 * Web Crypto path for edge runtimes.
 *
 * @example
 * const wh = new Webhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')
 * const signature = wh.sign('msg_1', new Date(), body)
 * const event = wh.verify(rawBody, request.headers) // throws WebhookVerificationError
 * wh.verify(rawText, request.headers, { jsonParse: false }) // verify only, no JSON parse
 */
export class Webhook {
  static readonly prefix = 'whsec_'

  readonly #keys: readonly Key[]
  readonly #tolerance: number
  readonly #now: () => number
  readonly #sync: SyncEngine
  readonly #syncVerify: VerifyPrimitives
  #async: { engine: AsyncEngine; verify: VerifyPrimitives } | undefined
  readonly #derivedPublicKeys = new WeakMap<Key, Uint8Array>()
  readonly #derivedPublicKeysAsync = new WeakMap<Key, Promise<Uint8Array>>()

  constructor(
    secret: WebhookSecret | readonly (WebhookSecret | undefined)[] | undefined,
    options: WebhookOptions = {},
  ) {
    this.#keys = parseKeys(secret, options)
    this.#tolerance = checkTolerance(options.tolerance)
    this.#now = options.now ?? Date.now
    this.#sync = defaultSyncEngine
    this.#syncVerify = {
      hmac: (key, prefix, body) => this.#sync.hmac(key, prefix, body),
      ed25519Verify: (pk, prefix, body, sig) => this.#sync.ed25519Verify(pk, prefix, body, sig),
      publicKeyOf: (key) =>
        key.publicKey ??
        memo(this.#derivedPublicKeys, key, () => this.#sync.ed25519PublicKey(key.seed)),
    }
  }

  /** The `webhook-signature` header value for a message: one entry per signing secret. */
  sign(msgId: MessageId, timestamp: Date, payload: WebhookPayload): string {
    return signSync(this.#keys, signInput(msgId, timestamp, payload), this.#sync)
  }

  /** `sign` on Web Crypto: for runtimes without node:crypto. Same output. */
  signAsync(msgId: MessageId, timestamp: Date, payload: WebhookPayload): Promise<string> {
    return signAsync(this.#keys, signInput(msgId, timestamp, payload), this.#asyncEngine().engine)
  }

  /** All three headers for a message, ready to send. */
  signHeaders(msgId: MessageId, timestamp: Date, payload: WebhookPayload): WebhookRequestHeaders {
    return this.#headers(msgId, timestamp, this.sign(msgId, timestamp, payload))
  }

  /** `signHeaders` on Web Crypto. */
  async signHeadersAsync(
    msgId: MessageId,
    timestamp: Date,
    payload: WebhookPayload,
  ): Promise<WebhookRequestHeaders> {
    return this.#headers(msgId, timestamp, await this.signAsync(msgId, timestamp, payload))
  }

  /**
   * Verifies the raw body against the request headers and returns it parsed as JSON
   * (`undefined` for an empty body, or with `{ jsonParse: false }`). Throws
   * `WebhookVerificationError` with a `code`.
   */
  verify(payload: WebhookPayload, headers: WebhookHeaders, options: { jsonParse: false }): undefined
  verify<T = unknown>(payload: WebhookPayload, headers: WebhookHeaders, options?: VerifyOptions): T
  verify<T = unknown>(
    payload: WebhookPayload,
    headers: WebhookHeaders,
    options?: VerifyOptions,
  ): T {
    return runSync(verifySteps(this.#verifyInput(payload, headers, options), this.#syncVerify)) as T
  }

  /** `verify` on Web Crypto: for Deno, Bun, Workers and browsers. */
  verifyAsync(
    payload: WebhookPayload,
    headers: WebhookHeaders,
    options: { jsonParse: false },
  ): Promise<undefined>
  verifyAsync<T = unknown>(
    payload: WebhookPayload,
    headers: WebhookHeaders,
    options?: VerifyOptions,
  ): Promise<T>
  async verifyAsync<T = unknown>(
    payload: WebhookPayload,
    headers: WebhookHeaders,
    options?: VerifyOptions,
  ): Promise<T> {
    const input = this.#verifyInput(payload, headers, options)
    return (await runAsync(verifySteps(input, this.#asyncEngine().verify))) as T
  }

  #verifyInput(payload: WebhookPayload, headers: WebhookHeaders, options?: VerifyOptions) {
    return {
      keys: this.#keys,
      payload,
      headers,
      nowMs: this.#now(),
      toleranceSeconds: this.#tolerance,
      jsonParse: options?.jsonParse !== false,
    }
  }

  #headers(msgId: MessageId, timestamp: Date, signature: string): WebhookRequestHeaders {
    return {
      'webhook-id': messageIdText(msgId),
      'webhook-timestamp': String(unixSeconds(timestamp)),
      'webhook-signature': signature,
    }
  }

  #asyncEngine(): { engine: AsyncEngine; verify: VerifyPrimitives } {
    if (!this.#async) {
      const engine = createWebEngine()
      this.#async = {
        engine,
        verify: {
          hmac: (key, prefix, body) => engine.hmac(key, prefix, body),
          ed25519Verify: (pk, prefix, body, sig) => engine.ed25519Verify(pk, prefix, body, sig),
          publicKeyOf: (key) =>
            key.publicKey ??
            memo(this.#derivedPublicKeysAsync, key, () => engine.ed25519PublicKey(key.seed)),
        },
      }
    }
    return this.#async
  }
}

function memo<V>(cache: WeakMap<Key, V>, key: Key, make: () => V): V {
  let value = cache.get(key)
  if (value === undefined) {
    value = make()
    cache.set(key, value)
  }
  return value
}
