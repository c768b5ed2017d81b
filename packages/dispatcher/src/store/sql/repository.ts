import { sql } from 'kysely'
import type {
  Backlog,
  DeliveryRepository,
  NewDelivery,
  StoredEndpoint,
  StoredMessage,
} from '../types'
import type { Db, SqlDialectParts } from './dialect'
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

const SEQUENCE_BATCH = 5000

/** The repository seam on SQL: endpoints, messages, deliveries, attempts. */
export function sqlRepository(db: Db, dialect: SqlDialectParts): DeliveryRepository {
  const executor = (trx: unknown): Db => (trx ?? db) as Db

  /** Numbers committed messages in id order, a batch at a time, under the sequencer lock. */
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

  const repository: DeliveryRepository = {
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
      return repository.getEndpoint(id, trx)
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
    async insertMessages(batch, trx) {
      if (batch.length === 0) return
      if (dialect.insertMessages) return dialect.insertMessages(executor(trx), batch)
      const run = async (x: Db) => {
        const messages = batch.map((b) => messageRow(b.message))
        const deliveries = batch.flatMap((b) => b.deliveries)
        for (let i = 0; i < messages.length; i += ROWS_PER_INSERT)
          await x
            .insertInto('clockhook_messages')
            .values(messages.slice(i, i + ROWS_PER_INSERT))
            .execute()
        for (let i = 0; i < deliveries.length; i += ROWS_PER_INSERT)
          await insertDeliveryRows(x, deliveries.slice(i, i + ROWS_PER_INSERT))
        if (deliveries.length > 0) await dialect.notify?.(x)
      }
      if (trx !== undefined) await run(executor(trx))
      else await db.transaction().execute((t) => run(t))
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
      return (await repository.getDelivery(id, trx)) ? 'in_flight' : 'not_found'
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
    async purge(before, tenantId) {
      return db.transaction().execute(async (trx) => {
        const finished = trx
          .selectFrom('clockhook_deliveries')
          .select('id')
          .where('status', 'in', ['succeeded', 'failed'])
          .where('created_at', '<', before)
          .$if(tenantId !== undefined, (q) => q.where('tenant_id', '=', tenantId!))
        const attempts = await trx
          .deleteFrom('clockhook_attempts')
          .where('delivery_id', 'in', finished)
          .executeTakeFirst()
        const deliveries = await trx
          .deleteFrom('clockhook_deliveries')
          .where('status', 'in', ['succeeded', 'failed'])
          .where('created_at', '<', before)
          .$if(tenantId !== undefined, (q) => q.where('tenant_id', '=', tenantId!))
          .executeTakeFirst()
        const messages = await trx
          .deleteFrom('clockhook_messages')
          .where('created_at', '<', before)
          .$if(tenantId !== undefined, (q) => q.where('tenant_id', '=', tenantId!))
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
  }
  return repository
}

/** Rows per multi-row INSERT: under SQLite's 32 766 bound parameters at 15 columns. */
const ROWS_PER_INSERT = 1000

async function insertDeliveryRows(db: Db, deliveries: NewDelivery[]): Promise<void> {
  await db.insertInto('clockhook_deliveries').values(deliveries.map(deliveryRow)).execute()
}
