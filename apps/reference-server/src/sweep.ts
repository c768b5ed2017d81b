import type { Dispatcher } from '@clockhook/dispatcher'
import type { Kysely } from 'kysely'
import type { AppSchema } from './db/schema'
import { catalogEvent } from './events'
import { now } from './ids'

/**
 * Sends `document.expired` once per document whose `expires_on` has passed. Each document
 * is claimed by a guarded update in the same transaction as the send, so any number of
 * workers running the sweep still send it exactly once.
 */
export async function sweepExpiredDocuments(
  db: Kysely<AppSchema>,
  dispatcher: Dispatcher,
  today = new Date().toISOString().slice(0, 10),
): Promise<number> {
  const due = await db
    .selectFrom('documents')
    .selectAll()
    .where('expires_on', '<', today)
    .where('expired_notified_at', 'is', null)
    .orderBy('expires_on')
    .limit(500)
    .execute()
  let sent = 0
  for (const doc of due) {
    const claimed = await db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('documents')
        .set({ expired_notified_at: now() })
        .where('id', '=', doc.id)
        .where('expired_notified_at', 'is', null)
        .executeTakeFirst()
      if (Number(r.numUpdatedRows) === 0) return false
      await dispatcher.send(
        catalogEvent('document.expired', doc.tenant_id, {
          document_id: doc.id,
          worker_id: doc.worker_id,
          kind: doc.kind,
          expires_on: doc.expires_on,
        }),
        { trx },
      )
      return true
    })
    if (claimed) sent++
  }
  return sent
}
