import type { Endpoint } from '@clockhook/dispatcher'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { withAudit } from '../audit'
import type { AppContext } from '../context'
import { newId } from '../ids'
import { visibleTo } from '../portal'
import {
  actorOf,
  body,
  IdParam,
  json,
  PageQuery,
  page,
  protectedRoute,
  resource,
  tenantScope,
} from './common'
import { tenantOf } from './settings'
import {
  DeliverySchema,
  guardCredentialsOnMove,
  metadataOf,
  refuseMaskForNewHeaders,
  toDelivery,
  toWebhook,
  tuningOf,
  urlWarnings,
  Webhook,
  WebhookInput,
} from './webhook-wire'

const Warnings = z
  .array(z.string())
  .openapi({ description: 'Advice about the configuration, e.g. an `http://` URL' })

/** `/v1/webhooks`: integration settings — create, read, change, delete, test, deliveries, recover. */
export function webhookRoutes({ database, dispatcher }: AppContext): OpenAPIHono {
  const app = resource()
  /** Custom header values (receiver credentials) in clear for admin keys only. */
  const shownHeaders = (c: Context, endpoint: Endpoint) =>
    c.get('caller').scopes.includes('admin') && Object.keys(endpoint.headers).length > 0
      ? dispatcher.getEndpointHeaders(endpoint.id, tenantScope(c))
      : endpoint.headers
  /** `http://` is accepted with a warning; refused when the tenant requires HTTPS and the URL is new. */
  const warningsFor = async (tenantId: string, url: string, isNew: boolean) => {
    const { require_https } = await tenantOf(database.db, tenantId)
    return urlWarnings(url, require_https === 1 && isNew)
  }
  app.openapi(
    protectedRoute('webhooks:write', {
      operationId: 'createWebhook',
      summary: 'Create a webhook',
      description:
        'Subscribes a URL to event types. The answer holds the signing secret (`whsec_…`): the only time it is shown to a key without `admin`. Private and loopback targets are refused unless the operator allows them.',
      method: 'post',
      path: '/',
      tags: ['Webhooks'],
      request: body(WebhookInput),
      responses: {
        201: json(
          Webhook.extend({ secret: z.string(), warnings: Warnings }),
          'The webhook, its signing secret (shown once) and warnings about its configuration',
        ),
      },
    }),
    async (c) => {
      const input = c.req.valid('json')
      const { tenantId } = c.get('caller')
      const warnings = await warningsFor(tenantId, input.url, true)
      const id = newId('wh_')
      const entry = {
        tenantId,
        actor: actorOf(c),
        action: 'webhook.created',
        target: id,
        details: { url: input.url, events: input.events ?? ['*'] },
      }
      const { endpoint, secret } = await withAudit(database.db, entry, (trx) =>
        dispatcher.createEndpoint(
          {
            id,
            tenantId,
            url: input.url,
            eventTypes: input.events ?? null,
            enabled: input.enabled ?? true,
            version: input.version ?? null,
            headers: input.headers ?? {},
            description: input.description ?? null,
            timeoutMs: input.timeout_seconds ? input.timeout_seconds * 1000 : null,
            ...tuningOf(input),
            metadata: {
              name: input.name,
              ...(input.legacy_signature_header
                ? { legacy_signature_header: input.legacy_signature_header.toLowerCase() }
                : {}),
            },
          },
          { trx },
        ),
      )
      return c.json(
        { ...toWebhook(endpoint, 0, await shownHeaders(c, endpoint)), secret, warnings },
        201,
      )
    },
  )

  app.openapi(
    protectedRoute('webhooks:read', {
      operationId: 'listWebhooks',
      summary: 'List webhooks',
      description:
        "The tenant's webhooks, oldest first. Custom header values are shown only to `admin` keys.",
      method: 'get',
      path: '/',
      tags: ['Webhooks'],
      request: { query: PageQuery },
      responses: { 200: json(page(Webhook), 'Webhooks, oldest first') },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const listed = await dispatcher.listEndpoints({
        tenantId: c.get('caller').tenantId,
        limit: q.limit ?? 50,
        cursor: q.cursor ?? null,
      })
      // a portal link limited to some webhooks sees only those
      const p = { ...listed, data: listed.data.filter((e) => visibleTo(c.get('caller'), e.id)) }
      const rates = await Promise.all(
        p.data.map(async (e) => (await dispatcher.endpointHealth(e.id, tenantScope(c))).errorRate),
      )
      return c.json(
        {
          data: await Promise.all(
            p.data.map(async (e, i) => toWebhook(e, rates[i]!, await shownHeaders(c, e))),
          ),
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
      path: '/{id}',
      tags: ['Webhooks'],
      request: { params: IdParam },
      responses: {
        200: json(
          Webhook.extend({ recent_deliveries: z.array(DeliverySchema) }),
          'The webhook with its last 10 deliveries and error rate (24 h)',
        ),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const endpoint = await dispatcher.getEndpoint(id, tenantScope(c))
      const [recent, health] = await Promise.all([
        dispatcher.listDeliveries(id, { ...tenantScope(c), limit: 10 }),
        dispatcher.endpointHealth(id, tenantScope(c)),
      ])
      return c.json(
        {
          ...toWebhook(endpoint, health.errorRate, await shownHeaders(c, endpoint)),
          recent_deliveries: recent.data.map(toDelivery),
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
      path: '/{id}',
      tags: ['Webhooks'],
      request: { params: IdParam, ...body(WebhookInput.partial().strict()) },
      responses: {
        200: json(
          Webhook.extend({ warnings: Warnings }),
          'The webhook and warnings about its configuration; enable or disable with `enabled`',
        ),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const input = c.req.valid('json')
      const current = await dispatcher.getEndpoint(id, tenantScope(c))
      if (input.headers) refuseMaskForNewHeaders(input.headers, current)
      guardCredentialsOnMove(c.get('caller'), current, input)
      const warnings = await warningsFor(
        current.tenantId,
        input.url ?? current.url,
        input.url !== undefined,
      )
      const entry = {
        tenantId: current.tenantId,
        actor: actorOf(c),
        action: 'webhook.updated',
        target: id,
        details: {
          changed: Object.keys(input),
          ...(input.url !== undefined && input.url !== current.url
            ? { url: { from: current.url, to: input.url } }
            : {}),
        },
      }
      const updated = await withAudit(database.db, entry, (trx) =>
        dispatcher.updateEndpoint(
          id,
          {
            ...(input.url !== undefined ? { url: input.url } : {}),
            ...(input.events !== undefined ? { eventTypes: input.events } : {}),
            ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
            ...(input.version !== undefined ? { version: input.version } : {}),
            ...(input.headers !== undefined ? { headers: input.headers } : {}),
            ...(input.description !== undefined ? { description: input.description } : {}),
            ...(input.timeout_seconds !== undefined
              ? { timeoutMs: input.timeout_seconds === null ? null : input.timeout_seconds * 1000 }
              : {}),
            ...tuningOf(input),
            ...(input.name !== undefined || input.legacy_signature_header !== undefined
              ? { metadata: metadataOf(current.metadata, input) }
              : {}),
          },
          { ...tenantScope(c), trx },
        ),
      )
      const health = await dispatcher.endpointHealth(id, tenantScope(c))
      return c.json(
        { ...toWebhook(updated, health.errorRate, await shownHeaders(c, updated)), warnings },
        200,
      )
    },
  )

  app.openapi(
    protectedRoute('webhooks:write', {
      operationId: 'deleteWebhook',
      summary: 'Delete a webhook',
      description: 'Deletes the webhook with its delivery log; nothing more is sent to it.',
      method: 'delete',
      path: '/{id}',
      tags: ['Webhooks'],
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted with its delivery log' } },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await withAudit(
        database.db,
        {
          tenantId: c.get('caller').tenantId,
          actor: actorOf(c),
          action: 'webhook.deleted',
          target: id,
        },
        (trx) => dispatcher.deleteEndpoint(id, { ...tenantScope(c), trx }),
      )
      return c.body(null, 204)
    },
  )

  return app
}
