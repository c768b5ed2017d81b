import type { APIResponse, RequestOptions } from '../core/types'
import type { EventTypeInfo } from '../types'
import { APIResource } from './resource'

/**
 * The event catalog (`/v1/event-types`): every type with a JSON Schema per payload version.
 *
 * @example
 * const { data } = await clockhook.eventTypes.list()
 * console.log(data.map((t) => t.type))
 */
export class EventTypes extends APIResource {
  list(options?: RequestOptions): Promise<APIResponse<EventTypeInfo[]>> {
    return this.client
      .request<{ data: EventTypeInfo[] }>({ method: 'GET', path: '/v1/event-types' }, options)
      .then((r) => ({ ...r, data: r.data.data }))
  }
}
