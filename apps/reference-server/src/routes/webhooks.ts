import type { Attempt, Delivery, Endpoint } from '@clockhook/dispatcher'
import { z } from '@hono/zod-openapi'
import { audit } from '../audit'
import type { Caller } from '../auth'
import type { App, AppContext } from '../context'
import { ApiError } from '../errors'
import { SUBSCRIBABLE_TYPES } from '../events'
import { newId } from '../ids'
import { body, IdParam, json, PageQuery, page, protectedRoute } from './common'

/** What a non-admin key sees instead of a custom header's value (a receiver credential). */
export const MASK = '••••••'

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

const Webhook = z
  .object({
    id: z.string(),
    name: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    enabled: z.boolean(),
    disabled_reason: z.string().nullable(),
    version: z.number().int().nullable(),
    headers: z.record(z.string(), z.string()).openapi({
      description: `Custom request headers; values are shown only to \`admin\` keys, others see \`${MASK}\``,
    }),
    description: z.string().nullable(),
    timeout_seconds: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Request timeout; `null` = the server default (30 s)' }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Webhook')

const DeliverySchema = z
  .object({
    id: z.string(),
    message_id: z.string(),
    event_type: z.string(),
    status: z.enum(['pending', 'succeeded', 'retrying', 'failed']),
    attempts: z.number().int(),
    last_http_status: z.number().int().nullable(),
    last_error: z.string().nullable(),
    next_attempt_at: z.string().nullable(),
    is_test: z.boolean(),
    created_at: z.string(),
  })
  .openapi('Delivery')

const AttemptSchema = z
  .object({
    id: z.string(),
    attempted_at: z.string(),
    duration_ms: z.number().int(),
    succeeded: z.boolean(),
    http_status: z.number().int().nullable(),
    error_kind: z.string().nullable(),
    error_message: z.string().nullable(),
    trigger: z.string(),
    request_headers: z.record(z.string(), z.string()),
    request_preview: z.string(),
    response_preview: z.string().nullable(),
  })
  .openapi('Attempt')

const eventType = z.enum(SUBSCRIBABLE_TYPES as [string, ...string[]])
const headerMap = z.record(z.string().max(100), z.string().max(4096))
const WebhookInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    url: z.url().max(2048),
    events: z.array(eventType).min(1).max(50),
    enabled: z.boolean().optional(),
    version: z
      .union([z.literal(1), z.literal(2)])
      .nullable()
      .optional(),
    headers: headerMap.optional(),
    description: z.string().max(2000).nullable().optional(),
    timeout_seconds: z.number().int().min(1).max(30).nullable().optional(),
  })
  .strict()

const toWebhook = (e: Endpoint, caller: Caller) => ({
  id: e.id,
  name: String(e.metadata.name ?? ''),
  url: e.url,
  events: e.eventTypes ?? [],
  enabled: e.enabled,
  disabled_reason: e.disabledReason,
  version: e.version,
  headers: caller.scopes.includes('admin')
    ? e.headers
    : Object.fromEntries(Object.keys(e.headers).map((name) => [name, MASK])),
  description: e.description,
  timeout_seconds: e.timeoutMs === null ? null : Math.round(e.timeoutMs / 1000),
  created_at: new Date(e.createdAt).toISOString(),
  updated_at: new Date(e.updatedAt).toISOString(),
})

export const toDelivery = (d: Delivery) => ({
  id: d.id,
  message_id: d.messageId,
  event_type: d.eventType,
  status: d.status,
  attempts: d.attempts,
  last_http_status: d.lastHttpStatus,
  last_error: d.lastError,
  next_attempt_at: d.status === 'pending' || d.status === 'retrying' ? iso(d.nextAttemptAt) : null,
  is_test: d.isTest,
  created_at: new Date(d.createdAt).toISOString(),
})

const toAttempt = (a: Attempt) => ({
  id: a.id,
  attempted_at: new Date(a.attemptedAt).toISOString(),
  duration_ms: a.durationMs,
  succeeded: a.succeeded,
  http_status: a.httpStatus,
  error_kind: a.errorKind,
  error_message: a.errorMessage,
  trigger: a.trigger,
  request_headers: a.requestHeaders,
  request_preview: a.requestPreview,
  response_preview: a.responsePreview,
})

/**
 * A header sent back with the masked value (as a non-admin key reads it) keeps its stored
 * value, so reading and writing back a webhook never replaces a credential with the mask.
 */
function keepMaskedValues(
  next: Record<string, string>,
  current: Record<string, string>,
): Record<string, string> {
  const stored = new Map(Object.entries(current).map(([k, v]) => [k.toLowerCase(), v]))
  return Object.fromEntries(
    Object.entries(next).map(([name, value]) => {
      if (value !== MASK) return [name, value]
      const kept = stored.get(name.toLowerCase())
      if (kept === undefined)
        throw new ApiError(400, 'validation_failed', `header ${name}: send its real value`)
      return [name, kept]
    }),
  )
}

export function registerWebhooks(app: App, { database, dispatcher }: AppContext): void {
  const actor = (c: { get(k: 'caller'): { keyId: string } }) => `api_key:${c.get('caller').keyId}`
  const scope = (c: { get(k: 'caller'): { tenantId: string } }) => ({
    tenantId: c.get('caller').tenantId,
  })

  app.openapi(
    protectedRoute('webhooks:write', {
      operationId: 'createWebhook',
      summary: 'Create a webhook',
      description:
        'Subscribes a URL to event types. The answer holds the signing secret (`whsec_…`): the only time it is shown to a key without `admin`. Private and loopback targets are refused unless the operator allows them.',
      method: 'post',
      path: '/v1/webhooks',
      tags: ['Webhooks'],
      request: body(WebhookInput),
      responses: {
        201: json(
          Webhook.extend({ secret: z.string() }),
          'The webhook and its signing secret (shown once)',
        ),
      },
    }),
    async (c) => {
      const input = c.req.valid('json')
      const { tenantId } = c.get('caller')
      const { endpoint, secret } = await dispatcher.createEndpoint({
        id: newId('wh_'),
        tenantId,
        url: input.url,
        eventTypes: input.events,
        enabled: input.enabled ?? true,
        version: input.version ?? null,
        headers: input.headers ?? {},
        description: input.description ?? null,
        timeoutMs: input.timeout_seconds ? input.timeout_seconds * 1000 : null,
        metadata: { name: input.name },
      })
      await audit(database.db, {
        tenantId,
        actor: actor(c),
        action: 'webhook.created',
        target: endpoint.id,
        details: { url: endpoint.url, events: input.events },
      })
      return c.json({ ...toWebhook(endpoint, c.get('caller')), secret }, 201)
    },
  )

  app.openapi(
    protectedRoute('webhooks:read', {
      operationId: 'listWebhooks',
      summary: 'List webhooks',
      description:
        "The tenant's webhooks, oldest first. Custom header values are shown only to `admin` keys.",
      method: 'get',
      path: '/v1/webhooks',
      tags: ['Webhooks'],
      request: { query: PageQuery },
      responses: { 200: json(page(Webhook), 'Webhooks, oldest first') },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const p = await dispatcher.listEndpoints({
        tenantId: c.get('caller').tenantId,
        limit: q.limit ?? 50,
        cursor: q.cursor ?? null,
      })
      return c.json(
        {
          data: p.data.map((e) => toWebhook(e, c.get('caller'))),
          next_cursor: p.nextCursor,
          has_more: p.hasMore,
        },
        200,
      )
    },
  )

  app.openapi(
    protectedRoute('webhooks:read', {
      operationId: 'getWebhook',
      summary: 'Retrieve a webhook',
      description: 'The webhook with its last 10 deliveries and its error rate over 24 h.',
      method: 'get',
      path: '/v1/webhooks/{id}',
      tags: ['Webhooks'],
      request: { params: IdParam },
      responses: {
        200: json(
          Webhook.extend({ recent_deliveries: z.array(DeliverySchema), error_rate: z.number() }),
          'The webhook with its last 10 deliveries and error rate (24 h)',
        ),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const endpoint = await dispatcher.getEndpoint(id, scope(c))
      const [recent, health] = await Promise.all([
        dispatcher.listDeliveries(id, { ...scope(c), limit: 10 }),
        dispatcher.endpointHealth(id, scope(c)),
      ])
      return c.json(
        {
          ...toWebhook(endpoint, c.get('caller')),
          recent_deliveries: recent.data.map(toDelivery),
          error_rate: health.errorRate,
        },
        200,
      )
    },
  )

  app.openapi(
    protectedRoute('webhooks:write', {
      operationId: 'updateWebhook',
      summary: 'Update a webhook',
      description:
        'Changes the fields sent; enable or disable with `enabled`. A header sent back with the masked value keeps its stored value.',
      method: 'patch',
      path: '/v1/webhooks/{id}',
      tags: ['Webhooks'],
      request: { params: IdParam, ...body(WebhookInput.partial().strict()) },
      responses: { 200: json(Webhook, 'The webhook; enable or disable with `enabled`') },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const input = c.req.valid('json')
      const current = await dispatcher.getEndpoint(id, scope(c))
      const updated = await dispatcher.updateEndpoint(
        id,
        {
          ...(input.url !== undefined ? { url: input.url } : {}),
          ...(input.events !== undefined ? { eventTypes: input.events } : {}),
          ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
          ...(input.version !== undefined ? { version: input.version } : {}),
          ...(input.headers !== undefined
            ? { headers: keepMaskedValues(input.headers, current.headers) }
            : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.timeout_seconds !== undefined
            ? { timeoutMs: input.timeout_seconds === null ? null : input.timeout_seconds * 1000 }
            : {}),
          ...(input.name !== undefined
            ? { metadata: { ...current.metadata, name: input.name } }
            : {}),
        },
        scope(c),
      )
      await audit(database.db, {
        tenantId: current.tenantId,
        actor: actor(c),
        action: 'webhook.updated',
        target: id,
        details: { changed: Object.keys(input) },
      })
      return c.json(toWebhook(updated, c.get('caller')), 200)
    },
  )

  app.openapi(
    protectedRoute('webhooks:write', {
      operationId: 'deleteWebhook',
      summary: 'Delete a webhook',
      description: 'Deletes the webhook with its delivery log; nothing more is sent to it.',
      method: 'delete',
      path: '/v1/webhooks/{id}',
      tags: ['Webhooks'],
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted with its delivery log' } },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await dispatcher.deleteEndpoint(id, scope(c))
      await audit(database.db, {
        tenantId: c.get('caller').tenantId,
        actor: actor(c),
        action: 'webhook.deleted',
        target: id,
      })
      return c.body(null, 204)
    },
  )

  app.openapi(
    protectedRoute('webhooks:write', {
      operationId: 'testWebhook',
      summary: 'Send a test event',
      description:
        "Sends a signed `webhook.test` to this webhook only, with its real secret, and answers with the outcome and the receiver's HTTP status. Recorded as a test delivery.",
      method: 'post',
      path: '/v1/webhooks/{id}/test',
      tags: ['Webhooks'],
      request: { params: IdParam },
      responses: {
        200: json(
          z.object({ delivery: DeliverySchema, attempt: AttemptSchema.nullable() }),
          'The outcome of a signed webhook.test',
        ),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const result = await dispatcher.sendTest(id, {
        ...scope(c),
        data: { webhook_id: id, message: 'This is a test webhook from Clockhook.' },
      })
      const last = result.attempts[result.attempts.length - 1]
      return c.json(
        { delivery: toDelivery(result.delivery), attempt: last ? toAttempt(last) : null },
        200,
      )
    },
  )

  app.openapi(
    protectedRoute('admin', {
      operationId: 'getWebhookSecret',
      summary: 'Reveal the signing secret',
      description:
        "The current secret and any previous one still signing during a rotation's grace period. `admin` only; audited.",
      method: 'get',
      path: '/v1/webhooks/{id}/secret',
      tags: ['Webhooks'],
      request: { params: IdParam },
      responses: {
        200: json(
          z.object({
            secret: z.string(),
            previous: z.array(z.object({ secret: z.string(), expires_at: z.string() })),
          }),
          'The signing secret (audited)',
        ),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const secrets = await dispatcher.getEndpointSecrets(id, scope(c))
      await audit(database.db, {
        tenantId: c.get('caller').tenantId,
        actor: actor(c),
        action: 'webhook.secret_revealed',
        target: id,
      })
      const [current, ...previous] = secrets
      return c.json(
        {
          secret: current!.secret,
          previous: previous.map((s) => ({ secret: s.secret, expires_at: iso(s.expiresAt)! })),
        },
        200,
      )
    },
  )

  app.openapi(
    protectedRoute('admin', {
      operationId: 'rotateWebhookSecret',
      summary: 'Rotate the signing secret',
      description:
        'Makes a new secret (returned once). Until the grace period ends (default 24 h) every delivery carries both signatures, so receivers can switch without a gap. `admin` only; audited.',
      method: 'post',
      path: '/v1/webhooks/{id}/rotate-secret',
      tags: ['Webhooks'],
      request: {
        params: IdParam,
        body: {
          required: false,
          content: {
            'application/json': {
              schema: z
                .object({
                  grace_period_seconds: z
                    .number()
                    .int()
                    .min(0)
                    .max(30 * 86_400)
                    .optional(),
                })
                .strict(),
            },
          },
        },
      },
      responses: {
        200: json(
          z.object({ secret: z.string() }),
          'The new secret (shown once); the old one signs until the grace period ends',
        ),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const input = c.req.valid('json') ?? {}
      const grace = input.grace_period_seconds ?? 86_400
      const { secret } = await dispatcher.rotateSecret(id, {
        ...scope(c),
        gracePeriodMs: grace * 1000,
      })
      await audit(database.db, {
        tenantId: c.get('caller').tenantId,
        actor: actor(c),
        action: 'webhook.secret_rotated',
        target: id,
        details: { grace_period_seconds: grace },
      })
      return c.json({ secret }, 200)
    },
  )

  app.openapi(
    protectedRoute('webhooks:read', {
      operationId: 'listDeliveries',
      summary: "List a webhook's deliveries",
      description: 'Deliveries to this webhook, newest first; filter by `status`.',
      method: 'get',
      path: '/v1/webhooks/{id}/deliveries',
      tags: ['Deliveries'],
      request: {
        params: IdParam,
        query: PageQuery.extend({
          status: z.enum(['pending', 'succeeded', 'retrying', 'failed']).optional(),
        }),
      },
      responses: { 200: json(page(DeliverySchema), 'Deliveries, newest first') },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const q = c.req.valid('query')
      const p = await dispatcher.listDeliveries(id, {
        ...scope(c),
        limit: q.limit ?? 50,
        cursor: q.cursor ?? null,
        ...(q.status ? { status: q.status } : {}),
      })
      return c.json(
        { data: p.data.map(toDelivery), next_cursor: p.nextCursor, has_more: p.hasMore },
        200,
      )
    },
  )

  app.openapi(
    protectedRoute('webhooks:read', {
      operationId: 'getDelivery',
      summary: 'Retrieve a delivery',
      description:
        'The delivery with every attempt: request headers (custom header values masked), the start of the request and response bodies, status and timing.',
      method: 'get',
      path: '/v1/deliveries/{id}',
      tags: ['Deliveries'],
      request: { params: IdParam },
      responses: {
        200: json(
          DeliverySchema.extend({
            webhook_id: z.string(),
            attempts_detail: z.array(AttemptSchema),
          }),
          'The delivery with every attempt',
        ),
      },
    }),
    async (c) => {
      const d = await dispatcher.getDelivery(c.req.valid('param').id, scope(c))
      return c.json(
        {
          ...toDelivery(d.delivery),
          webhook_id: d.delivery.endpointId,
          attempts_detail: d.attempts.map(toAttempt),
        },
        200,
      )
    },
  )

  app.openapi(
    protectedRoute('webhooks:write', {
      operationId: 'resendDelivery',
      summary: 'Resend a delivery',
      description:
        "Queues a new attempt of the same message (same `webhook-id`), whatever the delivery's state.",
      method: 'post',
      path: '/v1/deliveries/{id}/resend',
      tags: ['Deliveries'],
      request: { params: IdParam },
      responses: { 202: json(DeliverySchema, 'Queued again (same webhook-id)') },
    }),
    async (c) =>
      c.json(toDelivery(await dispatcher.resend(c.req.valid('param').id, scope(c))), 202),
  )

  app.openapi(
    protectedRoute('webhooks:write', {
      operationId: 'recoverWebhook',
      summary: 'Recover failed deliveries',
      description:
        'Queues again every delivery to this webhook that failed since `since`, and the messages it missed while disabled (never messages from before it was created).',
      method: 'post',
      path: '/v1/webhooks/{id}/recover',
      tags: ['Deliveries'],
      request: {
        params: IdParam,
        ...body(z.object({ since: z.iso.datetime({ offset: true }) }).strict()),
      },
      responses: {
        202: json(
          z.object({ requeued: z.number().int(), created: z.number().int() }),
          'Failed deliveries since then re-queued, missed messages queued',
        ),
      },
    }),
    async (c) => {
      const result = await dispatcher.recover(c.req.valid('param').id, {
        ...scope(c),
        since: new Date(c.req.valid('json').since),
      })
      return c.json(result, 202)
    },
  )
}
