import { sql } from 'kysely'
import type { ClaimedDelivery, DeliveryQueue, Release } from '../types'
import type { Db, SqlDialectParts } from './dialect'
import { deliveryFromRow, endpointFromRow, messageFromRow, triggerOf } from './mapping'
import { isLeaseFreeSql, isOpenSql } from './rules'
import type { DeliveryTable } from './schema'

/** The queue seam on SQL: claims, outcomes, releases and the workers' heartbeats. */
export function sqlQueue(db: Db, dialect: SqlDialectParts): DeliveryQueue {
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

  return {
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
          .set({ leased_until: null, leased_by: null, permit_until: null })
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
    acquirePermits: (request, now) => dialect.acquirePermits(db, request, now),
    async release(releases: Release[]) {
      if (releases.length === 0) return
      await db.transaction().execute(async (trx) => {
        for (const r of releases) {
          await trx
            .updateTable('clockhook_deliveries')
            .set({ leased_until: null, permit_until: null, next_attempt_at: r.nextAttemptAt })
            .where('id', '=', r.deliveryId)
            .where('lease_token', '=', r.leaseToken)
            .where('leased_until', 'is not', null)
            .execute()
        }
      })
    },

    ...(dialect.subscribe ? { subscribe: dialect.subscribe } : {}),
  }
}
