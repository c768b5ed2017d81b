import type { MiddlewareHandler } from 'hono'
import { hashApiKey } from './crypto'
import type { AppDatabase } from './db/database'
import { ApiError } from './errors'

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
  keyId: string
  scopes: Scope[]
}

declare module 'hono' {
  interface ContextVariableMap {
    caller: Caller
    requestId: string
  }
}

/** Bearer API key → the caller's tenant and scopes; 401 when missing, unknown or revoked. */
export function authenticate(app: AppDatabase): MiddlewareHandler {
  return async function authenticateApiKey(c, next) {
    const header = c.req.header('authorization') ?? ''
    const match = /^Bearer\s+(\S+)$/i.exec(header)
    if (!match)
      throw new ApiError(401, 'unauthorized', 'send an API key as "Authorization: Bearer <key>"')
    const key = await app.db
      .selectFrom('api_keys')
      .select(['id', 'tenant_id', 'scopes', 'revoked_at'])
      .where('hash', '=', hashApiKey(match[1]!))
      .executeTakeFirst()
    if (!key || key.revoked_at !== null)
      throw new ApiError(401, 'unauthorized', 'unknown or revoked API key')
    c.set('caller', { tenantId: key.tenant_id, keyId: key.id, scopes: JSON.parse(key.scopes) })
    await next()
  }
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
