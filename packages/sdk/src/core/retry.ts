import pRetry from 'p-retry'
import { ClockhookError, ConnectionError, parseRetryAfter } from './errors'

/** How a call is retried. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number
  /** First backoff delay in ms; doubled each retry, times a random factor in [1, 2). */
  minDelayMs: number
  /** Largest backoff delay in ms. */
  maxDelayMs: number
  /** A `Retry-After` longer than this is not waited for: the error is thrown instead. */
  maxRetryAfterMs: number
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 2,
  minDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
}

/**
 * Whether a failed attempt may be tried again: no response (connection error or timeout),
 * 408, 409 `request_in_progress` (the same `Idempotency-Key` is still running), 429 and 5xx.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof ConnectionError) return true
  if (!(error instanceof ClockhookError) || error.status === undefined) return false
  const { status, code } = error
  return (
    status === 408 ||
    status === 429 ||
    status >= 500 ||
    (status === 409 && code === 'request_in_progress')
  )
}

/**
 * Runs `attempt` with exponential backoff and jitter (p-retry). A `Retry-After` answer
 * header makes the wait at least that long. `signal` stops waiting and further attempts.
 */
export function withRetries<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<T> {
  return pRetry(attempt, {
    retries: policy.maxRetries,
    factor: 2,
    minTimeout: policy.minDelayMs,
    maxTimeout: policy.maxDelayMs,
    randomize: true,
    ...(signal ? { signal } : {}),
    shouldRetry: ({ error }) => isRetryable(error),
    async onFailedAttempt({ error, retriesLeft, retryDelay }) {
      if (retriesLeft === 0 || !isRetryable(error)) return
      const retryAfter = parseRetryAfter(
        error instanceof ClockhookError ? (error.headers?.get('retry-after') ?? null) : null,
      )
      if (retryAfter === undefined || retryAfter <= retryDelay) return
      if (retryAfter > policy.maxRetryAfterMs) throw error
      await sleep(retryAfter - retryDelay, signal)
    },
  })
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
