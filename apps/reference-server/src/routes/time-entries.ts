import { type OpenAPIHono, z } from '@hono/zod-openapi'
import type { Kysely } from 'kysely'
import type { AppContext } from '../context'
import type { AppSchema, TimeEntryTable } from '../db/schema'
import { findWorker } from '../db/workers'
import { ApiError, notFound } from '../errors'
import { catalogEvent } from '../events'
import { newId, now } from '../ids'
import { body, IdParam, json, PageQuery, page, protectedRoute, resource, toPage } from './common'

const TimeEntry = z
  .object({
    id: z.string(),
    worker_id: z.string(),
    clock_in: z.string(),
    clock_out: z.string().nullable(),
    location_id: z.string().nullable(),
    total_minutes: z.number().int().nullable(),
  })
  .openapi('TimeEntry')

const toEntry = (e: TimeEntryTable) => ({
  id: e.id,
  worker_id: e.worker_id,
  clock_in: e.clock_in,
  clock_out: e.clock_out,
  location_id: e.location_id,
  total_minutes: e.total_minutes,
})

const isoTimestamp = z.iso.datetime({ offset: true }).transform((v) => new Date(v).toISOString())

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
        const total = Math.floor((Date.parse(clockOut) - Date.parse(open.clock_in)) / 60_000)
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

  const entryOf = async (trx: Kysely<AppSchema>, tenantId: string, id: string) => {
    const e = await trx
      .selectFrom('time_entries')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst()
    if (!e) throw notFound(`time entry ${id}`)
    return e
  }
  /** The entry's worker, even one deleted since: corrections name who the entry was for. */
  const workerNameOf = async (trx: Kysely<AppSchema>, tenantId: string, workerId: string) =>
    (
      await trx
        .selectFrom('workers')
        .select('name')
        .where('tenant_id', '=', tenantId)
        .where('id', '=', workerId)
        .executeTakeFirst()
    )?.name ?? ''

  app.openapi(
    protectedRoute('time:write', {
      operationId: 'updateTimeEntry',
      summary: 'Correct a time entry',
      description:
        "An attendance correction: changes `clock_in`, `clock_out` or `location_id` and emits `time_entry.updated` with `changed_fields`. `clock_out` must be after `clock_in`, an open entry cannot be given a `clock_in` in the future, and the entry may not overlap another of the worker's entries (409).",
      method: 'patch',
      path: '/{id}',
      tags: ['Time entries'],
      request: {
        params: IdParam,
        ...body(
          z
            .object({
              clock_in: isoTimestamp.optional(),
              clock_out: isoTimestamp.optional(),
              location_id: z.string().max(200).nullable().optional(),
            })
            .strict(),
        ),
      },
      responses: {
        200: json(TimeEntry, 'The corrected entry; emits time_entry.updated when anything changed'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const input = c.req.valid('json')
      const { tenantId } = c.get('caller')
      const entry = await db.transaction().execute(async (trx) => {
        const current = await entryOf(trx, tenantId, id)
        const next = {
          ...current,
          ...(input.clock_in !== undefined ? { clock_in: input.clock_in } : {}),
          ...(input.clock_out !== undefined ? { clock_out: input.clock_out } : {}),
          ...(input.location_id !== undefined ? { location_id: input.location_id } : {}),
        }
        if (input.clock_out !== undefined && current.clock_out === null)
          throw new ApiError(
            409,
            'conflict',
            `time entry ${id} is still open: clock the worker out first`,
          )
        if (next.clock_out !== null && next.clock_out <= next.clock_in)
          throw new ApiError(400, 'validation_failed', 'clock_out must be after clock_in', [
            { path: 'clock_out', message: 'must be after clock_in' },
          ])
        if (next.clock_out === null && next.clock_in > now())
          throw new ApiError(
            400,
            'validation_failed',
            'clock_in of an open entry is in the future',
            [{ path: 'clock_in', message: 'must not be in the future while the entry is open' }],
          )
        const changed = (['clock_in', 'clock_out', 'location_id'] as const).filter(
          (f) => next[f] !== current[f],
        )
        if (changed.length === 0) return current
        // another entry of the worker overlaps when it starts before this one ends and ends
        // (or is still open) after this one starts
        let overlap = trx
          .selectFrom('time_entries')
          .select('id')
          .where('worker_id', '=', current.worker_id)
          .where('id', '!=', id)
          .where((eb) => eb.or([eb('clock_out', 'is', null), eb('clock_out', '>', next.clock_in)]))
        if (next.clock_out !== null) overlap = overlap.where('clock_in', '<', next.clock_out)
        const other = await overlap.executeTakeFirst()
        if (other)
          throw new ApiError(409, 'conflict', `the entry would overlap time entry ${other.id}`, [
            { path: 'clock_in', message: `overlaps time entry ${other.id}` },
          ])
        const total =
          next.clock_out === null
            ? null
            : Math.floor((Date.parse(next.clock_out) - Date.parse(next.clock_in)) / 60_000)
        const updated = { ...next, total_minutes: total }
        await trx
          .updateTable('time_entries')
          .set({
            clock_in: updated.clock_in,
            clock_out: updated.clock_out,
            location_id: updated.location_id,
            total_minutes: total,
          })
          .where('id', '=', id)
          .execute()
        await dispatcher.send(
          catalogEvent('time_entry.updated', tenantId, {
            entry_id: id,
            worker_id: updated.worker_id,
            worker_name: await workerNameOf(trx, tenantId, updated.worker_id),
            clock_in: updated.clock_in,
            clock_out: updated.clock_out,
            total_minutes: total,
            location_id: updated.location_id,
            changed_fields: changed,
          }),
          { trx },
        )
        return updated
      })
      return c.json(toEntry(entry), 200)
    },
  )

  app.openapi(
    protectedRoute('time:write', {
      operationId: 'deleteTimeEntry',
      summary: 'Delete a time entry',
      description:
        'An attendance correction: deletes the entry (an open one clocks the worker out without a clock.out) and emits `time_entry.deleted`.',
      method: 'delete',
      path: '/{id}',
      tags: ['Time entries'],
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted; emits time_entry.deleted' } },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { tenantId } = c.get('caller')
      await db.transaction().execute(async (trx) => {
        const entry = await entryOf(trx, tenantId, id)
        const removed = await trx
          .deleteFrom('time_entries')
          .where('id', '=', id)
          .where('tenant_id', '=', tenantId)
          .executeTakeFirst()
        if (Number(removed.numDeletedRows) === 0) throw notFound(`time entry ${id}`)
        await dispatcher.send(
          catalogEvent('time_entry.deleted', tenantId, {
            entry_id: id,
            worker_id: entry.worker_id,
            worker_name: await workerNameOf(trx, tenantId, entry.worker_id),
            clock_in: entry.clock_in,
            clock_out: entry.clock_out,
            total_minutes: entry.total_minutes,
            location_id: entry.location_id,
          }),
          { trx },
        )
      })
      return c.body(null, 204)
    },
  )

  return app
}
