import { type Kysely, sql } from 'kysely'
import { audit } from './audit'
import { hashApiKey, newApiKey } from './crypto'
import type { AppSchema, TenantTable } from './db/schema'
import { newId, now } from './ids'

interface AdminKeyOptions {
  name: string
  /** Use this string as the key (the bootstrap key); otherwise one is generated. */
  key?: string
  actor: string
}

/** Creates an admin API key for a tenant, audited: returns the key (shown once) and its id. */
export async function createAdminKey(
  db: Kysely<AppSchema>,
  tenantId: string,
  options: AdminKeyOptions,
): Promise<{ id: string; key: string }> {
  return db.transaction().execute((trx) => insertAdminKey(trx, tenantId, options))
}

async function insertAdminKey(
  trx: Kysely<AppSchema>,
  tenantId: string,
  options: AdminKeyOptions,
): Promise<{ id: string; key: string }> {
  const key = options.key ?? newApiKey().key
  const id = newId('key_')
  await trx
    .insertInto('api_keys')
    .values({
      id,
      tenant_id: tenantId,
      name: options.name,
      prefix: key.slice(0, 11),
      hash: hashApiKey(key),
      scopes: JSON.stringify(['admin']),
      created_at: now(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute()
  await audit(trx, {
    tenantId,
    actor: options.actor,
    action: 'api_key.created',
    target: id,
    details: { name: options.name, scopes: ['admin'] },
  })
  return { id, key }
}

/** Creates a tenant and its first admin key in one transaction. */
interface TenantOptions {
  name: string
  defaultVersion: number | null
  adminKey?: string
  actor: string
}

/**
 * The first tenant, made once however many processes start together: the check and the
 * creation share one transaction, serialised across processes (an advisory lock on
 * Postgres; IMMEDIATE transactions on SQLite). `undefined` when a tenant already exists.
 */
export async function createFirstTenant(
  db: Kysely<AppSchema>,
  kind: 'sqlite' | 'postgres',
  options: TenantOptions,
): Promise<{ tenant: TenantTable; adminKey: string } | undefined> {
  return db.transaction().execute(async (trx) => {
    if (kind === 'postgres')
      await sql`select pg_advisory_xact_lock(hashtext('clockhook_first_tenant'))`.execute(trx)
    const existing = await trx.selectFrom('tenants').select('id').limit(1).executeTakeFirst()
    return existing ? undefined : insertTenant(trx, options)
  })
}

export async function createTenant(
  db: Kysely<AppSchema>,
  options: TenantOptions,
): Promise<{ tenant: TenantTable; adminKey: string }> {
  return db.transaction().execute((trx) => insertTenant(trx, options))
}

async function insertTenant(
  trx: Kysely<AppSchema>,
  options: TenantOptions,
): Promise<{ tenant: TenantTable; adminKey: string }> {
  const tenant: TenantTable = {
    id: newId('ten_'),
    name: options.name,
    default_version: options.defaultVersion,
    retention_days: 30,
    require_https: 0,
    created_at: now(),
  }
  const key = options.adminKey ?? newApiKey().key
  await trx.insertInto('tenants').values(tenant).execute()
  await insertAdminKey(trx, tenant.id, { name: 'admin', key, actor: options.actor })
  return { tenant, adminKey: key }
}
