import type { APIResponse, RequestOptions } from '../core/types'
import type { Delivery, DeliveryDetail } from '../types'
import { APIResource, seg } from './resource'

/**
 * Deliveries (`/v1/deliveries`): one message to one webhook, with its attempts.
 *
 * @example
 * const { data } = await clockhook.deliveries.retrieve('dlv_…')
 * console.log(data.attempts_detail.map((a) => a?.http_status))
 */
export class Deliveries extends APIResource {
  /** A delivery with every attempt's request and response previews. */
  retrieve(id: string, options?: RequestOptions): Promise<APIResponse<DeliveryDetail>> {
    return this.client.request({ method: 'GET', path: `/v1/deliveries/${seg(id)}` }, options)
  }

  /** Queues a new attempt of the same message (same `webhook-id`). */
  resend(id: string, options?: RequestOptions): Promise<APIResponse<Delivery>> {
    return this.client.request(
      { method: 'POST', path: `/v1/deliveries/${seg(id)}/resend` },
      options,
    )
  }
}
