import { sql } from 'kysely'
import { grantPermits } from '../rules'
import type { ClaimedDelivery, DeliveryQueue, PermitRequest, Release } from '../types'
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
    async acquirePermits(request: PermitRequest, now: number) {
      // (SQLite has its own: one synchronous IMMEDIATE transaction, see sqlite-permits.ts)
      const { endpointId, claims } = request
      if (claims.length === 0) return { granted: [], retryAfterMs: 0 }
      return db.transaction().execute(async (trx) => {
        // The endpoint row's lock first: workers asking for the same endpoint's permits
        // take turns, and each sees the others' grants (and the limits as they are now).
        const endpoint = await trx
          .selectFrom('clockhook_endpoints')
          .select(['rate_tat', 'rate_limit_per_second', 'max_concurrency'])
          .where('id', '=', endpointId)
          .forUpdate()
          .executeTakeFirst()
        if (!endpoint) return { granted: [], retryAfterMs: null }
        const limits = {
          ratePerSecond:
            endpoint.rate_limit_per_second === null ? null : Number(endpoint.rate_limit_per_second),
          maxConcurrency:
            endpoint.max_concurrency === null ? null : Number(endpoint.max_concurrency),
        }
        let busy = 0
        if (limits.maxConcurrency !== null) {
          const row = await trx
            .selectFrom('clockhook_deliveries as d')
            .select((eb) => eb.fn.countAll<number | string>().as('n'))
            .where('d.endpoint_id', '=', endpointId)
            .where('d.permit_until', '>', now)
            .whereRef('d.permit_lease', '=', 'd.lease_token')
            .where('d.leased_until', 'is not', null)
            .executeTakeFirstOrThrow()
          busy = Number(row.n)
        }
        // the claimed rows, locked: no other worker re-leases one between this check and
        // the permit written below (a claim skips locked rows)
        const held = await trx
          .selectFrom('clockhook_deliveries')
          .select(['id', 'lease_token'])
          .where(
            'id',
            'in',
            claims.map((c) => c.deliveryId),
          )
          .where('leased_until', '>', now)
          .forUpdate()
          .execute()
        const tokens = new Map(held.map((r) => [r.id, Number(r.lease_token)]))
        const leased = claims.filter((c) => tokens.get(c.deliveryId) === c.leaseToken)
        const rateTat = endpoint.rate_tat === null ? null : Number(endpoint.rate_tat)
        const decision = grantPermits({ rateTat, busy }, limits, leased.length, now)
        const granted = leased.slice(0, decision.granted).map((c) => c.deliveryId)
        if (granted.length > 0 && limits.maxConcurrency !== null) {
          await trx
            .updateTable('clockhook_deliveries')
            .set({ permit_until: now + request.holdMs, permit_lease: sql`lease_token` })
            .where('id', 'in', granted)
            .execute()
        }
        if (decision.rateTat !== rateTat) {
          await trx
            .updateTable('clockhook_endpoints')
            .set({ rate_tat: decision.rateTat })
            .where('id', '=', endpointId)
            .execute()
        }
        return { granted, retryAfterMs: decision.retryAfterMs }
      })
    },
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
