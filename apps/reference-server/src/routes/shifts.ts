import { type OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppContext } from '../context'
import type { ShiftTable } from '../db/schema'
import { findWorker } from '../db/workers'
import { ApiError } from '../errors'
import { catalogEvent } from '../events'
import { newId, now } from '../ids'
import { body, json, PageQuery, page, protectedRoute, resource, toPage } from './common'

const day = z.iso.date()
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM')

const Shift = z
  .object({
    id: z.string(),
    worker_id: z.string(),
    location_id: z.string().nullable(),
    shift_date: z.string(),
    start_time: z.string(),
    end_time: z.string(),
    created_at: z.string(),
  })
  .openapi('Shift')
const toShift = ({ tenant_id: _t, ...s }: ShiftTable) => s

/** `/v1/shifts`: planned shifts. */
export function shiftRoutes({ database, dispatcher }: AppContext): OpenAPIHono {
  const app = resource()
  const { db } = database
  const worker = (tenantId: string, id: string) => findWorker(db, tenantId, id)

  app.openapi(
    protectedRoute('workers:write', {
      operationId: 'createShift',
      summary: 'Plan a shift',
      description: 'Plans a shift for a worker and emits `shift.created`.',
      method: 'post',
      path: '/',
      tags: ['Shifts'],
      request: body(
        z
          .object({
            worker_id: z.string().min(1).max(100),
            location_id: z.string().max(200).nullable().optional(),
            shift_date: day,
            start_time: clock,
            end_time: clock,
          })
          .strict(),
      ),
      responses: { 201: json(Shift, 'The shift; emits shift.created') },
    }),
    async (c) => {
      const input = c.req.valid('json')
      const { tenantId } = c.get('caller')
      await worker(tenantId, input.worker_id)
      if (input.end_time === input.start_time)
        throw new ApiError(400, 'validation_failed', 'end_time must differ from start_time')
      const row: ShiftTable = {
        id: newId('shf_'),
        tenant_id: tenantId,
        worker_id: input.worker_id,
        location_id: input.location_id ?? null,
        shift_date: input.shift_date,
        start_time: input.start_time,
        end_time: input.end_time,
        created_at: now(),
      }
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('shifts').values(row).execute()
        const { tenant_id: _t, created_at: _c, id, ...data } = row
        await dispatcher.send(catalogEvent('shift.created', tenantId, { shift_id: id, ...data }), {
          trx,
        })
      })
      return c.json(toShift(row), 201)
    },
  )

  app.openapi(
    protectedRoute('workers:read', {
      operationId: 'listShifts',
      summary: 'List shifts',
      description: 'Planned shifts, oldest first; filter by `worker_id`.',
      method: 'get',
      path: '/',
      tags: ['Shifts'],
      request: { query: PageQuery.extend({ worker_id: z.string().max(100).optional() }) },
      responses: { 200: json(page(Shift), 'Shifts, oldest first') },
    }),
    async (c) => {
      const { limit = 50, cursor, worker_id } = c.req.valid('query')
      let q = db
        .selectFrom('shifts')
        .selectAll()
        .where('tenant_id', '=', c.get('caller').tenantId)
        .orderBy('id')
        .limit(limit + 1)
      if (cursor) q = q.where('id', '>', cursor)
      if (worker_id) q = q.where('worker_id', '=', worker_id)
      return c.json(toPage(await q.execute(), limit, toShift), 200)
    },
  )

  return app
}
