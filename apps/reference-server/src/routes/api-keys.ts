import { type OpenAPIHono, z } from '@hono/zod-openapi'
import { withAudit } from '../audit'
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
    revoked_at: z
      .string()
      .nullable()
      .openapi({ description: 'When the key was revoked (listed with `include_revoked=true`)' }),
  })
  .openapi('ApiKey')

const toKey = (k: ApiKeyTable) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  scopes: JSON.parse(k.scopes) as string[],
  created_at: k.created_at,
  last_used_at: k.last_used_at,
  revoked_at: k.revoked_at,
})

/** `/v1/api-keys`: scoped keys, shown once (admin). */
export function apiKeyRoutes({ database }: AppContext): OpenAPIHono {
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
      operationId: 'createApiKey',
      summary: 'Create an API key',
      description:
        'A named key with scopes; the key itself is in this answer only (it is stored as a hash).',
      method: 'post',
      path: '/',
      tags: ['API keys'],
      request: body(
        z
          .object({
            name: z.string().trim().min(1).max(200),
            scopes: z.array(z.enum(SCOPES)).min(1),
          })
          .strict(),
      ),
      responses: {
        201: json(ApiKey.extend({ key: z.string() }), 'The key, shown this once'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json')
      const { tenantId, keyId } = c.get('caller')
      const { key, prefix, hash } = newApiKey()
      const row: ApiKeyTable = {
        id: newId('key_'),
        tenant_id: tenantId,
        name: input.name,
        prefix,
        hash,
        scopes: JSON.stringify([...new Set(input.scopes)]),
        created_at: now(),
        last_used_at: null,
        revoked_at: null,
      }
      await withAudit(
        db,
        {
          tenantId,
          actor: `api_key:${keyId}`,
          action: 'api_key.created',
          target: row.id,
          details: { name: row.name, scopes: input.scopes },
        },
        (trx) => trx.insertInto('api_keys').values(row).execute(),
      )
      return c.json({ ...toKey(row), key }, 201)
    },
  )

  app.openapi(
    protectedRoute('admin', {
      operationId: 'listApiKeys',
      summary: 'List API keys',
      description:
        'Live keys with their prefix, scopes and `last_used_at` (and revoked ones with `include_revoked=true`); never the key.',
      method: 'get',
      path: '/',
      tags: ['API keys'],
      request: {
        query: PageQuery.extend({
          include_revoked: z
            .enum(['true', 'false'])
            .optional()
            .openapi({ description: '`true` lists revoked keys too' }),
        }),
      },
      responses: { 200: json(page(ApiKey), 'Keys (prefix only)') },
    }),
    async (c) => {
      const { limit = 50, cursor, include_revoked } = c.req.valid('query')
      let q = db
        .selectFrom('api_keys')
        .selectAll()
        .where('tenant_id', '=', c.get('caller').tenantId)
        .orderBy('id')
        .limit(limit + 1)
      if (include_revoked !== 'true') q = q.where('revoked_at', 'is', null)
      if (cursor) q = q.where('id', '>', cursor)
      return c.json(toPage(await q.execute(), limit, toKey), 200)
    },
  )

  app.openapi(
    protectedRoute('admin', {
      operationId: 'updateApiKey',
      summary: 'Rename an API key',
      description: "Changes the key's name.",
      method: 'patch',
      path: '/{id}',
      tags: ['API keys'],
      request: {
        params: IdParam,
        ...body(z.object({ name: z.string().trim().min(1).max(200) }).strict()),
      },
      responses: { 200: json(ApiKey, 'Renamed') },
    }),
    async (c) => {
      const { tenantId, keyId } = c.get('caller')
      const key = await find(tenantId, c.req.valid('param').id)
      const name = c.req.valid('json').name
      await withAudit(
        db,
        {
          tenantId,
          actor: `api_key:${keyId}`,
          action: 'api_key.renamed',
          target: key.id,
          details: { from: key.name, to: name },
        },
        (trx) => trx.updateTable('api_keys').set({ name }).where('id', '=', key.id).execute(),
      )
      return c.json(toKey({ ...key, name }), 200)
    },
  )

  app.openapi(
    protectedRoute('admin', {
      operationId: 'revokeApiKey',
      summary: 'Revoke an API key',
      description: 'The key stops working at once.',
      method: 'delete',
      path: '/{id}',
      tags: ['API keys'],
      request: { params: IdParam },
      responses: { 204: { description: 'Revoked, effective immediately' } },
    }),
    async (c) => {
      const { tenantId, keyId } = c.get('caller')
      const key = await find(tenantId, c.req.valid('param').id)
      await withAudit(
        db,
        {
          tenantId,
          actor: `api_key:${keyId}`,
          action: 'api_key.revoked',
          target: key.id,
        },
        (trx) =>
          trx.updateTable('api_keys').set({ revoked_at: now() }).where('id', '=', key.id).execute(),
      )
      return c.body(null, 204)
    },
  )

  app.openapi(
    protectedRoute('admin', {
      operationId: 'regenerateApiKey',
      summary: 'Regenerate an API key',
      description:
        'A new key with the same name and scopes (returned once); the old one stops working at once.',
      method: 'post',
      path: '/{id}/regenerate',
      tags: ['API keys'],
      request: { params: IdParam },
      responses: {
        200: json(
          ApiKey.extend({ key: z.string() }),
          'The new key (shown once); the old one is dead at once',
        ),
      },
    }),
    async (c) => {
      const { tenantId, keyId } = c.get('caller')
      const key = await find(tenantId, c.req.valid('param').id)
      const fresh = newApiKey()
      await withAudit(
        db,
        {
          tenantId,
          actor: `api_key:${keyId}`,
          action: 'api_key.regenerated',
          target: key.id,
        },
        (trx) =>
          trx
            .updateTable('api_keys')
            .set({ hash: fresh.hash, prefix: fresh.prefix })
            .where('id', '=', key.id)
            .execute(),
      )
      return c.json({ ...toKey({ ...key, prefix: fresh.prefix }), key: fresh.key }, 200)
    },
  )

  return app
}
