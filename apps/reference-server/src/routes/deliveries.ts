import type { OpenAPIHono } from '@hono/zod-openapi'
import { z } from '@hono/zod-openapi'
import type { AppContext } from '../context'
import { IdParam, json, protectedRoute, resource, tenantScope } from './common'
import { AttemptSchema, DeliverySchema, toAttempt, toDelivery } from './webhook-wire'

/** `/v1/deliveries/{id}`: one delivery with its attempts, and resend. */
export function deliveryRoutes({ dispatcher }: AppContext): OpenAPIHono {
  const app = resource()
  app.openapi(
    protectedRoute('webhooks:read', {
      operationId: 'getDelivery',
      summary: 'Retrieve a delivery',
      description:
        'The delivery with every attempt: request headers (custom header values masked), the start of the request and response bodies, status and timing.',
      method: 'get',
      path: '/{id}',
      tags: ['Deliveries'],
      request: { params: IdParam },
      responses: {
        200: json(
          DeliverySchema.extend({
            webhook_id: z.string(),
            attempts_detail: z.array(AttemptSchema),
            payload: z.unknown().openapi({
              description: "The event's `data` as stored (payload version 1)",
            }),
          }),
          'The delivery with every attempt',
        ),
      },
    }),
    async (c) => {
      const d = await dispatcher.getDelivery(c.req.valid('param').id, tenantScope(c))
      return c.json(
        {
          ...toDelivery(d.delivery),
          webhook_id: d.delivery.endpointId,
          attempts_detail: d.attempts.map(toAttempt),
          payload: d.message.payload,
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
      path: '/{id}/resend',
      tags: ['Deliveries'],
      request: { params: IdParam },
      responses: { 202: json(DeliverySchema, 'Queued again (same webhook-id)') },
    }),
    async (c) =>
      c.json(toDelivery(await dispatcher.resend(c.req.valid('param').id, tenantScope(c))), 202),
  )

  return app
}
