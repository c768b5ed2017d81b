import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Migration } from 'kysely/migration'

export interface TenantTable {
  id: string
  name: string
  /** `null`: the latest stable payload version. */
  default_version: number | null
  /** Days delivered payloads and their attempts are kept. */
  retention_days: number
  /** 1: webhook URLs must be `https://`. */
  require_https: number
  created_at: string
}
export interface ApiKeyTable {
  id: string
  tenant_id: string
  name: string
  prefix: string
  hash: string
  scopes: string
  created_at: string
  last_used_at: string | null
  revoked_at: string | null
}
export interface WorkerTable {
  id: string
  tenant_id: string
  name: string
  email: string | null
  external_id: string | null
  location_id: string | null
  created_at: string
  updated_at: string
  deleted_at: string | null
}
export interface TimeEntryTable {
  id: string
  tenant_id: string
  worker_id: string
  clock_in: string
  clock_out: string | null
  location_id: string | null
  total_minutes: number | null
  created_at: string
}
export interface AuditTable {
  id: string
  tenant_id: string
  actor: string
  action: string
  target: string
  details: string
  created_at: string
}

export interface IdempotencyTable {
  api_key_id: string
  method: string
  path: string
  idempotency_key: string
  tenant_id: string
  fingerprint: string
  status_code: number | null
  /** The answer, sealed with the master key (it can hold secrets). */
  response_sealed: string | null
  created_at: string
}

export interface ShiftTable {
  id: string
  tenant_id: string
  worker_id: string
  location_id: string | null
  shift_date: string
  start_time: string
  end_time: string
  created_at: string
}

export interface DocumentTable {
  id: string
  tenant_id: string
  worker_id: string
  kind: string
  name: string | null
  expires_on: string
  expired_notified_at: string | null
  created_at: string
}

/** A console link for an outside partner: a hashed token limited to some webhooks. */
export interface PortalSessionTable {
  id: string
  tenant_id: string
  hash: string
  /** JSON array of webhook ids, or `null` for every webhook of the tenant. */
  webhook_ids: string | null
  expires_at: string
  created_by: string
  created_at: string
}

/** The server's own tables; the dispatcher keeps its clockhook_* tables beside them. */
export interface AppSchema {
  tenants: TenantTable
  api_keys: ApiKeyTable
  workers: WorkerTable
  time_entries: TimeEntryTable
  audit_log: AuditTable
  idempotency_requests: IdempotencyTable
  shifts: ShiftTable
  documents: DocumentTable
  portal_sessions: PortalSessionTable
}

const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('tenants')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('default_version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('api_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull().unique())
      .addColumn('scopes', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute()
    await db.schema
      .createIndex('api_keys_tenant')
      .on('api_keys')
      .columns(['tenant_id', 'id'])
      .execute()
    await db.schema
      .createTable('workers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('external_id', 'text')
      .addColumn('location_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute()
    await db.schema
      .createIndex('workers_tenant')
      .on('workers')
      .columns(['tenant_id', 'id'])
      .execute()
    await db.schema
      .createTable('time_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('worker_id', 'text', (c) => c.notNull())
      .addColumn('clock_in', 'text', (c) => c.notNull())
      .addColumn('clock_out', 'text')
      .addColumn('location_id', 'text')
      .addColumn('total_minutes', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('time_entries_tenant')
      .on('time_entries')
      .columns(['tenant_id', 'id'])
      .execute()
    // at most one open entry per worker, even under concurrent clock-ins
    await sql`create unique index time_entries_open on time_entries (worker_id) where clock_out is null`.execute(
      db,
    )
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('audit_log_tenant')
      .on('audit_log')
      .columns(['tenant_id', 'id'])
      .execute()
  },
}

const idempotency: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('idempotency_keys')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('status_code', 'integer')
      .addColumn('response', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_keys_pk', ['tenant_id', 'key'])
      .execute()
  },
}

const shiftsAndDocuments: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('shifts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('worker_id', 'text', (c) => c.notNull())
      .addColumn('location_id', 'text')
      .addColumn('shift_date', 'text', (c) => c.notNull())
      .addColumn('start_time', 'text', (c) => c.notNull())
      .addColumn('end_time', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('shifts_tenant').on('shifts').columns(['tenant_id', 'id']).execute()
    await db.schema
      .createTable('documents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('worker_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('expires_on', 'text', (c) => c.notNull())
      .addColumn('expired_notified_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('documents_worker')
      .on('documents')
      .columns(['tenant_id', 'worker_id', 'id'])
      .execute()
    await sql`create index documents_to_expire on documents (expires_on) where expired_notified_at is null`.execute(
      db,
    )
  },
}

/** Idempotent answers belong to the API key that made them and are sealed at rest. */
const idempotencyPerApiKey: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.dropTable('idempotency_keys').execute()
    await db.schema
      .createTable('idempotency_requests')
      .addColumn('api_key_id', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', 'text', (c) => c.notNull())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('status_code', 'integer')
      .addColumn('response_sealed', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_requests_pk', [
        'api_key_id',
        'method',
        'path',
        'idempotency_key',
      ])
      .execute()
    await db.schema
      .createIndex('idempotency_requests_created')
      .on('idempotency_requests')
      .column('created_at')
      .execute()
  },
}

/**
 * Tenant settings: `default_version` becomes nullable (the latest stable version), with
 * `retention_days` and `require_https`; the partner portal's sessions. The tenants table is
 * rebuilt, the one portable way to drop a NOT NULL on SQLite and Postgres alike.
 */
const settingsAndPortal: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('tenants_next')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('default_version', 'integer')
      .addColumn('retention_days', 'integer', (c) => c.notNull().defaultTo(30))
      .addColumn('require_https', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await sql`insert into tenants_next (id, name, default_version, created_at) select id, name, default_version, created_at from tenants`.execute(
      db,
    )
    await db.schema.dropTable('tenants').execute()
    await db.schema.alterTable('tenants_next').renameTo('tenants').execute()
    await db.schema
      .createTable('portal_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull().unique())
      .addColumn('webhook_ids', 'text')
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('portal_sessions_expires')
      .on('portal_sessions')
      .column('expires_at')
      .execute()
  },
}

export const appMigrations: Record<string, Migration> = {
  '2026_11_23_000_initial': initial,
  '2026_11_23_001_idempotency': idempotency,
  '2026_11_23_002_shifts_documents': shiftsAndDocuments,
  '2026_11_24_000_idempotency_per_api_key': idempotencyPerApiKey,
  '2026_11_24_001_settings_portal': settingsAndPortal,
}
