import type { Kysely, PostgresPool, Selectable } from 'kysely'
import { Kysely as KyselyClass, PostgresDialect, sql } from 'kysely'
import { insertMessagesUnnest } from './postgres-bulk'
import { acquirePermitsPostgres } from './postgres-permits'
import {
  attemptRow,
  deliveryFromRow,
  deliveryRow,
  endpointFromRow,
  messageFromRow,
  messageRow,
  triggerOf,
} from './sql/mapping'
import { dueDeliveryIdsByIndexSql, failingSinceAfterSql } from './sql/rules'
import type { DeliveryTable, EndpointTable, Schema } from './sql/schema'
import { createSqlStore } from './sql/sql-store'
import type { ClaimedDelivery, DeliveryStore, StoredEndpoint } from './types'

const CHANNEL = 'clockhook_wakeup'

type MessageColumns = {
  m_tenant_id: string
  m_type: string
  m_timestamp: number | string
  m_payload: string
  m_seq: number | string | null
  m_is_test: number
  m_created_at: number | string
}

const wellFormed = <T extends string | null>(text: T): T =>
  (text === null ? text : (text as string & { toWellFormed(): string }).toWellFormed()) as T

// The endpoint columns a claim reads alongside each delivery, prefixed `e_`.
const ENDPOINT_COLUMNS = [
  'tenant_id',
  'url',
  'description',
  'secrets',
  'event_types',
  'enabled',
  'disabled_reason',
  'version',
  'headers',
  'rate_limit_per_second',
  'max_concurrency',
  'ordered',
  'timeout_ms',
  'metadata',
  'failing_since',
  'created_at',
  'updated_at',
] as const satisfies ReadonlyArray<keyof EndpointTable>

type EndpointColumns = {
  [K in (typeof ENDPOINT_COLUMNS)[number] as `e_${K}`]: Selectable<EndpointTable>[K]
}

/** The part of a `pg` client that LISTEN needs. */
interface ListeningClient {
  query(text: string): Promise<unknown>
  on(event: 'notification', listener: (msg: { channel: string }) => void): unknown
  on(event: 'error', listener: (err: Error) => void): unknown
  removeAllListeners(event?: string): unknown
  release(err?: Error | boolean): void
}

export interface PostgresStoreOptions<DB = unknown> {
  /** A `pg` Pool. The store never ends it: the pool stays the host's. */
  pool: PostgresPool
  /**
   * The host's own kysely instance over the same pool (any schema type), so `send(…, { trx })`
   * and the management methods' `{ trx }` join the host's transactions.
   */
  kysely?: Kysely<DB>
}

/**
 * The dispatcher's tables in PostgreSQL (pg). Claims use `FOR UPDATE SKIP LOCKED`, so
 * any number of dispatchers on any number of machines share the work; sends wake them
 * through `LISTEN/NOTIFY`.
 *
 * @example
 * import pg from 'pg'
 * const store = postgresStore({ pool: new pg.Pool({ connectionString }) })
 * await store.migrate()
 */
export function postgresStore<DB = unknown>(options: PostgresStoreOptions<DB>): DeliveryStore {
  const { pool } = options
  if (typeof pool?.connect !== 'function') {
    throw new TypeError('postgresStore needs { pool }: a pg Pool')
  }
  const db = (options.kysely ??
    new KyselyClass<Schema>({
      dialect: new PostgresDialect({ pool }),
    })) as unknown as Kysely<Schema>
  const listeners = new Set<ListeningClient>()
  return createSqlStore(db, {
    kind: 'postgres',
    async claimDue(x, now, limit, leaseMs, options) {
      const until = now + leaseMs
      const skip = [...(options.skipEndpoints ?? [])]
      // One statement, one round trip: claim, lease, and read the messages and endpoints.
      // SKIP LOCKED lets any number of workers claim side by side without waiting on each
      // other; the commit does not wait for the disk (set_config is local to this
      // statement's transaction, as in recordOutcomes).
      const result = await sql<DeliveryTable & MessageColumns & EndpointColumns>`
        with cfg as materialized (select set_config('synchronous_commit', 'off', true) as v),
        due as (${dueDeliveryIdsByIndexSql(
          now,
          limit,
          sql<boolean>`d.endpoint_id <> all(${skip}::text[])`,
          sql`for update of d skip locked`,
        )}        ), claimed as (
          update clockhook_deliveries
          set lease_token = lease_token + 1, leased_until = ${until},
            leased_by = ${options.owner ?? null}::text
          where id in (select id from due) and (select v from cfg) is not null
          returning *
        )
        select c.*, m.tenant_id as m_tenant_id, m.type as m_type, m.timestamp as m_timestamp,
          m.payload as m_payload, m.seq as m_seq, m.is_test as m_is_test, m.created_at as m_created_at,
          ${sql.raw(ENDPOINT_COLUMNS.map((c) => `e.${c} as e_${c}`).join(', '))}
        from claimed c join clockhook_messages m on m.id = c.message_id
          join clockhook_endpoints e on e.id = c.endpoint_id`.execute(x)
      if (result.rows.length === 0) return []
      const endpoints = new Map<string, StoredEndpoint>()
      const out: ClaimedDelivery[] = []
      for (const r of result.rows) {
        let endpoint = endpoints.get(r.endpoint_id)
        if (!endpoint) {
          endpoint = endpointFromRow({
            id: r.endpoint_id,
            tenant_id: r.e_tenant_id,
            url: r.e_url,
            description: r.e_description,
            secrets: r.e_secrets,
            event_types: r.e_event_types,
            enabled: r.e_enabled,
            disabled_reason: r.e_disabled_reason,
            version: r.e_version,
            headers: r.e_headers,
            rate_limit_per_second: r.e_rate_limit_per_second,
            max_concurrency: r.e_max_concurrency,
            ordered: r.e_ordered,
            timeout_ms: r.e_timeout_ms,
            metadata: r.e_metadata,
            failing_since: r.e_failing_since,
            created_at: r.e_created_at,
            updated_at: r.e_updated_at,
          })
          endpoints.set(r.endpoint_id, endpoint)
        }
        const message = messageFromRow({
          id: r.message_id,
          tenant_id: r.m_tenant_id,
          type: r.m_type,
          timestamp: r.m_timestamp,
          payload: r.m_payload,
          seq: r.m_seq,
          is_test: r.m_is_test,
          created_at: r.m_created_at,
        })
        out.push({
          delivery: deliveryFromRow(r),
          leaseToken: r.lease_token,
          message,
          endpoint,
          trigger: triggerOf(r),
        })
      }
      return out
    },
    async recordOutcomes(x, outcomes, now) {
      if (outcomes.length === 0) return new Set<string>()
      // One statement, one round trip: the fenced update, the attempt rows and the
      // endpoints' failure streaks. Rows are found by primary key (`= any`) and read their
      // new values from a jsonb map — no join for the planner to turn into a per-row
      // rescan. The commit does not wait for the disk (set_config, local to the statement's
      // transaction).
      const byId: Record<
        string,
        { t: number; s: string; n: number | null; h: number | null; e: string | null }
      > = {}
      for (const o of outcomes) {
        byId[o.deliveryId] = {
          t: o.leaseToken,
          s: o.status,
          n: o.nextAttemptAt,
          h: o.attempt.httpStatus,
          e: wellFormed(o.attempt.errorMessage),
        }
      }
      const m = sql`${JSON.stringify(byId)}::jsonb -> d.id`
      const failingSince = failingSinceAfterSql(sql`streak.saw_success`, sql`streak.streak_start`)
      // The attempt rows as one JSON text (V8's JSON.stringify, parsed by the server) rather
      // than 13 arrays the driver escapes character by character; `request_headers` goes in
      // as JSON, so the stored text is exactly JSON.stringify of the headers.
      // Text is made well-formed first, as the driver's UTF-8 encoding did (a lone surrogate
      // becomes U+FFFD): the server refuses one escaped in JSON.
      const rows = JSON.stringify(
        outcomes.map(({ attempt: { requestHeaders, ...rest } }) => ({
          ...attemptRow({ ...rest, requestHeaders: {} }),
          error_message: wellFormed(rest.errorMessage),
          request_headers: requestHeaders,
          request_preview: wellFormed(rest.requestPreview),
          response_preview: wellFormed(rest.responsePreview),
        })),
      )
      const result = await sql<{ id: string }>`
        with cfg as materialized (select set_config('synchronous_commit', 'off', true) as v),
        upd as (
          update clockhook_deliveries d
          set status = ${m} ->> 's', attempts = d.attempts + 1, next_attempt_at = (${m} ->> 'n')::bigint,
            leased_until = null, permit_until = null, pending_trigger = null, last_http_status = (${m} ->> 'h')::integer, last_error = ${m} ->> 'e',
            updated_at = ${now}
          where d.id = any(${Object.keys(byId)}::text[]) and d.lease_token = (${m} ->> 't')::integer
            and d.leased_until is not null and (select v from cfg) is not null
          returning d.id
        ),
        a as (
          select a.id, a.delivery_id, a.endpoint_id, a.trigger, a.attempted_at, a.duration_ms, a.succeeded,
            a.http_status, a.error_kind, a.error_message, a.request_headers::text as request_headers,
            a.request_preview, a.response_preview, a.ord
          from rows from (json_to_recordset(${rows}::json)
            as (id text, delivery_id text, endpoint_id text, trigger text, attempted_at bigint,
              duration_ms integer, succeeded integer, http_status integer, error_kind text,
              error_message text, request_headers json, request_preview text, response_preview text)
          ) with ordinality as a(id, delivery_id, endpoint_id, trigger, attempted_at, duration_ms,
            succeeded, http_status, error_kind, error_message, request_headers, request_preview,
            response_preview, ord)
          where a.delivery_id in (select id from upd)
        ),
        ins as (
          insert into clockhook_attempts (id, delivery_id, endpoint_id, trigger, attempted_at, duration_ms,
            succeeded, http_status, error_kind, error_message, request_headers, request_preview, response_preview)
          select id, delivery_id, endpoint_id, trigger, attempted_at, duration_ms, succeeded, http_status,
            error_kind, error_message, request_headers, request_preview, response_preview from a
        ),
        last_success as (
          select endpoint_id, max(ord) filter (where succeeded = 1) as ord from a group by endpoint_id
        ),
        streak as (
          select a.endpoint_id, l.ord is not null as saw_success,
            min(a.attempted_at) filter (where a.succeeded = 0 and a.ord > coalesce(l.ord, 0)) as streak_start
          from a join last_success l on l.endpoint_id = a.endpoint_id
          group by a.endpoint_id, l.ord
        ),
        health as (
          update clockhook_endpoints e set failing_since = ${failingSince} from streak
          where e.id = streak.endpoint_id and e.failing_since is distinct from ${failingSince}
        )
        select id from upd`.execute(x)
      return new Set(result.rows.map((r) => r.id))
    },
    async currentSchema(x) {
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(x)
      if (!rows[0]?.schema)
        throw new Error('the connection has no current schema (check search_path)')
      return rows[0].schema
    },
    async insertMessage(x, message, deliveries) {
      // One statement, so one round trip and atomic without an explicit transaction.
      const m = messageRow(message)
      const rows = deliveries.map(deliveryRow)
      const deliveryValues =
        rows.length === 0
          ? sql`select null::text, null::text, null::text, null::text, null::text, null::text, null::integer, null::bigint, null::bigint, null::integer, null::integer, null::integer, null::text, null::bigint, null::bigint where false`
          : sql`values ${sql.join(rows.map((d) => sql`(${d.id}, ${d.message_id}, ${d.endpoint_id}, ${d.tenant_id}, ${d.event_type}, ${d.status}, ${d.attempts}::integer, ${d.next_attempt_at}::bigint, null::bigint, 0, ${d.is_test}::integer, null::integer, null::text, ${d.created_at}::bigint, ${d.updated_at}::bigint)`))}`
      await sql`
        with m as (
          insert into clockhook_messages (id, tenant_id, type, timestamp, payload, seq, is_test, created_at)
          values (${m.id}, ${m.tenant_id}, ${m.type}, ${m.timestamp}, ${m.payload}, null, ${m.is_test}, ${m.created_at})
        ), d as (
          insert into clockhook_deliveries (id, message_id, endpoint_id, tenant_id, event_type, status,
            attempts, next_attempt_at, leased_until, lease_token, is_test, last_http_status, last_error,
            created_at, updated_at)
          ${deliveryValues}
        )
        select ${rows.length > 0 ? sql`pg_notify(${CHANNEL}, '')` : sql`null`}`.execute(x)
    },
    insertMessages: (x, batch) => insertMessagesUnnest(x, batch, CHANNEL),
    acquirePermits: acquirePermitsPostgres,
    async lockSequencer(trx) {
      await sql`select pg_advisory_xact_lock(hashtext('clockhook_sequencer'))`.execute(trx)
    },
    async notify(x) {
      await sql`select pg_notify(${CHANNEL}, '')`.execute(x)
    },
    async subscribe(listener) {
      const client = (await pool.connect()) as unknown as ListeningClient
      listeners.add(client)
      client.on('notification', (msg) => {
        if (msg.channel === CHANNEL) listener()
      })
      client.on('error', () => {
        listeners.delete(client)
        client.release(true)
      })
      await client.query(`LISTEN ${CHANNEL}`)
      return async () => {
        if (!listeners.delete(client)) return
        client.removeAllListeners('notification')
        await client.query(`UNLISTEN ${CHANNEL}`).catch(() => undefined)
        client.release()
      }
    },
    async close() {
      for (const client of listeners) {
        client.removeAllListeners('notification')
        client.release(true)
      }
      listeners.clear()
    },
  })
}
