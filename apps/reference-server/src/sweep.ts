import type { Dispatcher } from '@clockhook/dispatcher'
import type { Kysely, Transaction } from 'kysely'
import type { AppSchema, DocumentTable } from './db/schema'
import { catalogEvent } from './events'
import { now } from './ids'

type Due = Pick<DocumentTable, 'id' | 'tenant_id' | 'worker_id' | 'kind' | 'expires_on'>

const expired = (doc: Due) =>
  catalogEvent('document.expired', doc.tenant_id, {
    document_id: doc.id,
    worker_id: doc.worker_id,
    kind: doc.kind,
    expires_on: doc.expires_on,
  })

/**
 * Sends `document.expired` once per document whose `expires_on` has passed, up to 500 per
 * call. The batch is claimed by one guarded update and sent with one `sendMany`, in one
 * transaction, so any number of workers running the sweep still send each exactly once.
 * Should the batch fail, each document is tried in its own transaction: one that cannot be
 * sent stays unclaimed (tried again next sweep) without holding back the others.
 */
export async function sweepExpiredDocuments(
  db: Kysely<AppSchema>,
  dispatcher: Dispatcher,
  today = new Date().toISOString().slice(0, 10),
): Promise<number> {
  const due = await db
    .selectFrom('documents')
    .select(['id', 'tenant_id', 'worker_id', 'kind', 'expires_on'])
    .where('expires_on', '<', today)
    .where('expired_notified_at', 'is', null)
    .orderBy('expires_on')
    .orderBy('id')
    .limit(500)
    .execute()
  if (due.length === 0) return 0
  const claim = (trx: Transaction<AppSchema>, ids: string[]) =>
    trx
      .updateTable('documents')
      .set({ expired_notified_at: now() })
      .where('id', 'in', ids)
      .where('expired_notified_at', 'is', null)
      .returning('id')
      .execute()
  try {
    return await db.transaction().execute(async (trx) => {
      const claimed = new Set(
        (
          await claim(
            trx,
            due.map((d) => d.id),
          )
        ).map((r) => r.id),
      )
      await dispatcher.sendMany(due.filter((d) => claimed.has(d.id)).map(expired), { trx })
      return claimed.size
    })
  } catch {
    let sent = 0
    for (const doc of due) {
      try {
        const claimed = await db.transaction().execute(async (trx) => {
          if ((await claim(trx, [doc.id])).length === 0) return false
          await dispatcher.send(expired(doc), { trx })
          return true
        })
        if (claimed) sent++
      } catch {
        // stays unclaimed: the next sweep tries it again
      }
    }
    return sent
  }
}
