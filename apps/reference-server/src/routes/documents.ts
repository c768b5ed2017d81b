import { type OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppContext } from '../context'
import type { DocumentTable } from '../db/schema'
import { findWorker } from '../db/workers'
import { newId, now } from '../ids'
import { body, IdParam, json, protectedRoute, resource } from './common'

const day = z.iso.date()
const Document = z
  .object({
    id: z.string(),
    worker_id: z.string(),
    kind: z.string(),
    name: z.string().nullable(),
    expires_on: z.string(),
    expired: z.boolean(),
    created_at: z.string(),
  })
  .openapi('Document')

const toDocument = (d: DocumentTable) => ({
  id: d.id,
  worker_id: d.worker_id,
  kind: d.kind,
  name: d.name,
  expires_on: d.expires_on,
  expired: d.expires_on < new Date().toISOString().slice(0, 10),
  created_at: d.created_at,
})

/** `/v1/workers/{id}/documents`: worker documents with an expiry date. */
export function documentRoutes({ database }: AppContext): OpenAPIHono {
  const app = resource()
  const { db } = database
  const worker = (tenantId: string, id: string) => findWorker(db, tenantId, id)

  app.openapi(
    protectedRoute('workers:write', {
      operationId: 'createWorkerDocument',
      summary: 'Add a worker document',
      description:
        'Records a document (a permit, a certificate) with its `expires_on` date. Once that date has passed, a sweep emits `document.expired` for it, once.',
      method: 'post',
      path: '/{id}/documents',
      tags: ['Documents'],
      request: {
        params: IdParam,
        ...body(
          z
            .object({
              kind: z.string().trim().min(1).max(100),
              name: z.string().max(200).nullable().optional(),
              expires_on: day,
            })
            .strict(),
        ),
      },
      responses: {
        201: json(Document, 'The document; document.expired is sent once after expires_on'),
      },
    }),
    async (c) => {
      const { tenantId } = c.get('caller')
      const w = await worker(tenantId, c.req.valid('param').id)
      const input = c.req.valid('json')
      const row: DocumentTable = {
        id: newId('doc_'),
        tenant_id: tenantId,
        worker_id: w.id,
        kind: input.kind,
        name: input.name ?? null,
        expires_on: input.expires_on,
        expired_notified_at: null,
        created_at: now(),
      }
      await db.insertInto('documents').values(row).execute()
      return c.json(toDocument(row), 201)
    },
  )

  app.openapi(
    protectedRoute('workers:read', {
      operationId: 'listWorkerDocuments',
      summary: "List a worker's documents",
      description: 'The documents recorded for one worker.',
      method: 'get',
      path: '/{id}/documents',
      tags: ['Documents'],
      request: { params: IdParam },
      responses: {
        200: json(z.object({ data: z.array(Document) }), 'The worker’s documents'),
      },
    }),
    async (c) => {
      const { tenantId } = c.get('caller')
      const w = await worker(tenantId, c.req.valid('param').id)
      const rows = await db
        .selectFrom('documents')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('worker_id', '=', w.id)
        .orderBy('id')
        .execute()
      return c.json({ data: rows.map(toDocument) }, 200)
    },
  )

  return app
}
