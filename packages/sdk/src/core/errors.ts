/** The `error` object of an API error answer: `{ error: { code, message, details? } }`. */
export interface ErrorBody {
  code: string
  message: string
  details?: unknown[]
}

interface ErrorInit {
  status: number | undefined
  code: string
  message: string
  details?: readonly unknown[] | undefined
  requestId?: string | null | undefined
  headers?: Headers | undefined
  cause?: unknown
}

/**
 * Base class of every error the SDK throws on purpose. `status` is the HTTP status
 * (`undefined` when no response arrived), `code` the API's error code, `requestId` the
 * `x-request-id` of the answer (quote it when reporting a problem).
 *
 * @example
 * try { await clockhook.workers.retrieve('wkr_nope') } catch (err) {
 *   if (err instanceof ClockhookError) console.log(err.status, err.code, err.requestId)
 * }
 */
export class ClockhookError extends Error {
  readonly status: number | undefined
  readonly code: string
  readonly details: readonly unknown[]
  readonly requestId: string | null
  readonly headers: Headers | undefined

  constructor(init: ErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause })
    this.name = 'ClockhookError'
    this.status = init.status
    this.code = init.code
    this.details = init.details ?? []
    this.requestId = init.requestId ?? null
    this.headers = init.headers
  }

  /** The typed error for an answer with a non-2xx status. */
  static fromResponse(status: number, body: unknown, headers: Headers): ClockhookError {
    const error = readErrorBody(body)
    const init: ErrorInit = {
      status,
      code: error?.code ?? `http_${status}`,
      message: error?.message ?? `the API answered ${status}`,
      details: error?.details,
      requestId: headers.get('x-request-id'),
      headers,
    }
    if (status === 400 || status === 422) return new ValidationError(init)
    if (status === 401) return new AuthenticationError(init)
    if (status === 403) return new PermissionError(init)
    if (status === 404) return new NotFoundError(init)
    if (status === 409) return new ConflictError(init)
    if (status === 429) return new RateLimitError(init)
    if (status >= 500) return new ServerError(init)
    return new ClockhookError(init)
  }
}

function readErrorBody(body: unknown): ErrorBody | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined
  const error = (body as { error: unknown }).error
  if (typeof error !== 'object' || error === null) return undefined
  const { code, message, details } = error as Record<string, unknown>
  if (typeof code !== 'string' || typeof message !== 'string') return undefined
  return { code, message, ...(Array.isArray(details) ? { details } : {}) }
}

/**
 * 400 or 422: the request was malformed or failed validation; `details` says where.
 *
 * @example
 * catch (err) { if (err instanceof ValidationError) console.log(err.details) }
 */
export class ValidationError extends ClockhookError {
  override readonly name = 'ValidationError'
}

/**
 * 401: the API key is missing, unknown or revoked.
 *
 * @example
 * catch (err) { if (err instanceof AuthenticationError) askForANewKey() }
 */
export class AuthenticationError extends ClockhookError {
  override readonly name = 'AuthenticationError'
}

/**
 * 403: the API key is known but lacks the scope the route needs.
 *
 * @example
 * catch (err) { if (err instanceof PermissionError) console.log(err.message) }
 */
export class PermissionError extends ClockhookError {
  override readonly name = 'PermissionError'
}

/**
 * 404: no such resource in this tenant.
 *
 * @example
 * catch (err) { if (err instanceof NotFoundError) return null }
 */
export class NotFoundError extends ClockhookError {
  override readonly name = 'NotFoundError'
}

/**
 * 409: the request conflicts with the current state (e.g. a worker already clocked in).
 *
 * @example
 * catch (err) { if (err instanceof ConflictError && err.code === 'conflict') … }
 */
export class ConflictError extends ClockhookError {
  override readonly name = 'ConflictError'
}

/**
 * 429: too many requests. `retryAfterMs` is the server's `Retry-After`, when it sent one.
 *
 * @example
 * catch (err) { if (err instanceof RateLimitError) await sleep(err.retryAfterMs ?? 1000) }
 */
export class RateLimitError extends ClockhookError {
  override readonly name = 'RateLimitError'
  get retryAfterMs(): number | undefined {
    return parseRetryAfter(this.headers?.get('retry-after') ?? null)
  }
}

/**
 * 5xx: the server failed. Retried automatically before it reaches you.
 *
 * @example
 * catch (err) { if (err instanceof ServerError) console.log(err.requestId) }
 */
export class ServerError extends ClockhookError {
  override readonly name = 'ServerError'
}

/**
 * No response arrived: the connection failed or was dropped. `cause` is the fetch error.
 *
 * @example
 * catch (err) { if (err instanceof ConnectionError) console.log('is the server up?', err.cause) }
 */
export class ConnectionError extends ClockhookError {
  override readonly name: string = 'ConnectionError'
  constructor(message: string, cause?: unknown) {
    super({ status: undefined, code: 'connection_error', message, cause })
  }
}

/**
 * No response arrived within `timeoutMs` (a kind of `ConnectionError`).
 *
 * @example
 * catch (err) { if (err instanceof TimeoutError) console.log('slow server') }
 */
export class TimeoutError extends ConnectionError {
  override readonly name = 'TimeoutError'
  override readonly code = 'timeout'
  constructor(timeoutMs: number) {
    super(`no response within ${timeoutMs} ms`)
  }
}

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date; `undefined` when absent or invalid. */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value.trim() === '') return undefined
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
