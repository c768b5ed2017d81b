import type { WebhookVerificationErrorCode } from '../errors'
import { WebhookVerificationError } from '../errors'

/**
 * The texts every Standard Webhooks library (JavaScript, Python, Go, Rust, Ruby, PHP, …)
 * puts in its verification errors. Ours start with them, so code matching on them keeps
 * working, and go on with a detail.
 */
const REFERENCE: Record<Exclude<WebhookVerificationErrorCode, 'unspecified'>, string> = {
  missing_header: 'Missing required headers',
  invalid_header: 'Invalid Signature Headers',
  invalid_timestamp: 'Invalid Signature Headers',
  timestamp_too_old: 'Message timestamp too old',
  timestamp_too_new: 'Message timestamp too new',
  no_matching_signature: 'No matching signature found',
  invalid_payload: 'Invalid payload',
}

/** A verification error whose message is the reference text, a colon, then `detail`. */
export function verificationError(
  code: Exclude<WebhookVerificationErrorCode, 'unspecified'>,
  detail: string,
): WebhookVerificationError {
  return new WebhookVerificationError(`${REFERENCE[code]}: ${detail}`, { code })
}
