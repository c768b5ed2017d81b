import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Migration } from 'kysely/migration'

/** Every table is prefixed so it never collides with the host application's. */
export interface EndpointTable {
  id: string
  tenant_id: string
  url: string
  description: string | null
  secrets: string
  event_types: string | null
  enabled: number
  disabled_reason: string | null
  version: number | null
  headers: string
  rate_limit_per_second: number | null
  max_concurrency: number | null
  ordered: number
  timeout_ms: number | null
  metadata: string
  failing_since: number | string | null
  created_at: number | string
  updated_at: number | string
  /** The shared rate limiter's state (migration `permits`). */
  rate_tat?: number | null
}

export interface MessageTable {
  id: string
  tenant_id: string
  type: string
  timestamp: number | string
  payload: string
  seq: number | string | null
  is_test: number
  created_at: number | string
}

export interface DeliveryTable {
  id: string
  message_id: string
  endpoint_id: string
  tenant_id: string
  event_type: string
  status: string
  attempts: number
  next_attempt_at: number | string | null
  leased_until: number | string | null
  lease_token: number
  is_test: number
  last_http_status: number | null
  last_error: string | null
  created_at: number | string
  updated_at: number | string
  /** The worker holding the lease (`null` for a claim outside a running worker). */
  leased_by?: string | null
  /** What the next attempt is (`resend` after a manual resend); `null` = scheduled. */
  pending_trigger?: string | null
  /** Until when this delivery's permit counts against its endpoint's concurrency limit. */
  permit_until?: number | string | null
  /** The lease token the permit was granted under: a new lease does not inherit it. */
  permit_lease?: number | null
}

/** A running dispatcher: its heartbeat tells others whether its leases are still held. */
export interface WorkerTable {
  id: string
  heartbeat_at: number | string
  started_at: number | string
}

export interface AttemptTable {
  id: string
  delivery_id: string
  endpoint_id: string
  trigger: string
  attempted_at: number | string
  duration_ms: number
  succeeded: number
  http_status: number | null
  error_kind: string | null
  error_message: string | null
  request_headers: string
  request_preview: string
  response_preview: string | null
}

export interface Schema {
  clockhook_endpoints: EndpointTable
  clockhook_messages: MessageTable
  clockhook_deliveries: DeliveryTable
  clockhook_attempts: AttemptTable
  clockhook_workers: WorkerTable
}

const OPEN = sql`status in ('pending', 'retrying')`

const initial = (kind: 'sqlite' | 'postgres'): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('clockhook_endpoints')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('secrets', 'text', (c) => c.notNull())
      .addColumn('event_types', 'text')
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('disabled_reason', 'text')
      .addColumn('version', 'integer')
      .addColumn('headers', 'text', (c) => c.notNull())
      .addColumn('rate_limit_per_second', 'double precision')
      .addColumn('max_concurrency', 'integer')
      .addColumn('ordered', 'integer', (c) => c.notNull())
      .addColumn('timeout_ms', 'integer')
      .addColumn('metadata', 'text', (c) => c.notNull())
      .addColumn('failing_since', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('clockhook_endpoints_tenant')
      .on('clockhook_endpoints')
      .columns(['tenant_id', 'id'])
      .execute()

    await db.schema
      .createTable('clockhook_messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('timestamp', 'bigint', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint')
      .addColumn('is_test', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('clockhook_messages_seq')
      .unique()
      .on('clockhook_messages')
      .column('seq')
      .execute()
    await db.schema
      .createIndex('clockhook_messages_tenant_seq')
      .on('clockhook_messages')
      .columns(['tenant_id', 'seq'])
      .execute()
    await sql`create index clockhook_messages_unsequenced on clockhook_messages (id) where seq is null and is_test = 0`.execute(
      db,
    )
    await db.schema
      .createIndex('clockhook_messages_tenant_created')
      .on('clockhook_messages')
      .columns(['tenant_id', 'created_at'])
      .execute()

    await db.schema
      .createTable('clockhook_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('endpoint_id', 'text', (c) => c.notNull())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'bigint')
      .addColumn('leased_until', 'bigint')
      .addColumn('lease_token', 'integer', (c) => c.notNull())
      .addColumn('is_test', 'integer', (c) => c.notNull())
      .addColumn('last_http_status', 'integer')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute()
    if (kind === 'postgres') {
      // Room on each page lets a claim (which changes no indexed column) be a HOT update:
      // no index is written for it. 40 % fill: +10–15 % deliveries/s, for a larger table.
      await sql`alter table clockhook_deliveries set (fillfactor = 40)`.execute(db)
    }
    await sql`create index clockhook_deliveries_due on clockhook_deliveries (next_attempt_at) where ${OPEN}`.execute(
      db,
    )
    await sql`create index clockhook_deliveries_open_by_endpoint on clockhook_deliveries (endpoint_id, id) where ${OPEN}`.execute(
      db,
    )
    await db.schema
      .createIndex('clockhook_deliveries_endpoint')
      .on('clockhook_deliveries')
      .columns(['endpoint_id', 'id'])
      .execute()

    await db.schema
      .createTable('clockhook_attempts')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('delivery_id', 'text', (c) => c.notNull())
      .addColumn('endpoint_id', 'text', (c) => c.notNull())
      .addColumn('trigger', 'text', (c) => c.notNull())
      .addColumn('attempted_at', 'bigint', (c) => c.notNull())
      .addColumn('duration_ms', 'integer', (c) => c.notNull())
      .addColumn('succeeded', 'integer', (c) => c.notNull())
      .addColumn('http_status', 'integer')
      .addColumn('error_kind', 'text')
      .addColumn('error_message', 'text')
      .addColumn('request_headers', 'text', (c) => c.notNull())
      .addColumn('request_preview', 'text', (c) => c.notNull())
      .addColumn('response_preview', 'text')
      // every index is written on each attempt: the key doubles as the listing order
      .addPrimaryKeyConstraint('clockhook_attempts_pk', ['delivery_id', 'id'])
      .execute()
    await db.schema
      .createIndex('clockhook_attempts_endpoint_time')
      .on('clockhook_attempts')
      .columns(['endpoint_id', 'attempted_at'])
      .execute()
  },
})

// Worker heartbeats (leases of a dead worker are taken back early) and the trigger of the
// next attempt (a manual resend is recorded as `resend`).
const workers: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('clockhook_workers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('heartbeat_at', 'bigint', (c) => c.notNull())
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .execute()
    await db.schema.alterTable('clockhook_deliveries').addColumn('leased_by', 'text').execute()
    await db.schema
      .alterTable('clockhook_deliveries')
      .addColumn('pending_trigger', 'text')
      .execute()
    // No index on leased_by: a claim writes it, and an index would make every claim a
    // non-HOT update on Postgres. Reclaiming (rare: a worker died) scans the open rows.
  },
}

// Rate and concurrency limits shared by every worker (see `grantPermits`): the rate
// limiter's state per endpoint, and which deliveries hold a permit. The partial index
// holds only limited endpoints' permits; a count reads those not yet lapsed.
const permits = (kind: 'sqlite' | 'postgres'): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('clockhook_endpoints')
      .addColumn('rate_tat', kind === 'postgres' ? 'double precision' : 'real')
      .execute()
    await db.schema.alterTable('clockhook_deliveries').addColumn('permit_until', 'bigint').execute()
    await db.schema
      .alterTable('clockhook_deliveries')
      .addColumn('permit_lease', 'integer')
      .execute()
    await sql`create index clockhook_deliveries_permits on clockhook_deliveries (endpoint_id, permit_until) where permit_until is not null`.execute(
      db,
    )
  },
})

/** Migrations as code, applied in name order by kysely's Migrator. */
export const migrations = (kind: 'sqlite' | 'postgres'): Record<string, Migration> => ({
  '2026_11_01_000_initial': initial(kind),
  '2026_12_01_000_workers': workers,
  '2026_12_15_000_permits': permits(kind),
})
