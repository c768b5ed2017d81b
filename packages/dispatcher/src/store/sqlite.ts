import type { Kysely, SqliteDatabase } from 'kysely'
import { Kysely as KyselyClass, SqliteDialect } from 'kysely'
import {
  attemptRow,
  deliveryFromRow,
  deliveryRow,
  endpointFromRow,
  messageFromRow,
  messageRow,
} from './sql/mapping'
import type { DeliveryTable, EndpointTable, MessageTable, Schema } from './sql/schema'
import { createSqlStore, triggerOf } from './sql/sql-store'
import type {
  AttemptOutcome,
  ClaimedDelivery,
  ClaimOptions,
  DeliveryStore,
  NewDelivery,
  StoredMessage,
} from './types'

/** The part of a better-sqlite3 `Database` the store uses. */
interface BetterSqlite3Database extends SqliteDatabase {
  pragma?(source: string): unknown
  transaction?<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R
}

export interface SqliteStoreOptions {
  /**
   * A better-sqlite3 `Database`. The store switches it to WAL and sets a busy timeout;
   * it never closes it: the database stays the host's.
   */
  database: BetterSqlite3Database
  /**
   * The host's own kysely instance over the same database, if it has one. Pass it when
   * the host writes in transactions: `send(…, { trx })` then joins them, and the
   * dispatcher's own writes wait for them instead of running inside them.
   */
  kysely?: Kysely<unknown>
  /**
   * SQLite's `synchronous` setting. `normal` (the default; WAL's usual choice): a commit
   * survives a crash of the process; the last commits may be lost if the machine loses
   * power. `full`: a commit also survives power loss, at an fsync per commit (≈ 0.3 ms on
   * our benchmark machine). `keep`: leave the host's setting alone.
   */
  synchronous?: 'normal' | 'full' | 'keep'
}

const dueSql = (skip: boolean) => `
    select d.id from clockhook_deliveries d
    join clockhook_endpoints e on e.id = d.endpoint_id
    where d.status in ('pending', 'retrying') and d.next_attempt_at <= ?
      and (d.leased_until is null or d.leased_until <= ?) and e.enabled = 1
      ${skip ? 'and d.endpoint_id not in (select value from json_each(?))' : ''}
      and (e.ordered = 0 or d.is_test = 1 or not exists (
        select 1 from clockhook_deliveries p
        where p.endpoint_id = d.endpoint_id and p.status in ('pending', 'retrying')
          and p.is_test = 0 and p.id < d.id))
    order by d.next_attempt_at
    limit ?`

// A claim is a write; most polls find nothing, so a cheap read goes first. Each comes in
// two forms: without a skip list (the common case, the plainest plan) and with one.
const anyDueSql = (skip: boolean) => `select exists (${dueSql(skip)}) as due`
const claimSql = (skip: boolean) => `
  with due as (${dueSql(skip)})
  update clockhook_deliveries
  set lease_token = lease_token + 1, leased_until = ?, leased_by = ?
  where id in (select id from due)
  returning *`

/**
 * The dispatcher's tables in a SQLite database (better-sqlite3, WAL).
 *
 * The two hot paths, claiming and recording attempts, run as cached prepared statements
 * on the connection kysely hands out (so they never run inside a host transaction);
 * everything else is the SQL implementation shared with Postgres.
 *
 * @example
 * import Database from 'better-sqlite3'
 * const store = sqliteStore({ database: new Database('app.db') })
 * await store.migrate()
 */
export function sqliteStore(options: SqliteStoreOptions): DeliveryStore {
  const { database } = options
  if (typeof database?.prepare !== 'function' || typeof database.transaction !== 'function') {
    throw new TypeError('sqliteStore needs { database }: a better-sqlite3 Database')
  }
  database.pragma?.('journal_mode = WAL')
  database.pragma?.('busy_timeout = 5000')
  const synchronous = options.synchronous ?? 'normal'
  if (synchronous !== 'keep')
    database.pragma?.(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`)
  const db = (options.kysely ??
    new KyselyClass<Schema>({ dialect: new SqliteDialect({ database }) })) as Kysely<Schema>

  let statements: ReturnType<typeof prepareStatements> | undefined
  function prepareStatements() {
    return {
      anyDue: database.prepare(anyDueSql(false)),
      claim: database.prepare(claimSql(false)),
      anyDueSkipping: database.prepare(anyDueSql(true)),
      claimSkipping: database.prepare(claimSql(true)),
      message: database.prepare('select * from clockhook_messages where id = ?'),
      endpoint: database.prepare('select * from clockhook_endpoints where id = ?'),
      record: database.prepare(`
        update clockhook_deliveries
        set status = ?, attempts = attempts + 1, next_attempt_at = ?, leased_until = null,
          pending_trigger = null, last_http_status = ?, last_error = ?, updated_at = ?
        where id = ? and lease_token = ? and leased_until is not null`),
      attempt: database.prepare(`
        insert into clockhook_attempts (id, delivery_id, endpoint_id, trigger, attempted_at,
          duration_ms, succeeded, http_status, error_kind, error_message, request_headers,
          request_preview, response_preview)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      enabledEndpoints: database.prepare(
        'select * from clockhook_endpoints where tenant_id = ? and enabled = 1',
      ),
      insertMessage: database.prepare(`
        insert into clockhook_messages (id, tenant_id, type, timestamp, payload, seq, is_test, created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?)`),
      insertDelivery: database.prepare(`
        insert into clockhook_deliveries (id, message_id, endpoint_id, tenant_id, event_type, status,
          attempts, next_attempt_at, leased_until, lease_token, is_test, last_http_status, last_error,
          created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      healthy: database.prepare(
        'update clockhook_endpoints set failing_since = null where id = ? and failing_since is not null',
      ),
      failing: database.prepare(
        'update clockhook_endpoints set failing_since = ? where id = ? and failing_since is null',
      ),
    }
  }
  // Prepared lazily: the tables exist only after migrate().
  const stmts = () => (statements ??= prepareStatements())

  const recordAll = database.transaction!(
    (outcomes: AttemptOutcome[], now: number): Set<string> => {
      const s = stmts()
      const applied = new Set<string>()
      const lastByEndpoint = new Map<string, AttemptOutcome>()
      for (const o of outcomes) {
        const r = s.record.run([
          o.status,
          o.nextAttemptAt,
          o.attempt.httpStatus,
          o.attempt.errorMessage,
          now,
          o.deliveryId,
          o.leaseToken,
        ])
        if (Number(r.changes) === 0) continue
        applied.add(o.deliveryId)
        const a = attemptRow(o.attempt)
        s.attempt.run([
          a.id,
          a.delivery_id,
          a.endpoint_id,
          a.trigger,
          a.attempted_at,
          a.duration_ms,
          a.succeeded,
          a.http_status,
          a.error_kind,
          a.error_message,
          a.request_headers,
          a.request_preview,
          a.response_preview,
        ])
        lastByEndpoint.set(o.attempt.endpointId, o)
      }
      for (const [endpointId, o] of lastByEndpoint) {
        if (o.attempt.succeeded) s.healthy.run([endpointId])
        else s.failing.run([o.attempt.attemptedAt, endpointId])
      }
      return applied
    },
  )

  const insertAll = database.transaction!((message: StoredMessage, deliveries: NewDelivery[]) => {
    const s = stmts()
    s.insertMessage.run(Object.values(messageRow(message)))
    for (const d of deliveries) s.insertDelivery.run(Object.values(deliveryRow(d)))
  })

  async function claimDue(
    now: number,
    limit: number,
    leaseMs: number,
    options: ClaimOptions,
  ): Promise<ClaimedDelivery[]> {
    const skipping = (options.skipEndpoints?.length ?? 0) > 0
    const skip = skipping ? [JSON.stringify(options.skipEndpoints)] : []
    return db.connection().execute(async () => {
      const s = stmts()
      const anyDue = skipping ? s.anyDueSkipping : s.anyDue
      const [probe] = anyDue.all([now, now, ...skip, 1]) as Array<{ due: number }>
      if (!probe?.due) return []
      const claim = skipping ? s.claimSkipping : s.claim
      const rows = claim.all([
        now,
        now,
        ...skip,
        limit,
        now + leaseMs,
        options.owner ?? null,
      ]) as DeliveryTable[]
      const endpoints = new Map<string, ReturnType<typeof endpointFromRow> | undefined>()
      const out: ClaimedDelivery[] = []
      for (const row of rows) {
        if (!endpoints.has(row.endpoint_id)) {
          const e = s.endpoint.all([row.endpoint_id])[0] as EndpointTable | undefined
          endpoints.set(row.endpoint_id, e && endpointFromRow(e))
        }
        const endpoint = endpoints.get(row.endpoint_id)
        const message = s.message.all([row.message_id])[0] as MessageTable | undefined
        if (!endpoint || !message) continue
        out.push({
          delivery: deliveryFromRow(row),
          leaseToken: row.lease_token,
          message: messageFromRow(message),
          endpoint,
          trigger: triggerOf(row),
        })
      }
      return out
    })
  }

  const shared = createSqlStore(db, {
    kind: 'sqlite',
    claimDue: (_db, now, limit, leaseMs, options) => claimDue(now, limit, leaseMs, options),
    async complete(_db, outcomes, now) {
      if (outcomes.length === 0) return new Set<string>()
      return db.connection().execute(async () => recordAll(outcomes, now))
    },
    async lockSequencer() {},
    async close() {},
  })

  return {
    ...shared,
    // Without a host transaction, sends also take the prepared-statement path.
    async enabledEndpoints(tenantId, trx) {
      if (trx !== undefined) return shared.enabledEndpoints(tenantId, trx)
      return db
        .connection()
        .execute(async () =>
          (stmts().enabledEndpoints.all([tenantId]) as EndpointTable[]).map(endpointFromRow),
        )
    },
    async insertMessage(message, deliveries, trx) {
      if (trx !== undefined) return shared.insertMessage(message, deliveries, trx)
      await db.connection().execute(async () => insertAll(message, deliveries))
    },
  }
}
