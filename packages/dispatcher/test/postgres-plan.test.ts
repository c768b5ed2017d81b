import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { dueDeliveryIdsByIndexSql } from '../src/store/sql/rules'
import { delivery, endpoint, message, T0 } from './helpers/builders'
import { createPostgres, postgresUrl } from './helpers/stores'

/** Every node type of an EXPLAIN (FORMAT JSON) plan, depth first. */
function nodes(plan: { 'Node Type': string; 'Index Name'?: string; Plans?: unknown[] }): string[] {
  const own = `${plan['Node Type']}${plan['Index Name'] ? ` ${plan['Index Name']}` : ''}`
  return [own, ...((plan.Plans ?? []) as (typeof plan)[]).flatMap(nodes)]
}

describe.skipIf(!postgresUrl)('the Postgres claim plan', () => {
  const cleanups: Array<() => Promise<void>> = []
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c()
  })

  it('reads the due index in order and stops at the limit, with no statistics after a large enqueue', async () => {
    const pgStore = await createPostgres()
    cleanups.push(pgStore.cleanup)
    const db = pgStore.kysely!
    // no ANALYZE, and none from autovacuum while the test runs
    await sql`alter table clockhook_deliveries set (autovacuum_enabled = false)`.execute(db)
    await sql`alter table clockhook_endpoints set (autovacuum_enabled = false)`.execute(db)
    const e = endpoint()
    await pgStore.store.insertEndpoint(e)
    const batch = Array.from({ length: 20 }, () => {
      const m = message()
      return { message: m, deliveries: Array.from({ length: 1000 }, () => delivery(m, e)) }
    })
    await pgStore.store.insertMessages(batch)
    const skip: string[] = []
    const query = sql`explain (format json) ${dueDeliveryIdsByIndexSql(
      T0 + 1000,
      100,
      sql<boolean>`d.endpoint_id <> all(${skip}::text[])`,
      sql`for update of d skip locked`,
    )}`
    const { rows } = await query.execute(db)
    const plan = (rows[0] as { 'QUERY PLAN': Array<{ Plan: Parameters<typeof nodes>[0] }> })[
      'QUERY PLAN'
    ][0]!.Plan
    const all = nodes(plan)
    // an ordered scan of the partial due index under the limit: no sort of 20 000 rows
    expect(all, JSON.stringify(all)).toContain('Index Scan clockhook_deliveries_due')
    expect(all.some((n) => n.startsWith('Sort'))).toBe(false)
    expect(all.some((n) => n.startsWith('Seq Scan on') || n === 'Seq Scan')).toBe(false)
  })
})
