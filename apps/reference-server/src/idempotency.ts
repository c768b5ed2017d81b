import { createHash } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import type { Kysely } from 'kysely'
import type { AppSchema } from './db/schema'
import { ApiError } from './errors'
import { now } from './ids'

const KEY = /^[\x21-\x7e]{1,255}$/
const KEEP_MS = 24 * 3_600_000

/**
 * `Idempotency-Key` on POSTs: the first request's answer is stored (per tenant, 24 h) and
 * replayed for a retry with the same key and the same body; the same key with another
 * body is a 422; a retry while the first is still running is a 409. Server errors are not
 * stored, so they can be retried.
 */
export function idempotency(db: Kysely<AppSchema>): MiddlewareHandler {
  return async function honourIdempotencyKey(c, next) {
    const key = c.req.header('idempotency-key')
    if (c.req.method !== 'POST' || key === undefined) return next()
    if (!KEY.test(key))
      throw new ApiError(
        400,
        'validation_failed',
        'Idempotency-Key must be 1-255 visible ASCII characters',
      )
    const { tenantId } = c.get('caller')
    const fingerprint = createHash('sha256')
      .update(`${c.req.method} ${c.req.path}\n`)
      .update(await c.req.text())
      .digest('hex')
    await db
      .deleteFrom('idempotency_keys')
      .where('created_at', '<', new Date(Date.now() - KEEP_MS).toISOString())
      .execute()
    const existing = await db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('key', '=', key)
      .executeTakeFirst()
    if (existing) {
      if (existing.fingerprint !== fingerprint) {
        throw new ApiError(
          422,
          'idempotency_key_reused',
          'this Idempotency-Key was used with another request',
        )
      }
      if (existing.status_code === null) {
        throw new ApiError(
          409,
          'request_in_progress',
          'a request with this Idempotency-Key is still running',
        )
      }
      c.header('idempotent-replayed', 'true')
      return c.body(existing.response ?? '', existing.status_code as 200, {
        'content-type': 'application/json',
      })
    }
    try {
      await db
        .insertInto('idempotency_keys')
        .values({
          tenant_id: tenantId,
          key,
          fingerprint,
          status_code: null,
          response: null,
          created_at: now(),
        })
        .execute()
    } catch {
      throw new ApiError(
        409,
        'request_in_progress',
        'a request with this Idempotency-Key is still running',
      )
    }
    let stored = false
    try {
      await next()
      if (c.res.status < 500) {
        const response = await c.res.clone().text()
        await db
          .updateTable('idempotency_keys')
          .set({ status_code: c.res.status, response })
          .where('tenant_id', '=', tenantId)
          .where('key', '=', key)
          .execute()
        stored = true
      }
    } finally {
      if (!stored)
        await db
          .deleteFrom('idempotency_keys')
          .where('tenant_id', '=', tenantId)
          .where('key', '=', key)
          .execute()
    }
  }
}
