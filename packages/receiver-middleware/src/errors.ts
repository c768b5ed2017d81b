/** Why a delivery was not handled. Stable: receivers and logs branch on it. */
export type WebhookReceiverErrorCode =
  | 'missing_header'
  | 'invalid_header'
  | 'invalid_timestamp'
  | 'timestamp_too_old'
  | 'timestamp_too_new'
  | 'no_matching_signature'
  | 'invalid_payload'
  | 'invalid_event'
  | 'payload_too_large'
  | 'raw_body_unavailable'
  | 'in_progress'
  | 'dedupe_failed'
  | 'handler_failed'

/** The HTTP status each code is answered with. */
export const STATUS_BY_CODE: Readonly<Record<WebhookReceiverErrorCode, number>> = {
  missing_header: 400,
  invalid_header: 400,
  invalid_timestamp: 400,
  invalid_payload: 400,
  invalid_event: 400,
  timestamp_too_old: 401,
  timestamp_too_new: 401,
  no_matching_signature: 401,
  payload_too_large: 413,
  in_progress: 409,
  raw_body_unavailable: 500,
  dedupe_failed: 500,
  handler_failed: 500,
}

/**
 * A delivery the receiver refused or could not handle. `status` is what the sender is
 * answered; `cause` holds the handler's or the store's own error.
 *
 * @example
 * receiver.onError((err) => {
 *   if (err.code === 'handler_failed') logger.error(err.cause)
 *   else logger.warn(`${err.status} ${err.code}: ${err.message}`)
 * })
 */
export class WebhookReceiverError extends Error {
  readonly code: WebhookReceiverErrorCode
  readonly status: number

  constructor(code: WebhookReceiverErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'WebhookReceiverError'
    this.code = code
    this.status = STATUS_BY_CODE[code]
  }
}

/**
 * Thrown at set-up, never per request: a missing or invalid secret, or an option out of range.
 *
 * @example
 * try { createReceiver({ secret: process.env.WEBHOOK_SECRET }) } catch (err) {
 *   if (err instanceof ReceiverOptionsError) console.error(err.message)
 * }
 */
export class ReceiverOptionsError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'ReceiverOptionsError'
  }
}
