import { DispatcherError } from '@clockhook/dispatcher'
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** An error a caller caused or must know about: rendered as `{ error: { code, message, details? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown[],
    readonly headers?: Record<string, string>,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`)

export function errorBody(code: string, message: string, details?: unknown[]) {
  return { error: { code, message, ...(details && details.length > 0 ? { details } : {}) } }
}

/** One renderer for every failure: a caller's mistake is a 4xx, never a 500. */
export function renderError(err: unknown, c: Context, log: (obj: object, msg: string) => void) {
  if (err instanceof ApiError) {
    for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v)
    return c.json(errorBody(err.code, err.message, err.details), err.status)
  }
  if (err instanceof DispatcherError) {
    const status = err.code === 'not_found' ? 404 : err.code === 'conflict' ? 409 : 400
    const code = err.code === 'invalid_argument' ? 'validation_failed' : err.code
    return c.json(errorBody(code, err.message), status)
  }
  if (err instanceof HTTPException) {
    const status = err.status
    const code =
      status === 400
        ? 'invalid_json'
        : status === 413
          ? 'payload_too_large'
          : status === 415
            ? 'unsupported_media_type'
            : 'http_error'
    return c.json(errorBody(code, err.message || 'bad request'), status as ContentfulStatusCode)
  }
  log({ err }, 'unhandled error')
  return c.json(errorBody('internal_error', 'something went wrong on our side'), 500)
}
