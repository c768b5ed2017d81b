import type { MiddlewareHandler } from 'hono'
import { ApiError } from './errors'

/**
 * Per-API-key rate limit: a token bucket per key in this process (`rate` requests per
 * second, bursts of `burst`). Over it: 429 with `Retry-After`. With several API
 * processes, each holds its own buckets.
 */
export function rateLimit(rate: number, burst: number): MiddlewareHandler {
  const buckets = new Map<string, { tokens: number; at: number }>()
  return async function limitPerApiKey(c, next) {
    const keyId = c.get('caller').keyId
    const now = Date.now()
    const b = buckets.get(keyId) ?? { tokens: burst, at: now }
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * rate)
    b.at = now
    buckets.set(keyId, b)
    if (b.tokens < 1) {
      const wait = Math.ceil((1 - b.tokens) / rate)
      throw new ApiError(
        429,
        'rate_limited',
        `too many requests for this API key; retry in ${wait} s`,
        undefined,
        {
          'retry-after': String(wait),
        },
      )
    }
    b.tokens -= 1
    if (buckets.size > 100_000) buckets.clear()
    await next()
  }
}
