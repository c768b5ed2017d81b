import type { Kysely, RawBuilder, Transaction } from 'kysely'
import { sql } from 'kysely'
import { Migrator } from 'kysely/migration'
import type {
  AttemptOutcome,
  ClaimedDelivery,
  DeliveryStore,
  NewDelivery,
  Release,
  StoredEndpoint,
  StoredMessage,
} from '../types'
import {
  attemptFromRow,
  attemptRow,
  deliveryFromRow,
  endpointColumns,
  endpointFromRow,
  messageFromRow,
} from './mapping'
import type { DeliveryTable, Schema } from './schema'
import { migrations } from './schema'

type Db = Kysely<Schema>

/** What differs between SQLite and Postgres; everything else is shared. */
export interface SqlDialectParts {
  kind: 'sqlite' | 'postgres'
  /** Appended to the claim's select: `for update of d skip locked` on Postgres. */
  claimLock: RawBuilder<unknown>
  /** Serialises the pull API's sequencer (an advisory lock on Postgres). */
  lockSequencer(trx: Transaction<Schema>): Promise<void>
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
      out.push({ delivery: deliveryFromRow(row), leaseToken: row.lease_token, message, endpoint })
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
      const migrator = new Migrator({
        db,
        provider: { getMigrations: async () => migrations },
        migrationTableName: 'clockhook_migrations',
        migrationLockTableName: 'clockhook_migrations_lock',
      })
      const { error } = await migrator.migrateToLatest()
      if (error) throw error
    },

    close: () => dialect.close(),

    async insertEndpoint(e: StoredEndpoint) {
      await db
        .insertInto('clockhook_endpoints')
        .values({
          ...(endpointColumns(e) as Required<ReturnType<typeof endpointColumns>>),
          id: e.id,
          tenant_id: e.tenantId,
          created_at: e.createdAt,
        })
        .execute()
    },
    async updateEndpoint(id, patch) {
      const columns = endpointColumns(patch)
      if (Object.keys(columns).length > 0) {
        await db.updateTable('clockhook_endpoints').set(columns).where('id', '=', id).execute()
      }
      return this.getEndpoint(id)
    },
    async deleteEndpoint(id) {
      return db.transaction().execute(async (trx) => {
        const gone = await trx
          .deleteFrom('clockhook_endpoints')
          .where('id', '=', id)
          .executeTakeFirst()
        if (Number(gone.numDeletedRows) === 0) return false
        await trx.deleteFrom('clockhook_attempts').where('endpoint_id', '=', id).execute()
        await trx.deleteFrom('clockhook_deliveries').where('endpoint_id', '=', id).execute()
        return true
      })
    },
    async getEndpoint(id) {
      const row = await db
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
      const run = async (x: Db) => {
        await x
          .insertInto('clockhook_messages')
          .values({
            id: m.id,
            tenant_id: m.tenantId,
            type: m.type,
            timestamp: m.timestamp,
            payload: JSON.stringify(m.payload),
            seq: null,
            is_test: m.isTest ? 1 : 0,
            created_at: m.createdAt,
          })
          .execute()
        if (deliveries.length > 0) {
          await insertDeliveryRows(x, deliveries)
          await dialect.notify?.(x)
        }
      }
      if (trx !== undefined) await run(executor(trx))
      else if (deliveries.length > 0) await db.transaction().execute((t) => run(t))
      else await run(db)
    },
    async insertDeliveries(deliveries) {
      if (deliveries.length === 0) return
      await insertDeliveryRows(db, deliveries)
      await dialect.notify?.(db)
    },
    async getMessage(id) {
      const row = await db
        .selectFrom('clockhook_messages')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst()
      return row && messageFromRow(row)
    },
    async listMessages(query) {
      await sequenceMessages()
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
    async messagesMissing(endpointId, tenantId, since, types, limit) {
      let q = db
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

    async claimDue(now, limit, leaseMs) {
      const until = now + leaseMs
      const result = await sql<DeliveryTable>`
        with due as (
          select d.id from clockhook_deliveries d
          join clockhook_endpoints e on e.id = d.endpoint_id
          where d.status in ('pending', 'retrying') and d.next_attempt_at <= ${now} and e.enabled = 1
            and (e.ordered = 0 or d.is_test = 1 or not exists (
              select 1 from clockhook_deliveries p
              where p.endpoint_id = d.endpoint_id and p.status in ('pending', 'retrying')
                and p.is_test = 0 and p.id < d.id))
          order by d.next_attempt_at
          limit ${limit}
          ${dialect.claimLock}
        )
        update clockhook_deliveries
        set lease_token = lease_token + 1, leased_until = ${until}, next_attempt_at = ${until}
        where id in (select id from due)
        returning *`.execute(db)
      return withContext(result.rows)
    },
    async claimOne(deliveryId, now, leaseMs) {
      const until = now + leaseMs
      const result = await sql<DeliveryTable>`
        update clockhook_deliveries
        set lease_token = lease_token + 1, leased_until = ${until}, next_attempt_at = ${until}
        where id = ${deliveryId} and status in ('pending', 'retrying')
          and (leased_until is null or leased_until <= ${now})
        returning *`.execute(db)
      return (await withContext(result.rows))[0]
    },
    async complete(outcomes: AttemptOutcome[], now) {
      if (outcomes.length === 0) return new Set<string>()
      return db.transaction().execute(async (trx) => {
        const values = sql.join(
          outcomes.map(
            (o) =>
              sql`(${o.deliveryId}, cast(${o.leaseToken} as integer), ${o.status}, cast(${o.nextAttemptAt} as bigint), cast(${o.attempt.httpStatus} as integer), cast(${o.attempt.errorMessage} as text))`,
          ),
        )
        const updated = await sql<{ id: string }>`
          update clockhook_deliveries
          set status = v.column3, attempts = clockhook_deliveries.attempts + 1,
            next_attempt_at = v.column4, leased_until = null, last_http_status = v.column5,
            last_error = v.column6, updated_at = ${now}
          from (values ${values}) as v
          where clockhook_deliveries.id = v.column1 and clockhook_deliveries.lease_token = v.column2
            and clockhook_deliveries.leased_until is not null
          returning clockhook_deliveries.id`.execute(trx)
        const applied = new Set(updated.rows.map((r) => r.id))
        const recorded = outcomes.filter((o) => applied.has(o.deliveryId))
        if (recorded.length === 0) return applied
        await trx
          .insertInto('clockhook_attempts')
          .values(recorded.map((o) => attemptRow(o.attempt)))
          .execute()

        const lastByEndpoint = new Map<string, AttemptOutcome>()
        for (const o of recorded) lastByEndpoint.set(o.attempt.endpointId, o)
        const healthy = [...lastByEndpoint.values()].filter((o) => o.attempt.succeeded)
        const failing = [...lastByEndpoint.values()].filter((o) => !o.attempt.succeeded)
        if (healthy.length > 0) {
          await trx
            .updateTable('clockhook_endpoints')
            .set({ failing_since: null })
            .where(
              'id',
              'in',
              healthy.map((o) => o.attempt.endpointId),
            )
            .where('failing_since', 'is not', null)
            .execute()
        }
        if (failing.length > 0) {
          await trx
            .updateTable('clockhook_endpoints')
            .set({ failing_since: Math.min(...failing.map((o) => o.attempt.attemptedAt)) })
            .where(
              'id',
              'in',
              failing.map((o) => o.attempt.endpointId),
            )
            .where('failing_since', 'is', null)
            .execute()
        }
        return applied
      })
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

    async getDelivery(id) {
      const row = await db
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
    async requeue(id, now) {
      const r = await sql`
        update clockhook_deliveries
        set status = case when attempts > 0 then 'retrying' else 'pending' end,
          next_attempt_at = ${now}, leased_until = null, updated_at = ${now}
        where id = ${id} and (leased_until is null or leased_until <= ${now})`.execute(db)
      if (Number(r.numAffectedRows ?? 0) > 0) return 'ok'
      return (await this.getDelivery(id)) ? 'in_flight' : 'not_found'
    },
    async requeueFailed(endpointId, since, now) {
      const r = await db
        .updateTable('clockhook_deliveries')
        .set({ status: 'retrying', next_attempt_at: now, updated_at: now })
        .where('endpoint_id', '=', endpointId)
        .where('status', '=', 'failed')
        .where('is_test', '=', 0)
        .where('created_at', '>=', since)
        .executeTakeFirst()
      const count = Number(r.numUpdatedRows)
      if (count > 0) await dialect.notify?.(db)
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
    async backlog(now) {
      const row = await db
        .selectFrom('clockhook_deliveries')
        .select(({ fn }) => [
          fn.countAll().as('total'),
          fn.sum(sql<number>`case when next_attempt_at <= ${now} then 1 else 0 end`).as('due'),
        ])
        .where('status', 'in', ['pending', 'retrying'])
        .executeTakeFirstOrThrow()
      const due = Number(row.due ?? 0)
      return { due, scheduled: Number(row.total) - due }
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

async function insertDeliveryRows(db: Db, deliveries: NewDelivery[]): Promise<void> {
  await db
    .insertInto('clockhook_deliveries')
    .values(
      deliveries.map((d) => ({
        id: d.id,
        message_id: d.messageId,
        endpoint_id: d.endpointId,
        tenant_id: d.tenantId,
        event_type: d.eventType,
        status: 'pending',
        attempts: 0,
        next_attempt_at: d.nextAttemptAt,
        leased_until: null,
        lease_token: 0,
        is_test: d.isTest ? 1 : 0,
        last_http_status: null,
        last_error: null,
        created_at: d.createdAt,
        updated_at: d.createdAt,
      })),
    )
    .execute()
}
