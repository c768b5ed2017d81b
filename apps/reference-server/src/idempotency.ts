import { createHash } from 'node:crypto'
import type { SecretCipher } from '@clockhook/dispatcher'
import type { MiddlewareHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Kysely } from 'kysely'
import type { AppSchema } from './db/schema'
import { ApiError } from './errors'
import { now } from './ids'

const KEY = /^[\x21-\x7e]{1,255}$/
/** How long a stored answer is replayed. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000
/**
 * A request still marked running after this long was cut off (a crash, a kill): its
 * Idempotency-Key is free again. Longer than any request runs (a webhook test waits 30 s).
 */
export const ABANDONED_AFTER_MS = 120_000

declare module 'hono' {
  interface ContextVariableMap {
    idempotency: MiddlewareHandler
    /** Set when the request's input was refused before the route ran. */
    inputRejected: boolean
  }
}

export interface IdempotencyOptions {
  db: Kysely<AppSchema>
  /** Seals stored answers at rest: they can hold signing secrets and API keys. */
  cipher: SecretCipher
}

/**
 * `Idempotency-Key` on POSTs, Stripe's model. A stored answer belongs to the API key that
 * made the request (key id + method + path + Idempotency-Key) and is sealed at rest. This
 * middleware runs after authentication and the route's scope check, so a replay never
 * skips authorisation. Only requests that passed validation and ran are stored: not
 * validation failures, not 5xx; a retry while the first is running is a 409; the same key
 * with another body is a 422.
 */
export function idempotentRequests({ db, cipher }: IdempotencyOptions) {
  const row = (keyId: string, method: string, path: string, key: string) =>
    db
      .selectFrom('idempotency_requests')
      .selectAll()
      .where('api_key_id', '=', keyId)
      .where('method', '=', method)
      .where('path', '=', path)
      .where('idempotency_key', '=', key)
  const remove = (keyId: string, method: string, path: string, key: string) =>
    db
      .deleteFrom('idempotency_requests')
      .where('api_key_id', '=', keyId)
      .where('method', '=', method)
      .where('path', '=', path)
      .where('idempotency_key', '=', key)
      .execute()

  const middleware: MiddlewareHandler = async function replayIdempotentRequest(c, next) {
    const key = c.req.header('idempotency-key')
    if (c.req.method !== 'POST' || key === undefined) return next()
    if (!KEY.test(key))
      throw new ApiError(
        400,
        'validation_failed',
        'Idempotency-Key must be 1-255 visible ASCII characters',
      )
    const { keyId, tenantId } = c.get('caller')
    const { method, path } = c.req
    const fingerprint = createHash('sha256')
      .update(await c.req.text())
      .digest('hex')
    const expiredBefore = new Date(Date.now() - IDEMPOTENCY_TTL_MS).toISOString()
    const existing = await row(keyId, method, path, key).executeTakeFirst()
    const abandonedBefore = new Date(Date.now() - ABANDONED_AFTER_MS).toISOString()
    const abandoned = existing?.status_code === null && existing.created_at < abandonedBefore
    if (existing && (existing.created_at < expiredBefore || abandoned)) {
      await remove(keyId, method, path, key)
    } else if (existing) {
      if (existing.fingerprint !== fingerprint)
        throw new ApiError(
          422,
          'idempotency_key_reused',
          'this Idempotency-Key was used with another request body',
        )
      if (existing.status_code === null || existing.response_sealed === null)
        throw new ApiError(
          409,
          'request_in_progress',
          'a request with this Idempotency-Key is still running; retry later',
        )
      c.header('idempotent-replayed', 'true')
      return c.body(cipher.open(existing.response_sealed), existing.status_code as 200, {
        'content-type': 'application/json',
      })
    }
    try {
      await db
        .insertInto('idempotency_requests')
        .values({
          api_key_id: keyId,
          method,
          path,
          idempotency_key: key,
          tenant_id: tenantId,
          fingerprint,
          status_code: null,
          response_sealed: null,
          created_at: now(),
        })
        .execute()
    } catch {
      throw new ApiError(
        409,
        'request_in_progress',
        'a request with this Idempotency-Key is still running; retry later',
      )
    }
    let stored = false
    try {
      await next()
      if (ran(c.get('inputRejected'), c.error, c.res.status)) {
        const response = await c.res.clone().text()
        await db
          .updateTable('idempotency_requests')
          .set({ status_code: c.res.status, response_sealed: cipher.seal(response) })
          .where('api_key_id', '=', keyId)
          .where('method', '=', method)
          .where('path', '=', path)
          .where('idempotency_key', '=', key)
          .execute()
        stored = true
      }
    } finally {
      if (!stored) await remove(keyId, method, path, key)
    }
  }

  return {
    middleware,
    /** Deletes answers older than the replay window; returns how many. */
    async purgeExpired(): Promise<number> {
      const result = await db
        .deleteFrom('idempotency_requests')
        .where('created_at', '<', new Date(Date.now() - IDEMPOTENCY_TTL_MS).toISOString())
        .executeTakeFirst()
      return Number(result.numDeletedRows)
    },
  }
}

/** Did the route run? Input refused before it (validation, malformed JSON) or a 5xx/429 is not stored. */
function ran(inputRejected: boolean | undefined, error: unknown, status: number): boolean {
  if (inputRejected || error instanceof HTTPException) return false
  return status < 500 && status !== 429
}
