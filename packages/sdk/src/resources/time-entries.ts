import type { PagePromise } from '../core/pagination'
import type { APIResponse, RequestOptions } from '../core/types'
import type {
  ClockInParams,
  ClockOutParams,
  TimeEntry,
  TimeEntryListParams,
  TimeEntryUpdateParams,
} from '../types'
import { APIResource, seg } from './resource'

/**
 * Time entries (`/v1/time-entries`). Scope `time:read` / `time:write`.
 *
 * @example
 * const { data: entry } = await clockhook.timeEntries.clockIn({ worker_id: 'wkr_…' })
 * await clockhook.timeEntries.clockOut({ worker_id: 'wkr_…' })
 * await clockhook.timeEntries.update(entry.id, { clock_in: '2026-11-02T07:30:00Z' })
 */
export class TimeEntries extends APIResource {
  /** Clocks a worker in; emits `clock.in`. A `ConflictError` if already clocked in. */
  clockIn(params: ClockInParams, options?: RequestOptions): Promise<APIResponse<TimeEntry>> {
    return this.client.request(
      { method: 'POST', path: '/v1/time-entries/clock-in', body: params },
      options,
    )
  }

  /** Clocks a worker out; emits `clock.out` with `total_minutes`. A `ConflictError` if not clocked in. */
  clockOut(params: ClockOutParams, options?: RequestOptions): Promise<APIResponse<TimeEntry>> {
    return this.client.request(
      { method: 'POST', path: '/v1/time-entries/clock-out', body: params },
      options,
    )
  }

  /** Lists time entries; filters `worker_id`, `from`, `to`. */
  list(params: TimeEntryListParams = {}, options?: RequestOptions): PagePromise<TimeEntry> {
    return this.client.list('/v1/time-entries', { ...params }, options)
  }

  retrieve(id: string, options?: RequestOptions): Promise<APIResponse<TimeEntry>> {
    return this.client.request({ method: 'GET', path: `/v1/time-entries/${seg(id)}` }, options)
  }

  /**
   * Corrects an entry's `clock_in`, `clock_out` or `location_id`; emits `time_entry.updated`
   * with `changed_fields`. A `ValidationError` when out is not after in, a `ConflictError`
   * when it would overlap another entry of the worker.
   */
  update(
    id: string,
    params: TimeEntryUpdateParams,
    options?: RequestOptions,
  ): Promise<APIResponse<TimeEntry>> {
    return this.client.request(
      { method: 'PATCH', path: `/v1/time-entries/${seg(id)}`, body: params },
      options,
    )
  }

  /** Deletes an entry; emits `time_entry.deleted`. Resolves with `data: null`. */
  delete(id: string, options?: RequestOptions): Promise<APIResponse<null>> {
    return this.client.request({ method: 'DELETE', path: `/v1/time-entries/${seg(id)}` }, options)
  }
}
