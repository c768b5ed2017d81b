import type { MiddlewareHandler } from 'hono'
import { ApiError } from './errors'

/**
 * Token buckets by key, in this process: `burst` tokens refilled at `perSecond`.
 * `check` throws a 429 with `Retry-After` (saying `what`) when a key's bucket is empty;
 * `take` spends a token.
 */
export function tokenBuckets(burst: number, perSecond: number, what: string) {
  const buckets = new Map<string, { tokens: number; at: number }>()
  const current = (key: string) => {
    const now = Date.now()
    const b = buckets.get(key) ?? { tokens: burst, at: now }
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond)
    b.at = now
    if (buckets.size > 100_000) buckets.clear()
    buckets.set(key, b)
    return b
  }
  return {
    check(key: string) {
      const b = current(key)
      if (b.tokens >= 1) return
      const wait = Math.ceil((1 - b.tokens) / perSecond)
      throw new ApiError(429, 'rate_limited', `${what}; retry in ${wait} s`, undefined, {
        'retry-after': String(wait),
      })
    },
    take(key: string) {
      current(key).tokens -= 1
    },
  }
}

/**
 * Per-API-key rate limit: `rate` requests per second, bursts of `burst`. Over it: 429
 * with `Retry-After`. With several API processes, each holds its own buckets.
 */
export function rateLimit(rate: number, burst: number): MiddlewareHandler {
  const buckets = tokenBuckets(burst, rate, 'too many requests for this API key')
  return async function limitPerApiKey(c, next) {
    const keyId = c.get('caller').keyId
    buckets.check(keyId)
    buckets.take(keyId)
    await next()
  }
}
