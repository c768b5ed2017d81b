/**
 * Why a webhook failed verification. Stable: receivers branch on it. `unspecified` is the
 * code of an error built without one (`new WebhookVerificationError('…')` in user code).
 */
export type WebhookVerificationErrorCode =
  | 'missing_header'
  | 'invalid_header'
  | 'invalid_timestamp'
  | 'timestamp_too_old'
  | 'timestamp_too_new'
  | 'no_matching_signature'
  | 'invalid_payload'
  | 'unspecified'

/** Why a webhook could not be set up or signed (`unspecified`: built without a code). */
export type WebhookErrorCode =
  | 'invalid_secret'
  | 'invalid_argument'
  | 'unsupported_runtime'
  | 'unspecified'

// `instanceof` must hold across copies of this module: the ESM and CJS builds loaded in one
// process (the dual-package hazard), or the main and verify-only entries of the CJS build,
// which each carry their own classes. Instances carry a registry-wide brand, and each class
// matches the brands of its own kind when the prototype chain does not.
const BRAND = Symbol.for('@clockhook/signer.error')
type Brand = 'error' | 'verification'

function branded(klass: object, value: unknown): boolean {
  if (!Object.hasOwn(klass, BRAND)) return false
  const brand = (value as { [BRAND]?: Brand } | null | undefined)?.[BRAND]
  const wanted = (klass as { [BRAND]: Brand })[BRAND]
  return brand !== undefined && (wanted === 'error' || brand === wanted)
}

/**
 * The second argument of the error constructors.
 *
 * @example
 * throw new WebhookVerificationError('stale event', { code: 'timestamp_too_old' })
 */
export interface WebhookErrorOptions<C extends string = WebhookErrorCode> {
  /** Stable reason code; `unspecified` when left out. */
  code?: C
  /** The underlying error, if any (standard `Error` cause). */
  cause?: unknown
}

/**
 * Base class of every error the signer throws on purpose. Constructed like `Error`:
 * message first, then options with the `code`.
 *
 * @example
 * try { wh.verify(body, headers) } catch (err) {
 *   if (err instanceof WebhookError) console.log(err.code)
 * }
 * new WebhookError('bad secret', { code: 'invalid_secret' }).message // 'bad secret'
 */
export class WebhookError extends Error {
  static readonly [BRAND]: Brand = 'error'

  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class `instanceof` asks about (a subclass too)
    return Function.prototype[Symbol.hasInstance].call(this, value) || branded(this, value)
  }

  declare readonly [BRAND]: Brand
  readonly code: WebhookErrorCode | WebhookVerificationErrorCode

  constructor(
    message: string,
    options: WebhookErrorOptions<WebhookErrorCode | WebhookVerificationErrorCode> = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'WebhookError'
    this.code = options.code ?? 'unspecified'
    Object.defineProperty(this, BRAND, { value: 'error', writable: true })
  }
}

/**
 * Thrown by `verify` when a request must not be trusted. `code` says why; `message`
 * starts with the text every Standard Webhooks library uses ("No matching signature
 * found", "Message timestamp too old", …) and goes on with a detail a person understands.
 * Same constructor shape as `standardwebhooks`' error: `new WebhookVerificationError(message)`.
 *
 * @example
 * catch (err) {
 *   if (err instanceof WebhookVerificationError && err.code === 'timestamp_too_old') { … }
 * }
 * new WebhookVerificationError('boom').message // 'boom'
 */
export class WebhookVerificationError extends WebhookError {
  static override readonly [BRAND]: Brand = 'verification'
  declare readonly code: WebhookVerificationErrorCode

  constructor(message: string, options: WebhookErrorOptions<WebhookVerificationErrorCode> = {}) {
    super(message, options)
    this.name = 'WebhookVerificationError'
    ;(this as { [BRAND]: Brand })[BRAND] = 'verification'
  }
}
