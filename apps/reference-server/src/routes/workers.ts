import { type OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppContext } from '../context'
import type { WorkerTable } from '../db/schema'
import { findWorker } from '../db/workers'
import { catalogEvent } from '../events'
import { newId, now } from '../ids'
import { body, IdParam, json, PageQuery, page, protectedRoute, resource, toPage } from './common'

const Worker = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    external_id: z.string().nullable(),
    location_id: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Worker')

const WorkerInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: z.email().max(320).nullable().optional(),
    external_id: z.string().max(200).nullable().optional(),
    location_id: z.string().max(200).nullable().optional(),
  })
  .strict()

const toWorker = (w: WorkerTable) => ({
  id: w.id,
  name: w.name,
  email: w.email,
  external_id: w.external_id,
  location_id: w.location_id,
  created_at: w.created_at,
  updated_at: w.updated_at,
})

const workerEvent = (w: WorkerTable) => ({
  worker_id: w.id,
  worker_name: w.name,
  email: w.email,
  external_id: w.external_id,
  location_id: w.location_id,
})

/** `/v1/workers`: the people who clock in and out. */
export function workerRoutes({ database, dispatcher }: AppContext): OpenAPIHono {
  const app = resource()
  const { db } = database
  const find = (tenantId: string, id: string) => findWorker(db, tenantId, id)

  app.openapi(
    protectedRoute('workers:write', {
      operationId: 'createWorker',
      summary: 'Create a worker',
      description: 'Adds a worker to the tenant and emits `worker.created`.',
      method: 'post',
      path: '/',
      tags: ['Workers'],
      request: body(WorkerInput),
      responses: { 201: json(Worker, 'The worker; emits worker.created') },
    }),
    async (c) => {
      const input = c.req.valid('json')
      const { tenantId } = c.get('caller')
      const t = now()
      const row: WorkerTable = {
        id: newId('wkr_'),
        tenant_id: tenantId,
        name: input.name,
        email: input.email ?? null,
        external_id: input.external_id ?? null,
        location_id: input.location_id ?? null,
        created_at: t,
        updated_at: t,
        deleted_at: null,
      }
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('workers').values(row).execute()
        await dispatcher.send(catalogEvent('worker.created', tenantId, workerEvent(row)), { trx })
      })
      return c.json(toWorker(row), 201)
    },
  )

  app.openapi(
    protectedRoute('workers:read', {
      operationId: 'listWorkers',
      summary: 'List workers',
      description: "The tenant's workers, oldest first, a page at a time (`limit`, `cursor`).",
      method: 'get',
      path: '/',
      tags: ['Workers'],
      request: { query: PageQuery },
      responses: { 200: json(page(Worker), 'Workers, oldest first') },
    }),
    async (c) => {
      const { limit = 50, cursor } = c.req.valid('query')
      let q = db
        .selectFrom('workers')
        .selectAll()
        .where('tenant_id', '=', c.get('caller').tenantId)
        .where('deleted_at', 'is', null)
        .orderBy('id')
        .limit(limit + 1)
      if (cursor) q = q.where('id', '>', cursor)
      return c.json(toPage(await q.execute(), limit, toWorker), 200)
    },
  )

  app.openapi(
    protectedRoute('workers:read', {
      operationId: 'getWorker',
      summary: 'Retrieve a worker',
      description: "One worker of the tenant; another tenant's id is a 404.",
      method: 'get',
      path: '/{id}',
      tags: ['Workers'],
      request: { params: IdParam },
      responses: { 200: json(Worker, 'The worker') },
    }),
    async (c) =>
      c.json(toWorker(await find(c.get('caller').tenantId, c.req.valid('param').id)), 200),
  )

  app.openapi(
    protectedRoute('workers:write', {
      operationId: 'updateWorker',
      summary: 'Update a worker',
      description: 'Changes the fields sent and emits `worker.updated` with `changed_fields`.',
      method: 'patch',
      path: '/{id}',
      tags: ['Workers'],
      request: { params: IdParam, ...body(WorkerInput.partial().strict()) },
      responses: {
        200: json(Worker, 'The worker; emits worker.updated with changed_fields'),
      },
    }),
    async (c) => {
      const { tenantId } = c.get('caller')
      const current = await find(tenantId, c.req.valid('param').id)
      const patch = c.req.valid('json')
      const changed = (Object.keys(patch) as Array<keyof typeof patch>).filter(
        (k) => patch[k] !== undefined && patch[k] !== current[k],
      )
      if (changed.length === 0) return c.json(toWorker(current), 200)
      const next: WorkerTable = { ...current, ...patch, updated_at: now() } as WorkerTable
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('workers')
          .set({
            name: next.name,
            email: next.email,
            external_id: next.external_id,
            location_id: next.location_id,
            updated_at: next.updated_at,
          })
          .where('id', '=', current.id)
          .execute()
        await dispatcher.send(
          catalogEvent('worker.updated', tenantId, {
            ...workerEvent(next),
            changed_fields: changed,
          }),
          { trx },
        )
      })
      return c.json(toWorker(next), 200)
    },
  )

  app.openapi(
    protectedRoute('workers:write', {
      operationId: 'deleteWorker',
      summary: 'Delete a worker',
      description: 'Removes the worker from lists and lookups and emits `worker.deleted`.',
      method: 'delete',
      path: '/{id}',
      tags: ['Workers'],
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted; emits worker.deleted' } },
    }),
    async (c) => {
      const { tenantId } = c.get('caller')
      const current = await find(tenantId, c.req.valid('param').id)
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('workers')
          .set({ deleted_at: now() })
          .where('id', '=', current.id)
          .execute()
        await dispatcher.send(
          catalogEvent('worker.deleted', tenantId, {
            worker_id: current.id,
            worker_name: current.name,
          }),
          { trx },
        )
      })
      return c.body(null, 204)
    },
  )

  return app
}
