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

/** The second argument of the error constructors. */
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
  readonly code: WebhookErrorCode | WebhookVerificationErrorCode

  constructor(
    message: string,
    options: WebhookErrorOptions<WebhookErrorCode | WebhookVerificationErrorCode> = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'WebhookError'
    this.code = options.code ?? 'unspecified'
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
  declare readonly code: WebhookVerificationErrorCode

  constructor(message: string, options: WebhookErrorOptions<WebhookVerificationErrorCode> = {}) {
    super(message, options)
    this.name = 'WebhookVerificationError'
  }
}
