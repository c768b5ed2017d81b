import type { Kysely } from 'kysely'
import type { AppSchema } from './db/schema'
import { newId, now } from './ids'

/** Records who changed a credential or a webhook, and what — never a secret value. */
export async function audit(
  db: Kysely<AppSchema>,
  entry: {
    tenantId: string
    actor: string
    action: string
    target: string
    details?: Record<string, unknown>
  },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId('aud_'),
      tenant_id: entry.tenantId,
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      details: JSON.stringify(entry.details ?? {}),
      created_at: now(),
    })
    .execute()
}

/** Makes a change and writes its audit entry in one transaction: both happen, or neither. */
export function withAudit<T>(
  db: Kysely<AppSchema>,
  entry: Parameters<typeof audit>[1],
  change: (trx: Kysely<AppSchema>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const result = await change(trx)
    await audit(trx, entry)
    return result
  })
}
