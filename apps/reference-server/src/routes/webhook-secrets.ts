import type { OpenAPIHono } from '@hono/zod-openapi'
import { z } from '@hono/zod-openapi'
import { audit, withAudit } from '../audit'
import type { AppContext } from '../context'
import { actorOf, IdParam, json, protectedRoute, resource, tenantScope } from './common'
import { iso } from './webhook-wire'

/** `/v1/webhooks/{id}/secret` and `/rotate-secret`: admin only, audited. */
export function webhookSecretRoutes({ database, dispatcher }: AppContext): OpenAPIHono {
  const app = resource()
  app.openapi(
    protectedRoute('admin', {
      operationId: 'getWebhookSecret',
      summary: 'Reveal the signing secret',
      description:
        "The current secret and any previous one still signing during a rotation's grace period. `admin` only; audited.",
      method: 'get',
      path: '/{id}/secret',
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
      const secrets = await dispatcher.getEndpointSecrets(id, tenantScope(c))
      await audit(database.db, {
        tenantId: c.get('caller').tenantId,
        actor: actorOf(c),
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
      path: '/{id}/rotate-secret',
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
      const { secret } = await withAudit(
        database.db,
        {
          tenantId: c.get('caller').tenantId,
          actor: actorOf(c),
          action: 'webhook.secret_rotated',
          target: id,
          details: { grace_period_seconds: grace },
        },
        (trx) =>
          dispatcher.rotateSecret(id, { ...tenantScope(c), gracePeriodMs: grace * 1000, trx }),
      )
      return c.json({ secret }, 200)
    },
  )

  return app
}
