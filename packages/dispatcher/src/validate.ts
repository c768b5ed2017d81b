import { isIP } from 'node:net'
import { DispatcherError } from './errors'
import type { AddressPolicy } from './ssrf'
import { isLoopbackName } from './ssrf'

const fail = (message: string): never => {
  throw new DispatcherError('invalid_argument', message)
}

/** Headers the dispatcher sets itself or that would break the request: refused as custom headers. */
export const RESERVED_HEADERS: ReadonlySet<string> = new Set([
  'host',
  'content-length',
  'content-type',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'proxy-connection',
  'upgrade',
  'http2-settings',
  'te',
  'trailer',
  'expect',
  'user-agent',
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
])
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}$/
// What an HTTP/1.1 field value may hold (RFC 9110 §5.5): tab, visible ASCII and obs-text
// (Latin-1). CR, LF, NUL and anything beyond U+00FF cannot be sent.
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/
/** A masked header value as shown in endpoints and attempt logs. */
export const MASK = '••••••'

/** A webhook URL: absolute http(s), no credentials, and not a refused IP literal. */
export function checkUrl(raw: unknown, policy: AddressPolicy): string {
  if (typeof raw !== 'string' || raw.length === 0) fail('url must be a non-empty string')
  let url: URL
  try {
    url = new URL(raw as string)
  } catch {
    throw new DispatcherError(
      'invalid_url',
      `"${String(raw).slice(0, 100)}" is not an absolute URL`,
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new DispatcherError(
      'invalid_url',
      `webhook URLs must be http or https, not ${url.protocol}`,
    )
  }
  if (url.username || url.password) {
    throw new DispatcherError('invalid_url', 'webhook URLs must not carry credentials; use headers')
  }
  if ((raw as string).length > 2048)
    throw new DispatcherError('invalid_url', 'the URL is over 2048 characters')
  // WHATWG parsing already turns every IPv4 spelling (2130706433, 0x7f000001, 0177.0.0.1,
  // 127.1) into dotted decimal and IPv6 into its short form; the policy sees through the
  // IPv6 forms that embed an IPv4 address.
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname
  const literal = isIP(host) !== 0
  if ((literal && !policy.allows(host)) || (isLoopbackName(host) && !policy.allowsLoopback())) {
    throw new DispatcherError(
      'url_not_allowed',
      `the destination ${url.hostname} is not allowed: it is a private, loopback or reserved address`,
    )
  }
  return url.toString()
}

export function checkEventTypes(value: unknown): string[] | null {
  if (value === null || value === undefined) return null
  if (!Array.isArray(value))
    return fail('eventTypes must be an array of event type names, or null for all')
  for (const t of value) {
    if (typeof t !== 'string' || !/^[A-Za-z0-9_.*-]{1,100}$/.test(t)) {
      fail(`"${String(t).slice(0, 100)}" is not an event type name`)
    }
  }
  return [...new Set(value as string[])]
}

/**
 * Custom request headers: valid names that the dispatcher does not own, values that HTTP
 * can carry. `keep` (the stored values) lets a value equal to the mask stand for "unchanged".
 */
export function checkHeaders(
  value: unknown,
  keep: Record<string, string> = {},
): Record<string, string> {
  if (value === undefined || value === null) return {}
  if (typeof value !== 'object' || Array.isArray(value))
    return fail('headers must be an object of strings')
  const out: Record<string, string> = {}
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    const lower = name.toLowerCase()
    const shown = JSON.stringify(name.slice(0, 100))
    if (!TOKEN.test(name)) {
      fail(`${shown} is not a valid header name (letters, digits and !#$%&'*+.^_\`|~- only)`)
    }
    if (
      RESERVED_HEADERS.has(lower) ||
      lower.startsWith('webhook-') ||
      lower.startsWith('svix-') ||
      lower.startsWith('proxy-')
    ) {
      fail(`the ${lower} header is reserved: the dispatcher sets it or it would break the request`)
    }
    if (lower in out) fail(`the ${lower} header is given twice`)
    if (v === MASK && keep[lower] !== undefined) {
      out[lower] = keep[lower]!
      continue
    }
    if (typeof v !== 'string' || v.length > 4096) {
      fail(`the value of header ${lower} must be a string of at most 4096 characters`)
    }
    if (!FIELD_VALUE.test(v as string)) {
      fail(
        `the value of header ${lower} has a character HTTP cannot carry (CR, LF, NUL, another control character, or one beyond Latin-1)`,
      )
    }
    out[lower] = v as string
  }
  if (Object.keys(out).length > 50) fail('at most 50 custom headers')
  return out
}

export function checkPositive(name: string, value: unknown, integer: boolean): number | null {
  if (value === undefined || value === null) return null
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value <= 0 ||
    (integer && !Number.isInteger(value))
  ) {
    return fail(`${name} must be a positive ${integer ? 'integer' : 'number'}, or null`)
  }
  return value
}

export function checkString(name: string, value: unknown, max: number): string | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'string' || value.length > max) {
    return fail(`${name} must be a string of at most ${max} characters`)
  }
  return value
}

export function checkMetadata(value: unknown): Record<string, unknown> {
  if (value === undefined || value === null) return {}
  if (typeof value !== 'object' || Array.isArray(value)) return fail('metadata must be an object')
  if (JSON.stringify(value).length > 16_384) fail('metadata must serialise to at most 16 KiB')
  return value as Record<string, unknown>
}

export function checkEventType(value: unknown): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_.-]{1,100}$/.test(value)) {
    return fail('type must be an event type name such as "clock.in"')
  }
  return value
}

export function checkLimit(value: unknown, fallback: number, max: number): number {
  if (value === undefined || value === null) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    return fail(`limit must be an integer from 1 to ${max}`)
  }
  return value
}

/** Whether an endpoint's filter takes an event type (`*` and `prefix.*` wildcards). */
export function matchesType(filter: string[] | null, type: string): boolean {
  if (filter === null) return true
  for (const f of filter) {
    if (f === type || f === '*') return true
    if (f.endsWith('.*') && type.startsWith(f.slice(0, -1))) return true
  }
  return false
}
