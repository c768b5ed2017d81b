import type { Dispatcher } from '@clockhook/dispatcher'
import type { Kysely } from 'kysely'
import type { AppSchema } from './db/schema'
import { DEFAULT_RETENTION_DAYS } from './routes/settings'

const DAY_MS = 86_400_000

/**
 * Retention: for each tenant, deletes finished deliveries, their attempts and messages
 * older than its own `retention_days`; and expired portal sessions. (Idempotency records
 * go after 24 h anyway, inside the shortest retention of one day.)
 */
export async function purgeByRetention(
  db: Kysely<AppSchema>,
  dispatcher: Dispatcher,
  at = Date.now(),
): Promise<{ messages: number; deliveries: number; attempts: number }> {
  const tenants = await db.selectFrom('tenants').select(['id', 'retention_days']).execute()
  const total = { messages: 0, deliveries: 0, attempts: 0 }
  for (const tenant of tenants) {
    const days = tenant.retention_days || DEFAULT_RETENTION_DAYS
    const purged = await dispatcher.purge({
      olderThan: new Date(at - days * DAY_MS),
      tenantId: tenant.id,
    })
    total.messages += purged.messages
    total.deliveries += purged.deliveries
    total.attempts += purged.attempts
  }
  await db
    .deleteFrom('portal_sessions')
    .where('expires_at', '<', new Date(at).toISOString())
    .execute()
  return total
}
