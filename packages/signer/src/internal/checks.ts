import type { WebhookVerificationError } from '../errors'
import { WebhookError } from '../errors'
import { payloadText } from './bytes'
import { verificationError } from './fail'

export const DEFAULT_TOLERANCE_SECONDS = 300

function preview(text: string): string {
  return text.length > 32 ? `${text.slice(0, 32)}…` : text
}

/** Parses `webhook-timestamp` (integer seconds) and enforces the tolerance both ways. */
export function checkTimestamp(raw: string, nowMs: number, toleranceSeconds: number): number {
  if (!/^\d{1,12}$/.test(raw)) {
    throw verificationError(
      'invalid_timestamp',
      `webhook-timestamp must be whole seconds since the Unix epoch, got "${preview(raw)}"`,
    )
  }
  const timestamp = Number(raw)
  const now = Math.floor(nowMs / 1000)
  if (now - timestamp > toleranceSeconds) {
    throw verificationError(
      'timestamp_too_old',
      `webhook-timestamp is ${now - timestamp} s in the past, more than the ${toleranceSeconds} s tolerated (replayed or delayed message?)`,
    )
  }
  if (timestamp - now > toleranceSeconds) {
    throw verificationError(
      'timestamp_too_new',
      `webhook-timestamp is ${timestamp - now} s in the future, more than the ${toleranceSeconds} s tolerated (is a clock wrong?)`,
    )
  }
  return timestamp
}

/**
 * The `v1` (HMAC) and `v1a` (Ed25519) signatures of a `webhook-signature` header
 * (space-separated `version,signature` entries; other versions are ignored). One pass,
 * no intermediate arrays: this runs on every verification.
 */
export function signatureEntries(header: string): { v1: string[]; v1a: string[] } {
  const v1: string[] = []
  const v1a: string[] = []
  let start = 0
  while (start <= header.length) {
    let end = header.indexOf(' ', start)
    if (end === -1) end = header.length
    const comma = header.indexOf(',', start)
    if (comma > start && comma < end) {
      const version = header.slice(start, comma)
      if (version === 'v1') v1.push(header.slice(comma + 1, end))
      else if (version === 'v1a') v1a.push(header.slice(comma + 1, end))
    }
    start = end + 1
  }
  return { v1, v1a }
}

export function noMatch(header: string): WebhookVerificationError {
  const versions = new Set(
    header
      .split(' ')
      .filter((e) => e.includes(','))
      .map((e) => e.slice(0, e.indexOf(','))),
  )
  const detail =
    versions.size === 0
      ? 'the webhook-signature header holds no "version,signature" entry'
      : `none of the ${[...versions].join('/')} signatures matches the configured secret(s)`
  return verificationError(
    'no_matching_signature',
    `${detail} (wrong secret, or the body was changed: verify the raw bytes)`,
  )
}

/** The verified body parsed as JSON; an empty body verifies to `undefined` (as in `standardwebhooks`). */
export function parsePayload(body: Uint8Array | string): unknown {
  const text = payloadText(body)
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw verificationError('invalid_payload', 'the signature is valid but the body is not JSON')
  }
}

export function checkTolerance(tolerance: number | undefined): number {
  if (tolerance === undefined) return DEFAULT_TOLERANCE_SECONDS
  if (typeof tolerance !== 'number' || Number.isNaN(tolerance) || tolerance < 0) {
    throw new WebhookError('tolerance must be a number of seconds ≥ 0', {
      code: 'invalid_argument',
    })
  }
  return tolerance
}
