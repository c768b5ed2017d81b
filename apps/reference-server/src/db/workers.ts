import type { Kysely } from 'kysely'
import { notFound } from '../errors'
import type { AppSchema, WorkerTable } from './schema'

/** A live worker of the tenant, or a 404: the one tenant-scoped lookup every route uses. */
export async function findWorker(
  db: Kysely<AppSchema>,
  tenantId: string,
  id: string,
): Promise<WorkerTable> {
  const worker = await db
    .selectFrom('workers')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!worker) throw notFound(`worker ${id}`)
  return worker
}
