import { type OpenAPIHono, z } from '@hono/zod-openapi'
import type { Kysely } from 'kysely'
import type { AppContext } from '../context'
import type { AppSchema } from '../db/schema'
import { ApiError, notFound } from '../errors'
import { catalogEvent } from '../events'
import { now } from '../ids'
import { body, IdParam, json, protectedRoute, resource } from './common'
import { isoTimestamp, TimeEntry, toEntry, totalMinutes } from './time-entries'

/** `PATCH` and `DELETE /v1/time-entries/{id}`: attendance corrections, each an event. */
export function timeEntryCorrectionRoutes({ database, dispatcher }: AppContext): OpenAPIHono {
  const app = resource()
  const { db } = database
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
          next.clock_out === null ? null : totalMinutes(next.clock_in, next.clock_out, 'clock_out')
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
