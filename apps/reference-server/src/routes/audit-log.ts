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
      return c.json(
        toPage(await q.execute(), limit, (r) => ({
          id: r.id,
          actor: r.actor,
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
