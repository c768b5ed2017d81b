import { sql } from 'kysely'
import type { Db } from './sql/dialect'
import { deliveryRow, messageRow } from './sql/mapping'
import type { NewDelivery, StoredMessage } from './types'

/**
 * Many messages and their deliveries in one Postgres statement: each column travels as one
 * array parameter and `unnest` turns them back into rows, so the statement text is the same
 * whatever the batch size (nothing to compile per row, one round trip, atomic on its own).
 * `notify` is the statement that wakes the workers (`pg_notify`), run when deliveries were
 * inserted.
 */
export async function insertMessagesUnnest(
  db: Db,
  batch: Array<{ message: StoredMessage; deliveries: NewDelivery[] }>,
  channel: string,
): Promise<void> {
  const m = batch.map((b) => messageRow(b.message))
  const d = batch.flatMap((b) => b.deliveries.map(deliveryRow))
  const col = <T, K extends keyof T>(rows: T[], key: K) => rows.map((r) => r[key])
  await sql`
    with m as (
      insert into clockhook_messages (id, tenant_id, type, timestamp, payload, seq, is_test, created_at)
      select id, tenant_id, type, ts, payload, null, is_test, created_at
      from unnest(${col(m, 'id')}::text[], ${col(m, 'tenant_id')}::text[], ${col(m, 'type')}::text[],
        ${col(m, 'timestamp')}::bigint[], ${col(m, 'payload')}::text[], ${col(m, 'is_test')}::integer[],
        ${col(m, 'created_at')}::bigint[])
        as x(id, tenant_id, type, ts, payload, is_test, created_at)
    ), d as (
      insert into clockhook_deliveries (id, message_id, endpoint_id, tenant_id, event_type, status,
        attempts, next_attempt_at, leased_until, lease_token, is_test, last_http_status, last_error,
        created_at, updated_at)
      select id, message_id, endpoint_id, tenant_id, event_type, 'pending', 0, next_attempt_at, null, 0,
        is_test, null, null, created_at, created_at
      from unnest(${col(d, 'id')}::text[], ${col(d, 'message_id')}::text[], ${col(d, 'endpoint_id')}::text[],
        ${col(d, 'tenant_id')}::text[], ${col(d, 'event_type')}::text[], ${col(d, 'next_attempt_at')}::bigint[],
        ${col(d, 'is_test')}::integer[], ${col(d, 'created_at')}::bigint[])
        as y(id, message_id, endpoint_id, tenant_id, event_type, next_attempt_at, is_test, created_at)
    )
    select ${d.length > 0 ? sql`pg_notify(${channel}, '')` : sql`null`}`.execute(db)
}
