import type { Kysely, Transaction } from 'kysely'
import { sql } from 'kysely'
import { Migrator } from 'kysely/migration'
import type {
  AttemptOutcome,
  Backlog,
  ClaimedDelivery,
  ClaimOptions,
  DeliveryStore,
  NewDelivery,
  Release,
  StoredEndpoint,
  StoredMessage,
} from '../types'
import {
  attemptFromRow,
  deliveryFromRow,
  deliveryRow,
  endpointColumns,
  endpointFromRow,
  messageFromRow,
  messageRow,
} from './mapping'
import { isLeaseFreeSql, isOpenSql } from './rules'
import type { DeliveryTable, Schema } from './schema'
import { migrations } from './schema'

type Db = Kysely<Schema>

/** What differs between SQLite and Postgres; everything else is shared. */
export interface SqlDialectParts {
  kind: 'sqlite' | 'postgres'
  /** Leases due deliveries: the one query each dialect writes its own way. */
  claimDue(
    db: Db,
    now: number,
    limit: number,
    leaseMs: number,
    options: ClaimOptions,
  ): Promise<ClaimedDelivery[]>
  /**
   * The schema the tables live in (Postgres): kysely's migrator must be told, or it takes
   * another schema's migration table for ours.
   */
  currentSchema?(db: Db): Promise<string>
  /** Serialises the pull API's sequencer (an advisory lock on Postgres). */
  lockSequencer(trx: Transaction<Schema>): Promise<void>
  /** Records attempt outcomes, fenced by lease token: the other hot path. */
  recordOutcomes(db: Db, outcomes: AttemptOutcome[], now: number): Promise<Set<string>>
  /** Inserts a message and its deliveries in one statement (Postgres). */
  insertMessage?(db: Db, message: StoredMessage, deliveries: NewDelivery[]): Promise<void>
  /** Wakes other processes' dispatchers when the transaction commits. */
  notify?(db: Db): Promise<void>
  subscribe?(listener: () => void): Promise<() => Promise<void>>
  close(): Promise<void>
}

const SEQUENCE_BATCH = 5000

/** The one SQL implementation of `DeliveryStore`, shared by SQLite and Postgres. */
export function createSqlStore(db: Db, dialect: SqlDialectParts): DeliveryStore {
  const executor = (trx: unknown): Db => (trx ?? db) as Db

  async function withContext(rows: DeliveryTable[]): Promise<ClaimedDelivery[]> {
    if (rows.length === 0) return []
    const messageIds = [...new Set(rows.map((r) => r.message_id))]
    const endpointIds = [...new Set(rows.map((r) => r.endpoint_id))]
    const [messages, endpoints] = await Promise.all([
      db.selectFrom('clockhook_messages').selectAll().where('id', 'in', messageIds).execute(),
      db.selectFrom('clockhook_endpoints').selectAll().where('id', 'in', endpointIds).execute(),
    ])
    const messageById = new Map(messages.map((m) => [m.id, messageFromRow(m)]))
    const endpointById = new Map(endpoints.map((e) => [e.id, endpointFromRow(e)]))
    const out: ClaimedDelivery[] = []
    for (const row of rows) {
      const message = messageById.get(row.message_id)
      const endpoint = endpointById.get(row.endpoint_id)
      if (!message || !endpoint) continue
      out.push({
        delivery: deliveryFromRow(row),
        leaseToken: row.lease_token,
        message,
        endpoint,
        trigger: triggerOf(row),
      })
    }
    return out
  }

  async function sequenceMessages(): Promise<void> {
    for (;;) {
      const result = await db.transaction().execute(async (trx) => {
        await dialect.lockSequencer(trx)
        return sql`
          update clockhook_messages set seq = s.n
          from (
            select id, (select coalesce(max(seq), 0) from clockhook_messages)
              + row_number() over (order by id) as n
            from clockhook_messages
            where seq is null and is_test = 0
            order by id
            limit ${SEQUENCE_BATCH}
          ) as s
          where clockhook_messages.id = s.id`.execute(trx)
      })
      if (Number(result.numAffectedRows ?? 0) < SEQUENCE_BATCH) return
    }
  }

  return {
    kind: dialect.kind,

    async migrate() {
      const schema = await dialect.currentSchema?.(db)
      const migrator = new Migrator({
        db,
        provider: { getMigrations: async () => migrations(dialect.kind) },
        migrationTableName: 'clockhook_migrations',
        migrationLockTableName: 'clockhook_migrations_lock',
        ...(schema ? { migrationTableSchema: schema } : {}),
      })
      const { error } = await migrator.migrateToLatest()
      if (error) throw error
    },

    close: () => dialect.close(),

    async insertEndpoint(e: StoredEndpoint, trx) {
      await executor(trx)
        .insertInto('clockhook_endpoints')
        .values({
          ...(endpointColumns(e) as Required<ReturnType<typeof endpointColumns>>),
          id: e.id,
          tenant_id: e.tenantId,
          created_at: e.createdAt,
        })
        .execute()
    },
    async updateEndpoint(id, patch, trx) {
      const columns = endpointColumns(patch)
      if (Object.keys(columns).length > 0) {
        await executor(trx)
          .updateTable('clockhook_endpoints')
          .set(columns)
          .where('id', '=', id)
          .execute()
      }
      return this.getEndpoint(id, trx)
    },
    async deleteEndpoint(id, trx) {
      const run = async (x: Db) => {
        const gone = await x
          .deleteFrom('clockhook_endpoints')
          .where('id', '=', id)
          .executeTakeFirst()
        if (Number(gone.numDeletedRows) === 0) return false
        await x.deleteFrom('clockhook_attempts').where('endpoint_id', '=', id).execute()
        await x.deleteFrom('clockhook_deliveries').where('endpoint_id', '=', id).execute()
        return true
      }
      return trx === undefined ? db.transaction().execute(run) : run(executor(trx))
    },
    async getEndpoint(id, trx) {
      const row = await executor(trx)
        .selectFrom('clockhook_endpoints')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst()
      return row && endpointFromRow(row)
    },
    async listEndpoints(query) {
      let q = db.selectFrom('clockhook_endpoints').selectAll().orderBy('id').limit(query.limit)
      if (query.tenantId !== undefined) q = q.where('tenant_id', '=', query.tenantId)
      if (query.afterId !== undefined) q = q.where('id', '>', query.afterId)
      return (await q.execute()).map(endpointFromRow)
    },
    async enabledEndpoints(tenantId, trx) {
      const rows = await executor(trx)
        .selectFrom('clockhook_endpoints')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('enabled', '=', 1)
        .execute()
      return rows.map(endpointFromRow)
    },
    async disableEndpoint(id, reason, now) {
      const r = await db
        .updateTable('clockhook_endpoints')
        .set({ enabled: 0, disabled_reason: reason, updated_at: now })
        .where('id', '=', id)
        .where('enabled', '=', 1)
        .executeTakeFirst()
      return Number(r.numUpdatedRows) > 0
    },

    async insertMessage(m: StoredMessage, deliveries: NewDelivery[], trx) {
      if (dialect.insertMessage) return dialect.insertMessage(executor(trx), m, deliveries)
      const run = async (x: Db) => {
        await x.insertInto('clockhook_messages').values(messageRow(m)).execute()
        if (deliveries.length > 0) {
          await insertDeliveryRows(x, deliveries)
          await dialect.notify?.(x)
        }
      }
      if (trx !== undefined) await run(executor(trx))
      else if (deliveries.length > 0) await db.transaction().execute((t) => run(t))
      else await run(db)
    },
    async insertDeliveries(deliveries, trx) {
      if (deliveries.length === 0) return
      await insertDeliveryRows(executor(trx), deliveries)
      await dialect.notify?.(executor(trx))
    },
    async getMessage(id) {
      const row = await db
        .selectFrom('clockhook_messages')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst()
      return row && messageFromRow(row)
    },
    sequenceMessages,
    async listMessages(query) {
      let q = db
        .selectFrom('clockhook_messages')
        .selectAll()
        .where('seq', '>', query.afterSequence)
        .where('is_test', '=', 0)
        .orderBy('seq')
        .limit(query.limit)
      if (query.tenantId !== undefined) q = q.where('tenant_id', '=', query.tenantId)
      if (query.types && query.types.length > 0) q = q.where('type', 'in', query.types)
      return (await q.execute()).map(messageFromRow)
    },
    async listMessagesWithoutDelivery({ endpointId, tenantId, since, types, limit }, trx) {
      let q = executor(trx)
        .selectFrom('clockhook_messages as m')
        .selectAll('m')
        .where('m.tenant_id', '=', tenantId)
        .where('m.created_at', '>=', since)
        .where('m.is_test', '=', 0)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('clockhook_deliveries as d')
                .select('d.id')
                .whereRef('d.message_id', '=', 'm.id')
                .where('d.endpoint_id', '=', endpointId),
            ),
          ),
        )
        .orderBy('m.id')
        .limit(limit)
      if (types !== null) q = q.where('m.type', 'in', types.length > 0 ? types : [''])
      return (await q.execute()).map(messageFromRow)
    },

    claimDue: (now, limit, leaseMs, options = {}) =>
      dialect.claimDue(db, now, limit, leaseMs, options),
    async claimDelivery(deliveryId, now, leaseMs, owner) {
      const until = now + leaseMs
      const result = await sql<DeliveryTable>`
        update clockhook_deliveries as d
        set lease_token = lease_token + 1, leased_until = ${until}, leased_by = ${owner ?? null}
        where id = ${deliveryId} and ${isOpenSql} and ${isLeaseFreeSql(now)}
        returning *`.execute(db)
      return (await withContext(result.rows))[0]
    },
    recordOutcomes: (outcomes, now) => dialect.recordOutcomes(db, outcomes, now),
    async heartbeat(workerId, now, staleMs) {
      await db
        .insertInto('clockhook_workers')
        .values({ id: workerId, heartbeat_at: now, started_at: now })
        .onConflict((oc) => oc.column('id').doUpdateSet({ heartbeat_at: now }))
        .execute()
      // The common case reads one tiny table and writes nothing more.
      const dead = await db
        .selectFrom('clockhook_workers')
        .select('id')
        .where('heartbeat_at', '<', now - staleMs)
        .execute()
      if (dead.length === 0) return { reclaimed: 0 }
      const reclaimed = await db.transaction().execute(async (trx) => {
        // Forget the dead first: a worker beating again at this moment waits for the row
        // lock and then registers afresh, so no live worker's lease is ever taken.
        const gone = await trx
          .deleteFrom('clockhook_workers')
          .where('heartbeat_at', '<', now - staleMs)
          .returning('id')
          .execute()
        if (gone.length === 0) return 0
        const r = await trx
          .updateTable('clockhook_deliveries')
          .set({ leased_until: null, leased_by: null })
          .where('status', 'in', ['pending', 'retrying'])
          .where('leased_until', 'is not', null)
          .where(
            'leased_by',
            'in',
            gone.map((w) => w.id),
          )
          .executeTakeFirst()
        return Number(r.numUpdatedRows)
      })
      if (reclaimed > 0) await dialect.notify?.(db)
      return { reclaimed }
    },
    async removeWorker(workerId) {
      await db.deleteFrom('clockhook_workers').where('id', '=', workerId).execute()
    },
    async release(releases: Release[]) {
      if (releases.length === 0) return
      await db.transaction().execute(async (trx) => {
        for (const r of releases) {
          await trx
            .updateTable('clockhook_deliveries')
            .set({ leased_until: null, next_attempt_at: r.nextAttemptAt })
            .where('id', '=', r.deliveryId)
            .where('lease_token', '=', r.leaseToken)
            .where('leased_until', 'is not', null)
            .execute()
        }
      })
    },

    async getDelivery(id, trx) {
      const row = await executor(trx)
        .selectFrom('clockhook_deliveries')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst()
      return row && deliveryFromRow(row)
    },
    async listDeliveries(query) {
      let q = db
        .selectFrom('clockhook_deliveries')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(query.limit)
      if (query.endpointId !== undefined) q = q.where('endpoint_id', '=', query.endpointId)
      if (query.tenantId !== undefined) q = q.where('tenant_id', '=', query.tenantId)
      if (query.status !== undefined) q = q.where('status', '=', query.status)
      if (query.beforeId !== undefined) q = q.where('id', '<', query.beforeId)
      return (await q.execute()).map(deliveryFromRow)
    },
    async listAttempts(deliveryId) {
      const rows = await db
        .selectFrom('clockhook_attempts')
        .selectAll()
        .where('delivery_id', '=', deliveryId)
        .orderBy('id')
        .execute()
      return rows.map(attemptFromRow)
    },
    async requeue(id, now, trx) {
      const r = await sql`
        update clockhook_deliveries as d
        set status = case when attempts > 0 then 'retrying' else 'pending' end,
          next_attempt_at = ${now}, leased_until = null, updated_at = ${now},
          pending_trigger = 'resend'
        where d.id = ${id} and ${isLeaseFreeSql(now)}`.execute(executor(trx))
      if (Number(r.numAffectedRows ?? 0) > 0) return 'ok'
      return (await this.getDelivery(id, trx)) ? 'in_flight' : 'not_found'
    },
    async requeueFailed(endpointId, since, now, trx) {
      const r = await executor(trx)
        .updateTable('clockhook_deliveries')
        .set({ status: 'retrying', next_attempt_at: now, updated_at: now })
        .where('endpoint_id', '=', endpointId)
        .where('status', '=', 'failed')
        .where('is_test', '=', 0)
        .where('created_at', '>=', since)
        .executeTakeFirst()
      const count = Number(r.numUpdatedRows)
      if (count > 0) await dialect.notify?.(executor(trx))
      return count
    },

    async endpointStats(endpointId, since) {
      const row = await db
        .selectFrom('clockhook_attempts')
        .select(({ fn }) => [
          fn.countAll().as('attempts'),
          fn.sum(sql<number>`case when succeeded = 0 then 1 else 0 end`).as('failures'),
        ])
        .where('endpoint_id', '=', endpointId)
        .where('attempted_at', '>=', since)
        .executeTakeFirstOrThrow()
      return { attempts: Number(row.attempts), failures: Number(row.failures ?? 0) }
    },
    async backlog(now): Promise<Backlog> {
      const row = await db
        .selectFrom('clockhook_deliveries as d')
        .innerJoin('clockhook_endpoints as e', 'e.id', 'd.endpoint_id')
        .select(({ fn }) => [
          fn.countAll().as('total'),
          fn.sum(sql<number>`case when e.enabled = 1 then 1 else 0 end`).as('enabled'),
          fn
            .sum(
              sql<number>`case when e.enabled = 1 and d.next_attempt_at <= ${now} and ${isLeaseFreeSql(now)} then 1 else 0 end`,
            )
            .as('due'),
        ])
        .where(isOpenSql)
        .executeTakeFirstOrThrow()
      const due = Number(row.due ?? 0)
      const enabled = Number(row.enabled ?? 0)
      return { due, scheduled: enabled - due, paused: Number(row.total) - enabled }
    },
    async purge(before) {
      return db.transaction().execute(async (trx) => {
        const finished = trx
          .selectFrom('clockhook_deliveries')
          .select('id')
          .where('status', 'in', ['succeeded', 'failed'])
          .where('created_at', '<', before)
        const attempts = await trx
          .deleteFrom('clockhook_attempts')
          .where('delivery_id', 'in', finished)
          .executeTakeFirst()
        const deliveries = await trx
          .deleteFrom('clockhook_deliveries')
          .where('status', 'in', ['succeeded', 'failed'])
          .where('created_at', '<', before)
          .executeTakeFirst()
        const messages = await trx
          .deleteFrom('clockhook_messages')
          .where('created_at', '<', before)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('clockhook_deliveries')
                  .select('id')
                  .whereRef('clockhook_deliveries.message_id', '=', 'clockhook_messages.id'),
              ),
            ),
          )
          .executeTakeFirst()
        return {
          messages: Number(messages.numDeletedRows),
          deliveries: Number(deliveries.numDeletedRows),
          attempts: Number(attempts.numDeletedRows),
        }
      })
    },

    ...(dialect.subscribe ? { subscribe: dialect.subscribe } : {}),
  }
}

/** What a claimed row's attempt is. */
export const triggerOf = (row: DeliveryTable): 'resend' | 'scheduled' =>
  row.pending_trigger === 'resend' ? 'resend' : 'scheduled'

async function insertDeliveryRows(db: Db, deliveries: NewDelivery[]): Promise<void> {
  await db.insertInto('clockhook_deliveries').values(deliveries.map(deliveryRow)).execute()
}
