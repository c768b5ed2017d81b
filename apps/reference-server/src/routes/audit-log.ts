import { type OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppContext } from '../context'
import { json, PageQuery, page, protectedRoute, resource, toPage } from './common'

/** `/v1/audit-log`: who changed what (admin). */
export function auditLogRoutes({ database }: AppContext): OpenAPIHono {
  const app = resource()
  const { db } = database

  app.openapi(
    protectedRoute('admin', {
      operationId: 'listAuditLog',
      summary: 'Read the audit log',
      description:
        'Who created, changed, rotated, revealed or revoked what, and when, newest first; never a secret.',
      method: 'get',
      path: '/',
      tags: ['Audit'],
      request: { query: PageQuery },
      responses: {
        200: json(
          page(
            z.object({
              id: z.string(),
              actor: z.string(),
              actor_name: z.string().nullable().openapi({
                description: "The API key's name when the actor is a key (`api_key:key_…`)",
              }),
              action: z.string(),
              target: z.string(),
              details: z.record(z.string(), z.unknown()),
              created_at: z.string(),
            }),
          ),
          'Newest first',
        ),
      },
    }),
    async (c) => {
      const { limit = 50, cursor } = c.req.valid('query')
      let q = db
        .selectFrom('audit_log')
        .selectAll()
        .where('tenant_id', '=', c.get('caller').tenantId)
        .orderBy('id', 'desc')
        .limit(limit + 1)
      if (cursor) q = q.where('id', '<', cursor)
      const rows = await q.execute()
      const keyIds = [
        ...new Set(rows.flatMap((r) => (r.actor.startsWith('api_key:') ? [r.actor.slice(8)] : []))),
      ]
      const names = new Map(
        keyIds.length === 0
          ? []
          : (
              await db
                .selectFrom('api_keys')
                .select(['id', 'name'])
                .where('tenant_id', '=', c.get('caller').tenantId)
                .where('id', 'in', keyIds)
                .execute()
            ).map((k) => [`api_key:${k.id}`, k.name]),
      )
      return c.json(
        toPage(rows, limit, (r) => ({
          id: r.id,
          actor: r.actor,
          actor_name: names.get(r.actor) ?? null,
          action: r.action,
          target: r.target,
          details: JSON.parse(r.details),
          created_at: r.created_at,
        })),
        200,
      )
    },
  )

  return app
}
