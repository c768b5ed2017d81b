import { verificationError } from './fail'

/** One header value as the common header containers hold it. */
export type WebhookHeaderValue = string | number | bigint | readonly (string | number)[]

/**
 * Request headers in any common shape: a Fetch `Headers`, Node's
 * `IncomingHttpHeaders` (values may be arrays), or a plain record with any casing.
 * Numbers are accepted (a hand-built `{ 'webhook-timestamp': 1700000000 }`).
 */
export type WebhookHeaders =
  | { get(name: string): string | null }
  | Record<string, WebhookHeaderValue | null | undefined>

export interface WebhookHeaderValues {
  id: string
  timestamp: string
  signature: string
}

const NAMES = ['id', 'timestamp', 'signature'] as const

function lookup(headers: WebhookHeaders, name: string): unknown {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): unknown }).get(name)
  }
  const record = headers as Record<string, unknown>
  const value = record[name]
  if (value !== undefined) return value
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() === name) return record[key]
  }
  return undefined
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array holding something other than text or numbers'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

/** A header value as text: strings as they are, numbers in decimal, arrays joined by spaces. */
function text(value: unknown, name: string): string | undefined {
  if (typeof value === 'string') return value
  if (value === undefined || value === null) return undefined
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return value.join(' ')
  }
  throw verificationError('invalid_header', `the ${name} header is ${describe(value)}, not text`)
}

/** Reads `webhook-*` headers, falling back to `svix-*`; a missing or empty one is an error. */
export function readWebhookHeaders(headers: WebhookHeaders): WebhookHeaderValues {
  if (headers === null || typeof headers !== 'object') {
    throw verificationError('missing_header', 'no headers were given to verify')
  }
  const values: Partial<WebhookHeaderValues> = {}
  for (const name of NAMES) {
    const header = `webhook-${name}`
    const value =
      text(lookup(headers, header), header) ?? text(lookup(headers, `svix-${name}`), `svix-${name}`)
    const trimmed = value?.trim()
    if (!trimmed) {
      throw verificationError('missing_header', `the ${header} header is missing or empty`)
    }
    values[name] = trimmed
  }
  return values as WebhookHeaderValues
}
