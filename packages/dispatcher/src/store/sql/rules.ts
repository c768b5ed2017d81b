import type { RawBuilder } from 'kysely'
import { sql } from 'kysely'

// The SQL twins of `../rules.ts`, as kysely expressions shared by SQLite and Postgres.
// Deliveries are aliased `d`, their endpoints `e`. `status in ('pending', 'retrying')` is
// spelled as the partial indexes spell it, so the planners use them.

/** `isOpen` for the delivery aliased `d`. */
export const isOpenSql = sql<boolean>`d.status in ('pending', 'retrying')`

/** `isLeaseFree` for the delivery aliased `d`. */
export const isLeaseFreeSql = (now: number) =>
  sql<boolean>`(d.leased_until is null or d.leased_until <= ${now})`

/** `isDue` for `d` joined to its endpoint `e`. */
export const isDueSql = (now: number) => sql<boolean>`${isOpenSql} and d.next_attempt_at <= ${now}
  and ${isLeaseFreeSql(now)} and e.enabled = 1
  and (e.ordered = 0 or d.is_test = 1 or not exists (
    select 1 from clockhook_deliveries p
    where p.endpoint_id = d.endpoint_id and p.status in ('pending', 'retrying')
      and p.is_test = 0 and p.id < d.id))`

/**
 * The ids of up to `limit` due deliveries, soonest first. `except` is the dialect's way
 * of leaving out the endpoints to skip; `lock` its row-locking clause (Postgres).
 */
export const dueDeliveryIdsSql = (
  now: number,
  limit: number,
  except: RawBuilder<boolean> | null,
  lock: RawBuilder<unknown> = sql``,
) => sql<{ id: string }>`
  select d.id from clockhook_deliveries d
  join clockhook_endpoints e on e.id = d.endpoint_id
  where ${isDueSql(now)} ${except ? sql`and ${except}` : sql``}
  order by d.next_attempt_at
  limit ${limit} ${lock}`

/**
 * `dueDeliveryIdsSql` for Postgres, shaped so the plan does not depend on statistics. The
 * redundant lower bound on `next_attempt_at` makes the condition a range, which a planner
 * without statistics (no ANALYZE since a large enqueue) estimates at a handful of rows:
 * it then reads the partial `due` index in order and stops at `limit`. Without it, such a
 * planner reads and sorts the whole backlog on every claim. With statistics the range
 * covers every row and the plan is the same ordered index scan. The endpoint's half of
 * `isDue` is a subquery by primary key, which the planner cannot turn into a join that
 * starts from the endpoint (a hash join and a sort of the backlog, again).
 */
export const dueDeliveryIdsByIndexSql = (
  now: number,
  limit: number,
  except: RawBuilder<boolean> | null,
  lock: RawBuilder<unknown> = sql``,
) => sql<{ id: string }>`
  select d.id from clockhook_deliveries d
  where ${isOpenSql} and d.next_attempt_at <= ${now} and d.next_attempt_at >= ${Number.MIN_SAFE_INTEGER}
    and (select ${isDueSql(now)} from clockhook_endpoints e where e.id = d.endpoint_id)
    ${except ? sql`and ${except}` : sql``}
  order by d.next_attempt_at
  limit ${limit} ${lock}`

/**
 * `failingSinceAfter` for the endpoint row being updated: `sawSuccess` and `streakStart`
 * are the batch's `FailureStreak`.
 */
export const failingSinceAfterSql = (
  sawSuccess: RawBuilder<unknown>,
  streakStart: RawBuilder<unknown>,
) => sql<number | null>`case when ${sawSuccess} then ${streakStart}
  else coalesce(failing_since, ${streakStart}) end`
