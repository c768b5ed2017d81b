/** Why a webhook failed verification. Stable: receivers branch on it. */
export type WebhookVerificationErrorCode =
  | 'missing_header'
  | 'invalid_timestamp'
  | 'timestamp_too_old'
  | 'timestamp_too_new'
  | 'no_matching_signature'
  | 'invalid_payload'

/** Why a webhook could not be set up or signed. */
export type WebhookErrorCode = 'invalid_secret' | 'invalid_argument' | 'unsupported_runtime'

/**
 * Base class of every error the signer throws on purpose.
 *
 * @example
 * try { wh.verify(body, headers) } catch (err) {
 *   if (err instanceof WebhookError) console.log(err.code)
 * }
 */
export class WebhookError extends Error {
  readonly code: WebhookErrorCode | WebhookVerificationErrorCode

  constructor(code: WebhookErrorCode | WebhookVerificationErrorCode, message: string) {
    super(message)
    this.name = 'WebhookError'
    this.code = code
  }
}

/**
 * Thrown by `verify` when a request must not be trusted. `code` says why,
 * `message` says it in words a person understands.
 *
 * @example
 * catch (err) {
 *   if (err instanceof WebhookVerificationError && err.code === 'timestamp_too_old') { … }
 * }
 */
export class WebhookVerificationError extends WebhookError {
  declare readonly code: WebhookVerificationErrorCode

  constructor(code: WebhookVerificationErrorCode, message: string) {
    super(code, message)
    this.name = 'WebhookVerificationError'
  }
}
