import { createRoute, OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { access, type Scope } from '../auth'
import { errorBody } from '../errors'

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.unknown()).optional(),
    }),
  })
  .openapi('Error')

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

export const body = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
})

export const IdParam = z.object({ id: z.string().min(1).max(100) })

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(200).optional(),
})

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), next_cursor: z.string().nullable(), has_more: z.boolean() })

const security = [{ bearerAuth: [] }]
/** The operator routes take the operator key in the same header. */
export const operatorSecurity = [{ operatorKey: [] }]

interface Documented {
  /** The SDK-facing name: `createWebhook`, `listDeliveries`, … */
  operationId: string
  summary: string
  description: string
}

/**
 * A route behind an API key with `scope`: the scope check and the `Idempotency-Key` replay
 * run before it (in that order), and the document says it needs a bearer key. The error
 * answers every route shares are added to the document in one place (`openapi.ts`).
 */
export function protectedRoute<R extends Omit<RouteConfig, 'security' | 'middleware'> & Documented>(
  scope: Scope,
  route: R,
) {
  return createRoute({ ...route, security, middleware: access(scope) })
}

/** A page from rows fetched with `limit + 1`, in the API's `{ data, next_cursor, has_more }`. */
export function toPage<R extends { id: string }, T>(rows: R[], limit: number, map: (row: R) => T) {
  const hasMore = rows.length > limit
  const kept = rows.slice(0, limit)
  return {
    data: kept.map(map),
    has_more: hasMore,
    next_cursor: hasMore ? kept[kept.length - 1]!.id : null,
  }
}

type Issue = z.core.$ZodIssue

/** A validation issue as a person reads it: "at least 1 item", "is required", "unknown field". */
export function readable(issue: Issue): string {
  switch (issue.code) {
    case 'too_small': {
      const n = Number(issue.minimum)
      if (issue.origin === 'array') return `must have at least ${n} item${n === 1 ? '' : 's'}`
      if (issue.origin === 'string')
        return n === 1 ? 'must not be empty' : `must be at least ${n} characters`
      return `must be at least ${n}`
    }
    case 'too_big': {
      const n = Number(issue.maximum)
      if (issue.origin === 'array') return `must have at most ${n} items`
      if (issue.origin === 'string') return `must be at most ${n} characters`
      return `must be at most ${n}`
    }
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? 'is required' : `must be ${issue.expected}`
    case 'invalid_format':
      if (issue.format === 'url') return 'must be a URL (https://…)'
      if (issue.format === 'datetime') return 'must be an ISO-8601 date-time (2026-11-24T08:00:00Z)'
      // a pattern's own message says what is wanted; zod's default only shows the pattern
      if (issue.format === 'regex')
        return issue.message.startsWith('Invalid') ? 'has the wrong format' : issue.message
      return `must be a valid ${issue.format}`
    case 'invalid_value':
      return `must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length === 1 ? '' : 's'}: ${issue.keys.join(', ')}`
    default:
      return issue.message
  }
}

/**
 * A resource's sub-app, mounted with `app.route(base, …)`: input the route's schemas refuse
 * is a 400 `validation_failed` with the issues as `details`, never run.
 */
export function resource(): OpenAPIHono {
  return new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return
      c.set('inputRejected', true)
      const details = result.error.issues.map((i) => ({
        path: i.path.join('.'),
        message: readable(i),
      }))
      // the first problem in the message itself (as Stripe does), every one in `details`
      const first = details[0]
      const message = first
        ? `the request is not valid: ${first.path ? `${first.path}: ` : ''}${first.message}${details.length > 1 ? ` (and ${details.length - 1} more)` : ''}`
        : 'the request is not valid'
      return c.json(errorBody('validation_failed', message, details), 400)
    },
  })
}

/** Who did it, for the audit log: the API key, or the partner portal session. */
export const actorOf = (c: Context) => {
  const caller = c.get('caller')
  return caller.portal ? `portal:${caller.keyId}` : `api_key:${caller.keyId}`
}

/** The caller's tenant, as the dispatcher's management methods take it. */
export const tenantScope = (c: Context) => ({ tenantId: c.get('caller').tenantId })
