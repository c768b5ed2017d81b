import { grantPermits } from './rules'
import type { DeliveryQueue, PermitRequest, Release } from './types'

/** The part of a better-sqlite3 `Database` these writes use. */
interface SyncDatabase {
  prepare(sql: string): {
    all(...params: unknown[]): unknown[]
    run(...params: unknown[]): { changes: number | bigint }
  }
  transaction<A extends unknown[], R>(
    fn: (...args: A) => R,
  ): ((...args: A) => R) & { immediate?: (...args: A) => R }
}

/**
 * Permits and releases on SQLite, each one synchronous transaction begun IMMEDIATE: the
 * write lock is held for microseconds and never across a turn of the event loop, so
 * another process (or another connection in this one) waiting for it is never kept
 * waiting on this process's other work.
 */
export function sqlitePermitsAndReleases(
  database: SyncDatabase,
): Pick<DeliveryQueue, 'acquirePermits' | 'release'> {
  let s: ReturnType<typeof prepare> | undefined
  // Prepared on first use: the tables exist only after migrate().
  const prepare = () => ({
    endpoint: database.prepare(
      'select rate_tat, rate_limit_per_second, max_concurrency from clockhook_endpoints where id = ?',
    ),
    busy: database.prepare(`select count(*) as n from clockhook_deliveries
      where endpoint_id = ? and permit_until > ? and permit_lease = lease_token
        and leased_until is not null`),
    leaseOf: database.prepare(
      'select lease_token from clockhook_deliveries where id = ? and leased_until > ?',
    ),
    hold: database.prepare(
      'update clockhook_deliveries set permit_until = ?, permit_lease = lease_token where id = ?',
    ),
    setTat: database.prepare('update clockhook_endpoints set rate_tat = ? where id = ?'),
    release: database.prepare(`update clockhook_deliveries
      set leased_until = null, permit_until = null, next_attempt_at = ?
      where id = ? and lease_token = ? and leased_until is not null`),
  })
  const stmts = () => (s ??= prepare())
  const inTransaction = <A extends unknown[], R>(fn: (...args: A) => R) => {
    const tx = database.transaction(fn)
    return tx.immediate ?? tx
  }

  const acquire = inTransaction((request: PermitRequest, now: number) => {
    const q = stmts()
    const endpoint = q.endpoint.all(request.endpointId)[0] as
      | {
          rate_tat: number | null
          rate_limit_per_second: number | null
          max_concurrency: number | null
        }
      | undefined
    if (!endpoint) return { granted: [], retryAfterMs: null }
    // the limits as they are now, not as the claim saw them
    const limits = {
      ratePerSecond: endpoint.rate_limit_per_second,
      maxConcurrency: endpoint.max_concurrency,
    }
    const busy =
      limits.maxConcurrency === null
        ? 0
        : Number((q.busy.all(request.endpointId, now)[0] as { n: number }).n)
    const leased = request.claims.filter((c) => {
      const row = q.leaseOf.all(c.deliveryId, now)[0] as { lease_token: number } | undefined
      return row !== undefined && Number(row.lease_token) === c.leaseToken
    })
    const decision = grantPermits({ rateTat: endpoint.rate_tat, busy }, limits, leased.length, now)
    const granted = leased.slice(0, decision.granted).map((c) => c.deliveryId)
    if (limits.maxConcurrency !== null) {
      for (const id of granted) q.hold.run(now + request.holdMs, id)
    }
    if (decision.rateTat !== endpoint.rate_tat) q.setTat.run(decision.rateTat, request.endpointId)
    return { granted, retryAfterMs: decision.retryAfterMs }
  })

  const releaseAll = inTransaction((releases: Release[]) => {
    const q = stmts()
    for (const r of releases) q.release.run(r.nextAttemptAt, r.deliveryId, r.leaseToken)
  })

  return {
    async acquirePermits(request, now) {
      if (request.claims.length === 0) return { granted: [], retryAfterMs: 0 }
      return acquire(request, now)
    },
    async release(releases) {
      if (releases.length > 0) releaseAll(releases)
    },
  }
}
