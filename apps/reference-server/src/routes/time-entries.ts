import { type OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppContext } from '../context'
import type { TimeEntryTable } from '../db/schema'
import { findWorker } from '../db/workers'
import { ApiError, notFound } from '../errors'
import { catalogEvent } from '../events'
import { newId, now } from '../ids'
import { body, IdParam, json, PageQuery, page, protectedRoute, resource, toPage } from './common'

export const TimeEntry = z
  .object({
    id: z.string(),
    worker_id: z.string(),
    clock_in: z.string(),
    clock_out: z.string().nullable(),
    location_id: z.string().nullable(),
    total_minutes: z.number().int().nullable(),
  })
  .openapi('TimeEntry')

export const toEntry = (e: TimeEntryTable) => ({
  id: e.id,
  worker_id: e.worker_id,
  clock_in: e.clock_in,
  clock_out: e.clock_out,
  location_id: e.location_id,
  total_minutes: e.total_minutes,
})

/**
 * An ISO-8601 date-time with an offset, stored in UTC. The UTC instant must fall in the
 * years 0000–9999: an offset can push `0000-01-01T00:00:00+01:00` into year -1 (and
 * `9999-12-31T23:59:59-01:00` into 10000), whose six-digit form would sort before every
 * other stored timestamp.
 */
export const isoTimestamp = z.iso
  .datetime({ offset: true })
  .transform((v) => new Date(v).toISOString())
  .refine((v) => /^\d{4}-/.test(v), 'must fall in the years 0000 to 9999 once in UTC')

/** The longest entry: `total_minutes` is a 32-bit integer column (on Postgres). */
export const MAX_ENTRY_MINUTES = 2 ** 31 - 1

/** Whole minutes from clock-in to clock-out; a 400 past what `total_minutes` can hold. */
export function totalMinutes(clockIn: string, clockOut: string, field: string): number {
  const total = Math.floor((Date.parse(clockOut) - Date.parse(clockIn)) / 60_000)
  if (total > MAX_ENTRY_MINUTES)
    throw new ApiError(400, 'validation_failed', `${field} is too far after clock_in`, [
      { path: field, message: `must be at most ${MAX_ENTRY_MINUTES} minutes after clock_in` },
    ])
  return total
}

/** `/v1/time-entries`: clock-in, clock-out and the entries they make. */
export function timeEntryRoutes({ database, dispatcher }: AppContext): OpenAPIHono {
  const app = resource()
  const { db } = database
  const workerOf = (tenantId: string, id: string) => findWorker(db, tenantId, id)

  app.openapi(
    protectedRoute('time:write', {
      operationId: 'clockIn',
      summary: 'Clock a worker in',
      description:
        'Opens a time entry for the worker and emits `clock.in`. A worker already clocked in is a 409.',
      method: 'post',
      path: '/clock-in',
      tags: ['Time entries'],
      request: body(
        z
          .object({
            worker_id: z.string().min(1).max(100),
            timestamp: isoTimestamp.optional(),
            location_id: z.string().max(200).nullable().optional(),
          })
          .strict(),
      ),
      responses: { 201: json(TimeEntry, 'The open entry; emits clock.in') },
    }),
    async (c) => {
      const input = c.req.valid('json')
      const { tenantId } = c.get('caller')
      const worker = await workerOf(tenantId, input.worker_id)
      const entry: TimeEntryTable = {
        id: newId('te_'),
        tenant_id: tenantId,
        worker_id: worker.id,
        clock_in: input.timestamp ?? now(),
        clock_out: null,
        location_id: input.location_id ?? null,
        total_minutes: null,
        created_at: now(),
      }
      try {
        await db.transaction().execute(async (trx) => {
          const open = await trx
            .selectFrom('time_entries')
            .select('id')
            .where('worker_id', '=', worker.id)
            .where('clock_out', 'is', null)
            .executeTakeFirst()
          if (open)
            throw new ApiError(
              409,
              'conflict',
              `worker ${worker.id} is already clocked in (entry ${open.id})`,
            )
          await trx.insertInto('time_entries').values(entry).execute()
          await dispatcher.send(
            catalogEvent('clock.in', tenantId, {
              entry_id: entry.id,
              worker_id: worker.id,
              worker_name: worker.name,
              clock_in: entry.clock_in,
              location_id: entry.location_id,
            }),
            { trx },
          )
        })
      } catch (err) {
        if (err instanceof ApiError) throw err
        if (/unique|constraint/i.test(String((err as Error).message))) {
          throw new ApiError(409, 'conflict', `worker ${worker.id} is already clocked in`)
        }
        throw err
      }
      return c.json(toEntry(entry), 201)
    },
  )

  app.openapi(
    protectedRoute('time:write', {
      operationId: 'clockOut',
      summary: 'Clock a worker out',
      description:
        "Closes the worker's open time entry and emits `clock.out` with `total_minutes`. A worker who is not clocked in is a 409.",
      method: 'post',
      path: '/clock-out',
      tags: ['Time entries'],
      request: body(
        z
          .object({ worker_id: z.string().min(1).max(100), timestamp: isoTimestamp.optional() })
          .strict(),
      ),
      responses: {
        200: json(TimeEntry, 'The closed entry; emits clock.out with total_minutes'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json')
      const { tenantId } = c.get('caller')
      const worker = await workerOf(tenantId, input.worker_id)
      const closed = await db.transaction().execute(async (trx) => {
        const open = await trx
          .selectFrom('time_entries')
          .selectAll()
          .where('worker_id', '=', worker.id)
          .where('clock_out', 'is', null)
          .executeTakeFirst()
        if (!open) throw new ApiError(409, 'conflict', `worker ${worker.id} is not clocked in`)
        const clockOut = input.timestamp ?? now()
        if (clockOut < open.clock_in) {
          throw new ApiError(400, 'validation_failed', 'timestamp is before the clock-in time')
        }
        const total = totalMinutes(open.clock_in, clockOut, 'timestamp')
        const updated = await trx
          .updateTable('time_entries')
          .set({ clock_out: clockOut, total_minutes: total })
          .where('id', '=', open.id)
          .where('clock_out', 'is', null)
          .executeTakeFirst()
        if (Number(updated.numUpdatedRows) === 0)
          throw new ApiError(409, 'conflict', `worker ${worker.id} is not clocked in`)
        const entry = { ...open, clock_out: clockOut, total_minutes: total }
        await dispatcher.send(
          catalogEvent('clock.out', tenantId, {
            entry_id: entry.id,
            worker_id: worker.id,
            worker_name: worker.name,
            clock_in: entry.clock_in,
            clock_out: clockOut,
            total_minutes: total,
            location_id: entry.location_id,
          }),
          { trx },
        )
        return entry
      })
      return c.json(toEntry(closed), 200)
    },
  )

  app.openapi(
    protectedRoute('time:read', {
      operationId: 'listTimeEntries',
      summary: 'List time entries',
      description:
        'Time entries, oldest first; filter by `worker_id` and by clock-in time with `from` and `to`.',
      method: 'get',
      path: '/',
      tags: ['Time entries'],
      request: {
        query: PageQuery.extend({
          worker_id: z.string().max(100).optional(),
          from: isoTimestamp.optional(),
          to: isoTimestamp.optional(),
        }),
      },
      responses: { 200: json(page(TimeEntry), 'Time entries, oldest first') },
    }),
    async (c) => {
      const { limit = 50, cursor, worker_id, from, to } = c.req.valid('query')
      let q = db
        .selectFrom('time_entries')
        .selectAll()
        .where('tenant_id', '=', c.get('caller').tenantId)
        .orderBy('id')
        .limit(limit + 1)
      if (cursor) q = q.where('id', '>', cursor)
      if (worker_id) q = q.where('worker_id', '=', worker_id)
      if (from) q = q.where('clock_in', '>=', from)
      if (to) q = q.where('clock_in', '<', to)
      return c.json(toPage(await q.execute(), limit, toEntry), 200)
    },
  )

  app.openapi(
    protectedRoute('time:read', {
      operationId: 'getTimeEntry',
      summary: 'Retrieve a time entry',
      description: 'One time entry of the tenant.',
      method: 'get',
      path: '/{id}',
      tags: ['Time entries'],
      request: { params: IdParam },
      responses: { 200: json(TimeEntry, 'The entry') },
    }),
    async (c) => {
      const id = c.req.valid('param').id
      const e = await db
        .selectFrom('time_entries')
        .selectAll()
        .where('tenant_id', '=', c.get('caller').tenantId)
        .where('id', '=', id)
        .executeTakeFirst()
      if (!e) throw notFound(`time entry ${id}`)
      return c.json(toEntry(e), 200)
    },
  )

  return app
}
