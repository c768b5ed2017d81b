import type { Dispatcher } from '@clockhook/dispatcher'
import type { Kysely } from 'kysely'
import type { AppSchema } from './db/schema'
import { DEFAULT_RETENTION_DAYS } from './routes/settings'

const DAY_MS = 86_400_000

/**
 * Retention: deletes finished deliveries, their attempts and messages older than the
 * tenants' `retention_days`, and expired portal sessions. The dispatcher purges across
 * tenants, so the cut-off is the longest retention any tenant asked for: nothing is ever
 * deleted before its tenant's retention ends. (Idempotency records go after 24 h anyway,
 * inside the shortest retention of one day.)
 */
export async function purgeByRetention(
  db: Kysely<AppSchema>,
  dispatcher: Dispatcher,
  at = Date.now(),
): Promise<{ olderThan: Date; messages: number; deliveries: number; attempts: number }> {
  const row = await db
    .selectFrom('tenants')
    .select((eb) => eb.fn.max('retention_days').as('days'))
    .executeTakeFirst()
  const days = Number(row?.days ?? DEFAULT_RETENTION_DAYS) || DEFAULT_RETENTION_DAYS
  const olderThan = new Date(at - days * DAY_MS)
  const purged = await dispatcher.purge({ olderThan })
  await db
    .deleteFrom('portal_sessions')
    .where('expires_at', '<', new Date(at).toISOString())
    .execute()
  return { olderThan, ...purged }
}
