import type { Kysely, RawBuilder, SqliteDatabase } from 'kysely'
import { Kysely as KyselyClass, SqliteDialect, sql } from 'kysely'
import type { Attempt } from '../types'
import { failureStreak } from './rules'
import {
  attemptRow,
  deliveryFromRow,
  deliveryRow,
  endpointFromRow,
  messageFromRow,
  messageRow,
  triggerOf,
} from './sql/mapping'
import { dueDeliveryIdsSql, failingSinceAfterSql } from './sql/rules'
import type { DeliveryTable, EndpointTable, MessageTable, Schema } from './sql/schema'
import { createSqlStore } from './sql/sql-store'
import { sqlitePermitsAndReleases } from './sqlite-permits'
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
  transaction?<A extends unknown[], R>(
    fn: (...args: A) => R,
  ): ((...args: A) => R) & { immediate?: (...args: A) => R }
}

/**
 * A better-sqlite3 transaction begun IMMEDIATE: it takes the write lock first (waiting up
 * to the busy timeout), so a read followed by a write can never fail with
 * SQLITE_BUSY_SNAPSHOT when another process writes the same file.
 */
const immediate = <A extends unknown[], R>(
  tx: ((...args: A) => R) & { immediate?: (...args: A) => R },
): ((...args: A) => R) => tx.immediate ?? tx

export interface SqliteStoreOptions<DB = unknown> {
  /**
   * A better-sqlite3 `Database`. The store switches it to WAL and sets a busy timeout;
   * it never closes it: the database stays the host's.
   */
  database: BetterSqlite3Database
  /**
   * The host's own kysely instance over the same database (any schema type), if it has one. Pass it when
   * the host writes in transactions: `send(…, { trx })` then joins them, and the
   * dispatcher's own writes wait for them instead of running inside them.
   */
  kysely?: Kysely<DB>
  /**
   * SQLite's `synchronous` setting. `normal` (the default; WAL's usual choice): a commit
   * survives a crash of the process; the last commits may be lost if the machine loses
   * power. `full`: a commit also survives power loss, at an fsync per commit (≈ 0.3 ms on
   * our benchmark machine). `keep`: leave the host's setting alone.
   */
  synchronous?: 'normal' | 'full' | 'keep'
}

// The endpoints a claim leaves out: one JSON parameter, so the statement text stays the same.
const exceptSql = (skip: readonly string[] | undefined) =>
  skip && skip.length > 0
    ? sql<boolean>`d.endpoint_id not in (select value from json_each(${JSON.stringify(skip)}))`
    : null

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
export function sqliteStore<DB = unknown>(options: SqliteStoreOptions<DB>): DeliveryStore {
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
    new KyselyClass<Schema>({
      dialect: new SqliteDialect({ database }),
    })) as unknown as Kysely<Schema>

  let statements: ReturnType<typeof prepareStatements> | undefined
  function prepareStatements() {
    return {
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
    }
  }
  // Prepared lazily: the tables exist only after migrate().
  const stmts = () => (statements ??= prepareStatements())
  // Statements built from the shared kysely rules: compiled per call (cheap), prepared once per text.
  const compiled = new Map<string, ReturnType<SqliteDatabase['prepare']>>()
  function statement(query: RawBuilder<unknown>) {
    const { sql: text, parameters } = query.compile(db)
    let prepared = compiled.get(text)
    if (!prepared) {
      prepared = database.prepare(text)
      compiled.set(text, prepared)
    }
    return { all: () => prepared.all(parameters), run: () => prepared.run(parameters) }
  }

  const recordAll = immediate(
    database.transaction!((outcomes: AttemptOutcome[], now: number): Set<string> => {
      const s = stmts()
      const applied = new Set<string>()
      const byEndpoint = new Map<string, Attempt[]>()
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
        const list = byEndpoint.get(o.attempt.endpointId) ?? []
        list.push(o.attempt)
        byEndpoint.set(o.attempt.endpointId, list)
      }
      for (const [endpointId, list] of byEndpoint) {
        const { sawSuccess, streakStart } = failureStreak(list)
        const next = failingSinceAfterSql(sql`${sawSuccess ? 1 : 0} = 1`, sql`${streakStart}`)
        statement(
          sql`update clockhook_endpoints set failing_since = ${next}
            where id = ${endpointId} and failing_since is not ${next}`,
        ).run()
      }
      return applied
    }),
  )

  const insertAll = immediate(
    database.transaction!((message: StoredMessage, deliveries: NewDelivery[]) => {
      const s = stmts()
      s.insertMessage.run(Object.values(messageRow(message)))
      for (const d of deliveries) s.insertDelivery.run(Object.values(deliveryRow(d)))
    }),
  )
  // many messages, one transaction: the per-transaction cost is most of a single send's
  const insertBatch = immediate(
    database.transaction!((batch: Array<{ message: StoredMessage; deliveries: NewDelivery[] }>) => {
      const s = stmts()
      for (const { message, deliveries } of batch) {
        s.insertMessage.run(Object.values(messageRow(message)))
        for (const d of deliveries) s.insertDelivery.run(Object.values(deliveryRow(d)))
      }
    }),
  )

  async function claimDue(
    now: number,
    limit: number,
    leaseMs: number,
    options: ClaimOptions,
  ): Promise<ClaimedDelivery[]> {
    const except = exceptSql(options.skipEndpoints)
    return db.connection().execute(async () => {
      const s = stmts()
      // A claim is a write; most polls find nothing, so a cheap read goes first.
      const [probe] = statement(
        sql`select exists (${dueDeliveryIdsSql(now, 1, except)}) as due`,
      ).all() as Array<{ due: number }>
      if (!probe?.due) return []
      const rows = statement(sql`
        with due as (${dueDeliveryIdsSql(now, limit, except)})
        update clockhook_deliveries
        set lease_token = lease_token + 1, leased_until = ${now + leaseMs},
          leased_by = ${options.owner ?? null}
        where id in (select id from due)
        returning *`).all() as DeliveryTable[]
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
    async recordOutcomes(_db, outcomes, now) {
      if (outcomes.length === 0) return new Set<string>()
      return db.connection().execute(async () => recordAll(outcomes, now))
    },
    async lockSequencer() {},
    async close() {},
  })

  // Synchronous transactions, run on the connection kysely hands out (never inside a host's)
  const writes = sqlitePermitsAndReleases(
    database as Parameters<typeof sqlitePermitsAndReleases>[0],
  )

  return {
    ...shared,
    acquirePermits: (request, now) =>
      db.connection().execute(async () => writes.acquirePermits(request, now)),
    release: (releases) => db.connection().execute(async () => writes.release(releases)),
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
    async insertMessages(batch, trx) {
      if (trx !== undefined) return shared.insertMessages(batch, trx)
      await db.connection().execute(async () => insertBatch(batch))
    },
  }
}
