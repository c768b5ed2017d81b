import { sql } from 'kysely'
import { grantPermits } from './rules'
import type { Db } from './sql/dialect'
import type { PermitGrant, PermitRequest } from './types'

/**
 * Permits on Postgres (see `grantPermits`): the endpoint row locked `FOR UPDATE` first, so
 * workers asking for one endpoint take turns and see each other's grants and the limits as
 * they are now; then the claimed rows, locked and checked against their lease tokens, so no
 * other worker re-leases one before its permit is written.
 */
export async function acquirePermitsPostgres(
  db: Db,
  request: PermitRequest,
  now: number,
): Promise<PermitGrant> {
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
      maxConcurrency: endpoint.max_concurrency === null ? null : Number(endpoint.max_concurrency),
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
}
