import { randomBytes } from 'node:crypto'
import { type OpenAPIHono, z } from '@hono/zod-openapi'
import { audit } from '../audit'
import { PORTAL_TOKEN_PREFIX } from '../auth'
import type { AppContext } from '../context'
import { hashApiKey } from '../crypto'
import { ApiError } from '../errors'
import { newId, now } from '../ids'
import { actorOf, body, json, protectedRoute, resource } from './common'

/** How long a portal link lasts unless `expires_in` says otherwise. */
export const DEFAULT_PORTAL_SECONDS = 3_600

const PortalSession = z
  .object({
    id: z.string(),
    url: z.string().openapi({
      description:
        'The console link for the partner; the token is in the fragment, so it never reaches logs or `Referer` headers',
    }),
    expires_at: z.string(),
    webhook_ids: z
      .array(z.string())
      .nullable()
      .openapi({ description: '`null`: every webhook of the tenant, and creating new ones' }),
  })
  .openapi('PortalSession')

/** `/v1/portal-sessions`: short-lived console links for an outside partner (admin, audited). */
export function portalSessionRoutes({ database, dispatcher }: AppContext): OpenAPIHono {
  const app = resource()
  const { db } = database

  app.openapi(
    protectedRoute('admin', {
      operationId: 'createPortalSession',
      summary: 'Create a partner portal link',
      description:
        'A console link for an outside partner (a payroll provider, say) that manages only the webhooks listed in `webhook_ids` — or every webhook of the tenant when it is omitted — without an API key. It expires after `expires_in` seconds (default 1 h, at most 7 days); expiry and scope are enforced by the server on every request. Audited.',
      method: 'post',
      path: '/',
      tags: ['Portal'],
      request: body(
        z
          .object({
            expires_in: z
              .number()
              .int()
              .min(60)
              .max(7 * 86_400)
              .optional(),
            webhook_ids: z.array(z.string().min(1).max(100)).min(1).max(50).optional(),
          })
          .strict(),
      ),
      responses: { 201: json(PortalSession, 'The link (shown once) and when it expires') },
    }),
    async (c) => {
      const input = c.req.valid('json')
      const { tenantId } = c.get('caller')
      const webhookIds = input.webhook_ids ? [...new Set(input.webhook_ids)] : null
      if (webhookIds) {
        const unknown: { path: string; message: string }[] = []
        await Promise.all(
          webhookIds.map(async (id, i) => {
            try {
              await dispatcher.getEndpoint(id, { tenantId })
            } catch {
              unknown.push({ path: `webhook_ids.${i}`, message: `webhook ${id} not found` })
            }
          }),
        )
        if (unknown.length > 0)
          throw new ApiError(400, 'validation_failed', 'unknown webhook ids', unknown)
      }
      const token = `${PORTAL_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
      const id = newId('pts_')
      const expiresAt = new Date(
        Date.now() + (input.expires_in ?? DEFAULT_PORTAL_SECONDS) * 1000,
      ).toISOString()
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('portal_sessions')
          .values({
            id,
            tenant_id: tenantId,
            hash: hashApiKey(token),
            webhook_ids: webhookIds ? JSON.stringify(webhookIds) : null,
            expires_at: expiresAt,
            created_by: actorOf(c),
            created_at: now(),
          })
          .execute()
        await audit(trx, {
          tenantId,
          actor: actorOf(c),
          action: 'portal_session.created',
          target: id,
          details: { webhook_ids: webhookIds, expires_at: expiresAt },
        })
      })
      const origin = new URL(c.req.url).origin
      return c.json(
        {
          id,
          url: `${origin}/console#portal=${token}`,
          expires_at: expiresAt,
          webhook_ids: webhookIds,
        },
        201,
      )
    },
  )

  return app
}
