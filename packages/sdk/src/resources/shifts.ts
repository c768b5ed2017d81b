import type { PagePromise } from '../core/pagination'
import type { APIResponse, RequestOptions } from '../core/types'
import type { Shift, ShiftCreateParams, ShiftListParams } from '../types'
import { APIResource } from './resource'

/**
 * Planned shifts (`/v1/shifts`). Scope `workers:read` / `workers:write`.
 *
 * @example
 * await clockhook.shifts.create({ worker_id, shift_date: '2026-12-01', start_time: '08:00', end_time: '16:00' })
 */
export class Shifts extends APIResource {
  /** Plans a shift; emits `shift.created`. */
  create(params: ShiftCreateParams, options?: RequestOptions): Promise<APIResponse<Shift>> {
    return this.client.request({ method: 'POST', path: '/v1/shifts', body: params }, options)
  }

  /** Lists shifts; filter `worker_id`. */
  list(params: ShiftListParams = {}, options?: RequestOptions): PagePromise<Shift> {
    return this.client.list('/v1/shifts', { ...params }, options)
  }
}
