import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context, MiddlewareHandler } from 'hono'
import { hashApiKey } from './crypto'
import type { AppDatabase } from './db/database'
import { ApiError } from './errors'
import { tokenBuckets } from './limits'

export const SCOPES = [
  'workers:read',
  'workers:write',
  'time:read',
  'time:write',
  'events:read',
  'webhooks:read',
  'webhooks:write',
  'admin',
] as const
export type Scope = (typeof SCOPES)[number]

export interface Caller {
  tenantId: string
  /** The API key's id, or the portal session's (`pts_…`). */
  keyId: string
  scopes: Scope[]
  /** Set for a partner portal link: it reaches only these webhooks (`null`: all of the tenant's). */
  portal?: { webhookIds: string[] | null }
}

declare module 'hono' {
  interface ContextVariableMap {
    caller: Caller
    requestId: string
  }
}

/** The prefix of partner portal tokens (`POST /v1/portal-sessions`). */
export const PORTAL_TOKEN_PREFIX = 'ckp_'

/** `last_used_at` is written at most this often per key. */
const LAST_USED_RESOLUTION_MS = 60_000

/**
 * Bearer API key → the caller's tenant and scopes; 401 when missing, unknown or revoked.
 * Failed attempts are limited per client address: past the limit a failure is a 429 with
 * `Retry-After`. A valid key always passes, so nobody can lock real users out by failing
 * from their address (or from the proxy in front of them); keys carry 240 random bits, so
 * the limit is about load, not guessing. `last_used_at` is kept to the minute.
 */
export function authenticate(app: AppDatabase, failures = failedAuthLimiter()): MiddlewareHandler {
  return async function authenticateApiKey(c, next) {
    const client = clientAddress(c)
    const refuse = (message: string): never => {
      failures.check(client)
      failures.record(client)
      throw new ApiError(401, 'unauthorized', message)
    }
    const header = c.req.header('authorization') ?? ''
    const match = /^Bearer\s+(\S+)$/i.exec(header)
    if (!match) return refuse('send an API key as "Authorization: Bearer <key>"')
    if (match[1]!.startsWith(PORTAL_TOKEN_PREFIX)) {
      const session = await app.db
        .selectFrom('portal_sessions')
        .select(['id', 'tenant_id', 'webhook_ids', 'expires_at'])
        .where('hash', '=', hashApiKey(match[1]!))
        .executeTakeFirst()
      if (!session || Date.parse(session.expires_at) <= Date.now())
        return refuse('unknown or expired portal link')
      // admin only on the routes of its webhooks: `portalGuard` refuses every other route
      c.set('caller', {
        tenantId: session.tenant_id,
        keyId: session.id,
        scopes: ['admin'],
        portal: {
          webhookIds: session.webhook_ids === null ? null : JSON.parse(session.webhook_ids),
        },
      })
      return next()
    }
    const key = await app.db
      .selectFrom('api_keys')
      .select(['id', 'tenant_id', 'scopes', 'revoked_at', 'last_used_at'])
      .where('hash', '=', hashApiKey(match[1]!))
      .executeTakeFirst()
    if (!key || key.revoked_at !== null) return refuse('unknown or revoked API key')
    const now = Date.now()
    if (key.last_used_at === null || Date.parse(key.last_used_at) < now - LAST_USED_RESOLUTION_MS)
      await app.db
        .updateTable('api_keys')
        .set({ last_used_at: new Date(now).toISOString() })
        .where('id', '=', key.id)
        .execute()
    c.set('caller', { tenantId: key.tenant_id, keyId: key.id, scopes: JSON.parse(key.scopes) })
    await next()
  }
}

/** The peer address of the connection (no proxy header is trusted). */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

/**
 * Failed authentications per client address: a bucket of `burst` failures refilled at
 * `perSecond`; once empty, every request from that address is a 429 until it refills.
 */
export function failedAuthLimiter(burst = 20, perSecond = 1) {
  const buckets = tokenBuckets(
    burst,
    perSecond,
    'too many failed authentications from this address',
  )
  return { check: buckets.check, record: buckets.take }
}

/** 403 unless the caller's key has the scope (or `admin`). */
export function requireScope(scope: Scope): MiddlewareHandler {
  return async function requireApiScope(c, next) {
    const { scopes } = c.get('caller')
    if (!scopes.includes(scope) && !scopes.includes('admin')) {
      throw new ApiError(403, 'forbidden', `this API key lacks the ${scope} scope`)
    }
    await next()
  }
}

/**
 * The middleware of a protected route: the scope check, then the `Idempotency-Key`
 * replay, in that order, so a stored answer is only ever given to a caller allowed to run
 * the route.
 */
export function access(scope: Scope): MiddlewareHandler[] {
  return [requireScope(scope), replayIdempotentRequest]
}

const replayIdempotentRequest: MiddlewareHandler = function replayIdempotentRequest(c, next) {
  return c.get('idempotency')(c, next)
}
