import { type OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppContext } from '../context'
import {
  body,
  IdParam,
  json,
  PageQuery,
  page,
  protectedRoute,
  resource,
  tenantScope,
} from './common'
import { AttemptSchema, DeliverySchema, toAttempt, toDelivery } from './webhook-wire'

/** `/v1/webhooks/{id}/test`, `/deliveries` and `/recover`: what was sent to a webhook, and sending again. */
export function webhookDeliveryRoutes({ dispatcher }: AppContext): OpenAPIHono {
  const app = resource()

  app.openapi(
    protectedRoute('webhooks:write', {
      operationId: 'testWebhook',
      summary: 'Send a test event',
      description:
        "Sends a signed `webhook.test` to this webhook only, with its real secret, and answers with the outcome and the receiver's HTTP status. Recorded as a test delivery.",
      method: 'post',
      path: '/{id}/test',
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
        ...tenantScope(c),
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
    protectedRoute('webhooks:read', {
      operationId: 'listDeliveries',
      summary: "List a webhook's deliveries",
      description: 'Deliveries to this webhook, newest first; filter by `status`.',
      method: 'get',
      path: '/{id}/deliveries',
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
        ...tenantScope(c),
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
    protectedRoute('webhooks:write', {
      operationId: 'recoverWebhook',
      summary: 'Recover failed deliveries',
      description:
        'Queues again every delivery to this webhook that failed since `since`, and the messages it missed while disabled (never messages from before it was created).',
      method: 'post',
      path: '/{id}/recover',
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
        ...tenantScope(c),
        since: new Date(c.req.valid('json').since),
      })
      return c.json(result, 202)
    },
  )

  return app
}
