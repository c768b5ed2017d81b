import { WebhookVerificationError } from '../errors'

/**
 * Request headers in any common shape: a Fetch `Headers`, Node's
 * `IncomingHttpHeaders` (values may be arrays), or a plain record with any casing.
 */
export type WebhookHeaders =
  | { get(name: string): string | null }
  | Record<string, string | readonly string[] | undefined>

export interface WebhookHeaderValues {
  id: string
  timestamp: string
  signature: string
}

const NAMES = ['id', 'timestamp', 'signature'] as const

function lookup(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined
  }
  const record = headers as Record<string, string | readonly string[] | undefined>
  let value = record[name]
  if (value === undefined) {
    for (const key of Object.keys(record)) {
      if (key.toLowerCase() === name) {
        value = record[key]
        break
      }
    }
  }
  return Array.isArray(value) ? value.join(' ') : (value as string | undefined)
}

/** Reads `webhook-*` headers, falling back to `svix-*`; a missing or empty one is an error. */
export function readWebhookHeaders(headers: WebhookHeaders): WebhookHeaderValues {
  if (headers === null || typeof headers !== 'object') {
    throw new WebhookVerificationError('missing_header', 'no headers were given to verify')
  }
  const values: Partial<WebhookHeaderValues> = {}
  for (const name of NAMES) {
    const value = lookup(headers, `webhook-${name}`) ?? lookup(headers, `svix-${name}`)
    if (value === undefined || value.trim() === '') {
      throw new WebhookVerificationError(
        'missing_header',
        `the webhook-${name} header is missing or empty`,
      )
    }
    values[name] = value.trim()
  }
  return values as WebhookHeaderValues
}
