import type { Kysely, RawBuilder, SqliteDatabase, SqliteStatement } from 'kysely'
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

/** The parts of a better-sqlite3 `Statement` beyond kysely's view of it. */
interface BetterSqlite3Statement extends SqliteStatement {
  get(parameters: ReadonlyArray<unknown>): unknown
  pluck(toggle?: boolean): this
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

  // better-sqlite3's statements (the store checked it is given a better-sqlite3 Database)
  const prepare = (text: string) => database.prepare(text) as BetterSqlite3Statement
  let statements: ReturnType<typeof prepareStatements> | undefined
  function prepareStatements() {
    return {
      message: prepare('select * from clockhook_messages where id = ?'),
      endpoint: prepare('select * from clockhook_endpoints where id = ?'),
      record: database.prepare(`
        update clockhook_deliveries
        set status = ?, attempts = attempts + 1, next_attempt_at = ?, leased_until = null,
          permit_until = null, pending_trigger = null, last_http_status = ?, last_error = ?,
          updated_at = ?
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
  /**
   * A statement built from the shared kysely rules, compiled and prepared once: `build` is
   * called with sentinel values (one per named argument), which `bind` later replaces, by
   * position, with the call's values.
   */
  function fixed<K extends string>(
    names: readonly K[],
    build: (sentinel: Record<K, unknown>) => RawBuilder<unknown>,
  ) {
    const sentinel = Object.fromEntries(
      names.map((name) => [name, `\u0000clockhook:${name}`]),
    ) as Record<K, string>
    const { sql: text, parameters } = build(sentinel).compile(db)
    const slots = parameters.map((p) => names.find((name) => sentinel[name] === p))
    return {
      statement: prepare(text),
      bind: (values: Record<K, unknown>) =>
        slots.map((name, i) => (name === undefined ? parameters[i] : values[name])),
    }
  }
  let failingSince: ReturnType<typeof prepareFailingSince> | undefined
  const prepareFailingSince = () =>
    fixed(['sawSuccess', 'streakStart', 'endpointId'], (v) => {
      const next = failingSinceAfterSql(sql`${v.sawSuccess} = 1`, sql`${v.streakStart}`)
      return sql`update clockhook_endpoints set failing_since = ${next}
        where id = ${v.endpointId} and failing_since is not ${next}`
    })

  // Attempt rows go in several at a time: fewer statements to run for the same rows.
  const ATTEMPT_CHUNK = 25
  const ATTEMPT_COLUMNS = 13
  let attemptChunk: BetterSqlite3Statement | undefined
  const insertAttempts = (values: unknown[]) => {
    const rows = values.length / ATTEMPT_COLUMNS
    let at = 0
    if (rows >= ATTEMPT_CHUNK) {
      attemptChunk ??= prepare(
        `insert into clockhook_attempts (id, delivery_id, endpoint_id, trigger, attempted_at,
          duration_ms, succeeded, http_status, error_kind, error_message, request_headers,
          request_preview, response_preview) values ${Array.from(
            { length: ATTEMPT_CHUNK },
            () => `(${Array(ATTEMPT_COLUMNS).fill('?').join(', ')})`,
          ).join(', ')}`,
      )
      for (; at + ATTEMPT_CHUNK <= rows; at += ATTEMPT_CHUNK) {
        attemptChunk.run(values.slice(at * ATTEMPT_COLUMNS, (at + ATTEMPT_CHUNK) * ATTEMPT_COLUMNS))
      }
    }
    const single = stmts().attempt
    for (; at < rows; at++) {
      single.run(values.slice(at * ATTEMPT_COLUMNS, (at + 1) * ATTEMPT_COLUMNS))
    }
  }

  const recordAll = immediate(
    database.transaction!((outcomes: AttemptOutcome[], now: number): Set<string> => {
      const s = stmts()
      const applied = new Set<string>()
      const byEndpoint = new Map<string, Attempt[]>()
      const attempts: unknown[] = []
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
        attempts.push(
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
        )
        const list = byEndpoint.get(o.attempt.endpointId) ?? []
        list.push(o.attempt)
        byEndpoint.set(o.attempt.endpointId, list)
      }
      insertAttempts(attempts)
      failingSince ??= prepareFailingSince()
      for (const [endpointId, list] of byEndpoint) {
        const { sawSuccess, streakStart } = failureStreak(list)
        failingSince.statement.run(
          failingSince.bind({ sawSuccess: sawSuccess ? 1 : 0, streakStart, endpointId }),
        )
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

  // The claim's statements, compiled once per shape from the shared rules: the values that
  // change per call are sentinels at compile time, bound by position afterwards.
  const claimStatements = new Map<boolean, ReturnType<typeof compileClaim>>()
  function compileClaim(skipping: boolean) {
    const names = ['now', 'limit', 'until', 'skip', 'owner'] as const
    const except = (skip: unknown) =>
      skipping ? sql<boolean>`d.endpoint_id not in (select value from json_each(${skip}))` : null
    const probe = fixed(
      names,
      (v) => sql`select exists (${dueDeliveryIdsSql(v.now as number, 1, except(v.skip))}) as due`,
    )
    const claim = fixed(
      names,
      (v) => sql`
        with due as (${dueDeliveryIdsSql(v.now as number, v.limit as number, except(v.skip))})
        update clockhook_deliveries
        set lease_token = lease_token + 1, leased_until = ${v.until}, leased_by = ${v.owner}
        where id in (select id from due)
        returning *`,
    )
    return {
      probe: probe.statement.pluck(),
      probeArgs: probe.bind,
      claim: claim.statement,
      claimArgs: claim.bind,
    }
  }

  async function claimDue(
    now: number,
    limit: number,
    leaseMs: number,
    options: ClaimOptions,
  ): Promise<ClaimedDelivery[]> {
    const skipping = (options.skipEndpoints?.length ?? 0) > 0
    const args = {
      now,
      limit,
      until: now + leaseMs,
      skip: skipping ? JSON.stringify(options.skipEndpoints) : '',
      owner: options.owner ?? null,
    }
    return db.connection().execute(async () => {
      let c = claimStatements.get(skipping)
      if (!c) {
        c = compileClaim(skipping)
        claimStatements.set(skipping, c)
      }
      // A claim is a write; most polls find nothing, so a cheap read goes first.
      if (!c.probe.get(c.probeArgs(args))) return []
      return claimAll(c, args)
    })
  }

  // The lease and the reads of what it leased in one transaction: one snapshot, one commit.
  const claimAll = immediate(
    database.transaction!(
      (
        c: ReturnType<typeof compileClaim>,
        args: Parameters<ReturnType<typeof compileClaim>['claimArgs']>[0],
      ): ClaimedDelivery[] => {
        const s = stmts()
        const rows = c.claim.all(c.claimArgs(args)) as DeliveryTable[]
        const endpoints = new Map<string, ReturnType<typeof endpointFromRow> | undefined>()
        const out: ClaimedDelivery[] = []
        for (const row of rows) {
          let endpoint = endpoints.get(row.endpoint_id)
          if (endpoint === undefined && !endpoints.has(row.endpoint_id)) {
            const e = s.endpoint.get([row.endpoint_id]) as EndpointTable | undefined
            endpoint = e && endpointFromRow(e)
            endpoints.set(row.endpoint_id, endpoint)
          }
          const message = s.message.get([row.message_id]) as MessageTable | undefined
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
      },
    ),
  )

  // Permits and releases: synchronous transactions, run on the connection kysely hands out
  // (never inside a host's)
  const writes = sqlitePermitsAndReleases(
    database as Parameters<typeof sqlitePermitsAndReleases>[0],
  )

  const shared = createSqlStore(db, {
    kind: 'sqlite',
    claimDue: (_db, now, limit, leaseMs, options) => claimDue(now, limit, leaseMs, options),
    async recordOutcomes(_db, outcomes, now) {
      if (outcomes.length === 0) return new Set<string>()
      return db.connection().execute(async () => recordAll(outcomes, now))
    },
    acquirePermits: (_db, request, now) =>
      db.connection().execute(async () => writes.acquirePermits(request, now)),
    async lockSequencer() {},
    async close() {},
  })

  return {
    ...shared,
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
