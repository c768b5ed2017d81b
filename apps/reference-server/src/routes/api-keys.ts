import { createRoute, z } from '@hono/zod-openapi'
import { audit } from '../audit'
import { access, SCOPES } from '../auth'
import type { App, AppContext } from '../context'
import { newApiKey } from '../crypto'
import type { ApiKeyTable } from '../db/schema'
import { notFound } from '../errors'
import { newId, now } from '../ids'
import { body, errors, IdParam, json, PageQuery, page, security, toPage } from './common'

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

export function registerApiKeys(app: App, { database }: AppContext): void {
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
    createRoute({
      method: 'post',
      path: '/v1/api-keys',
      tags: ['API keys'],
      security,
      middleware: access('admin'),
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
        ...errors,
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
      await db.insertInto('api_keys').values(row).execute()
      await audit(db, {
        tenantId,
        actor: `api_key:${keyId}`,
        action: 'api_key.created',
        target: row.id,
        details: { name: row.name, scopes: input.scopes },
      })
      return c.json({ ...toKey(row), key }, 201)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/api-keys',
      tags: ['API keys'],
      security,
      middleware: access('admin'),
      request: { query: PageQuery },
      responses: { 200: json(page(ApiKey), 'Live keys (prefix only)'), ...errors },
    }),
    async (c) => {
      const { limit = 50, cursor } = c.req.valid('query')
      let q = db
        .selectFrom('api_keys')
        .selectAll()
        .where('tenant_id', '=', c.get('caller').tenantId)
        .where('revoked_at', 'is', null)
        .orderBy('id')
        .limit(limit + 1)
      if (cursor) q = q.where('id', '>', cursor)
      return c.json(toPage(await q.execute(), limit, toKey), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/api-keys/{id}',
      tags: ['API keys'],
      security,
      middleware: access('admin'),
      request: {
        params: IdParam,
        ...body(z.object({ name: z.string().trim().min(1).max(200) }).strict()),
      },
      responses: { 200: json(ApiKey, 'Renamed'), ...errors },
    }),
    async (c) => {
      const { tenantId, keyId } = c.get('caller')
      const key = await find(tenantId, c.req.valid('param').id)
      const name = c.req.valid('json').name
      await db.updateTable('api_keys').set({ name }).where('id', '=', key.id).execute()
      await audit(db, {
        tenantId,
        actor: `api_key:${keyId}`,
        action: 'api_key.renamed',
        target: key.id,
        details: { from: key.name, to: name },
      })
      return c.json(toKey({ ...key, name }), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/api-keys/{id}',
      tags: ['API keys'],
      security,
      middleware: access('admin'),
      request: { params: IdParam },
      responses: { 204: { description: 'Revoked, effective immediately' }, ...errors },
    }),
    async (c) => {
      const { tenantId, keyId } = c.get('caller')
      const key = await find(tenantId, c.req.valid('param').id)
      await db.updateTable('api_keys').set({ revoked_at: now() }).where('id', '=', key.id).execute()
      await audit(db, {
        tenantId,
        actor: `api_key:${keyId}`,
        action: 'api_key.revoked',
        target: key.id,
      })
      return c.body(null, 204)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/api-keys/{id}/regenerate',
      tags: ['API keys'],
      security,
      middleware: access('admin'),
      request: { params: IdParam },
      responses: {
        200: json(
          ApiKey.extend({ key: z.string() }),
          'The new key (shown once); the old one is dead at once',
        ),
        ...errors,
      },
    }),
    async (c) => {
      const { tenantId, keyId } = c.get('caller')
      const key = await find(tenantId, c.req.valid('param').id)
      const fresh = newApiKey()
      await db
        .updateTable('api_keys')
        .set({ hash: fresh.hash, prefix: fresh.prefix })
        .where('id', '=', key.id)
        .execute()
      await audit(db, {
        tenantId,
        actor: `api_key:${keyId}`,
        action: 'api_key.regenerated',
        target: key.id,
      })
      return c.json({ ...toKey({ ...key, prefix: fresh.prefix }), key: fresh.key }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/audit-log',
      tags: ['Audit'],
      security,
      middleware: access('admin'),
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
        ...errors,
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
}
