import { type OpenAPIHono, z } from '@hono/zod-openapi'
import { audit } from '../audit'
import { SCOPES } from '../auth'
import type { AppContext } from '../context'
import { newApiKey } from '../crypto'
import type { ApiKeyTable } from '../db/schema'
import { notFound } from '../errors'
import { newId, now } from '../ids'
import { body, IdParam, json, PageQuery, page, protectedRoute, resource, toPage } from './common'

const ApiKey = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.string()),
    created_at: z.string(),
    last_used_at: z.string().nullable(),
  })
  .openapi('ApiKey')

const toKey = (k: ApiKeyTable) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  scopes: JSON.parse(k.scopes) as string[],
  created_at: k.created_at,
  last_used_at: k.last_used_at,
})

/** `/v1/audit-log`: who changed what (admin). */
export function auditLogRoutes({ database }: AppContext): OpenAPIHono {
  const app = resource()
  const { db } = database
  const find = async (tenantId: string, id: string) => {
    const k = await db
      .selectFrom('api_keys')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
    if (!k) throw notFound(`API key ${id}`)
    return k
  }

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
