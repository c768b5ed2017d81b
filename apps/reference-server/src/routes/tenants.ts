import { timingSafeEqual } from 'node:crypto'
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import { clientAddress, failedAuthLimiter } from '../auth'
import type { AppContext } from '../context'
import { hashApiKey } from '../crypto'
import type { TenantTable } from '../db/schema'
import { ApiError } from '../errors'
import { createTenant } from '../tenants'
import { body, json, operatorSecurity, resource } from './common'

const Tenant = z
  .object({
    id: z.string(),
    name: z.string(),
    default_version: z
      .number()
      .int()
      .nullable()
      .openapi({ description: '`null`: the latest stable payload version' }),
    created_at: z.string(),
  })
  .openapi('Tenant')

const toTenant = (t: TenantTable) => ({
  id: t.id,
  name: t.name,
  default_version: t.default_version,
  created_at: t.created_at,
})

function operatorOnly(operatorKey: string, failures = failedAuthLimiter()): MiddlewareHandler {
  const expected = Buffer.from(hashApiKey(operatorKey))
  return async function requireOperatorKey(c, next) {
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')
    const given = Buffer.from(hashApiKey(match?.[1] ?? ''))
    if (!match || !timingSafeEqual(given, expected)) {
      const client = clientAddress(c)
      failures.check(client)
      failures.record(client)
      throw new ApiError(401, 'unauthorized', 'the operator key is required')
    }
    await next()
  }
}

/**
 * Operator routes (`CLOCKHOOK_OPERATOR_KEY`): create tenants and list them. Without an
 * operator key configured they do not exist (404), as API.md says.
 */
export function tenantRoutes(ctx: AppContext): OpenAPIHono | undefined {
  const operatorKey = ctx.config.CLOCKHOOK_OPERATOR_KEY
  if (!operatorKey) return undefined
  const app = resource()
  const { db } = ctx.database
  app.use('*', operatorOnly(operatorKey))

  app.openapi(
    createRoute({
      operationId: 'createTenant',
      summary: 'Create a tenant',
      description:
        'Operator only (`CLOCKHOOK_OPERATOR_KEY`): a new tenant and its first admin key, returned once.',
      method: 'post',
      path: '/',
      tags: ['Operator'],
      security: operatorSecurity,
      request: body(
        z
          .object({
            name: z.string().trim().min(1).max(200),
            default_version: z.union([z.literal(1), z.literal(2)]).optional(),
          })
          .strict(),
      ),
      responses: {
        201: json(
          Tenant.extend({ admin_key: z.string() }),
          'The tenant and its first admin key (shown once)',
        ),
      },
    }),
    async (c) => {
      const input = c.req.valid('json')
      const { tenant, adminKey } = await createTenant(db, {
        name: input.name,
        defaultVersion: input.default_version ?? null,
        actor: 'operator',
      })
      return c.json({ ...toTenant(tenant), admin_key: adminKey }, 201)
    },
  )

  app.openapi(
    createRoute({
      operationId: 'listTenants',
      summary: 'List tenants',
      description: 'Operator only (`CLOCKHOOK_OPERATOR_KEY`).',
      method: 'get',
      path: '/',
      tags: ['Operator'],
      security: operatorSecurity,
      responses: { 200: json(z.object({ data: z.array(Tenant) }), 'Every tenant') },
    }),
    async (c) =>
      c.json(
        {
          data: (await db.selectFrom('tenants').selectAll().orderBy('id').execute()).map(toTenant),
        },
        200,
      ),
  )
  return app
}
