import { type OpenAPIHono, z } from '@hono/zod-openapi'
import type { Kysely } from 'kysely'
import { audit } from '../audit'
import type { AppContext } from '../context'
import type { AppSchema, TenantTable } from '../db/schema'
import { notFound } from '../errors'
import { forgetTenantVersion, LATEST_STABLE_VERSION } from '../tenant-versions'
import { actorOf, body, json, protectedRoute, resource } from './common'

/** Retention when a tenant never set one. */
export const DEFAULT_RETENTION_DAYS = 30

const Settings = z
  .object({
    name: z.string(),
    default_version: z.number().int().nullable().openapi({
      description:
        'The payload version of webhooks without a pin; `null` follows the latest stable version (`effective_version`)',
    }),
    effective_version: z
      .number()
      .int()
      .openapi({ description: 'The version a webhook without a pin receives now' }),
    latest_stable_version: z.number().int(),
    retention_days: z.number().int().openapi({
      description: 'Delivered payloads and their attempts are purged after this many days',
    }),
    require_https: z
      .boolean()
      .openapi({ description: 'When true, webhook URLs must use `https://`' }),
  })
  .openapi('Settings')

const SettingsInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    default_version: z.union([z.literal(1), z.literal(2)]).nullable(),
    retention_days: z.number().int().min(1).max(3650),
    require_https: z.boolean(),
  })
  .partial()
  .strict()

const toSettings = (t: TenantTable) => ({
  name: t.name,
  default_version: t.default_version,
  effective_version: t.default_version ?? LATEST_STABLE_VERSION,
  latest_stable_version: LATEST_STABLE_VERSION,
  retention_days: t.retention_days,
  require_https: t.require_https === 1,
})

/** The caller's tenant row; the settings routes and the webhook URL check read it. */
export async function tenantOf(db: Kysely<AppSchema>, tenantId: string): Promise<TenantTable> {
  const t = await db.selectFrom('tenants').selectAll().where('id', '=', tenantId).executeTakeFirst()
  if (!t) throw notFound(`tenant ${tenantId}`)
  return t
}

/** `/v1/settings`: the tenant's name, default payload version, retention and HTTPS rule (admin). */
export function settingsRoutes({ database }: AppContext): OpenAPIHono {
  const app = resource()
  const { db } = database

  app.openapi(
    protectedRoute('admin', {
      operationId: 'getSettings',
      summary: 'Read the tenant settings',
      description:
        "The tenant's name, default payload version (with the version it resolves to), retention in days and whether webhook URLs must use HTTPS.",
      method: 'get',
      path: '/',
      tags: ['Settings'],
      responses: { 200: json(Settings, 'The tenant settings') },
    }),
    async (c) => c.json(toSettings(await tenantOf(db, c.get('caller').tenantId)), 200),
  )

  app.openapi(
    protectedRoute('admin', {
      operationId: 'updateSettings',
      summary: 'Change the tenant settings',
      description:
        'Changes the fields sent. `default_version: null` follows the latest stable version. Turning on `require_https` does not touch existing `http://` webhooks; new and changed URLs must be HTTPS. Audited with the old and new values.',
      method: 'patch',
      path: '/',
      tags: ['Settings'],
      request: body(SettingsInput),
      responses: { 200: json(Settings, 'The settings after the change') },
    }),
    async (c) => {
      const input = c.req.valid('json')
      const { tenantId } = c.get('caller')
      const updated = await db.transaction().execute(async (trx) => {
        const before = await tenantOf(trx, tenantId)
        const patch: Partial<TenantTable> = {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.default_version !== undefined
            ? { default_version: input.default_version }
            : {}),
          ...(input.retention_days !== undefined ? { retention_days: input.retention_days } : {}),
          ...(input.require_https !== undefined
            ? { require_https: input.require_https ? 1 : 0 }
            : {}),
        }
        const changes: Record<string, { from: unknown; to: unknown }> = {}
        for (const [field, value] of Object.entries(patch) as [keyof TenantTable, unknown][])
          if (before[field] !== value) changes[field] = { from: before[field], to: value }
        if (Object.keys(changes).length === 0) return before
        await trx.updateTable('tenants').set(patch).where('id', '=', tenantId).execute()
        await audit(trx, {
          tenantId,
          actor: actorOf(c),
          action: 'settings.updated',
          target: tenantId,
          details: { changes },
        })
        return { ...before, ...patch }
      })
      forgetTenantVersion(tenantId)
      return c.json(toSettings(updated), 200)
    },
  )

  return app
}
