import type { PagePromise } from '../core/pagination'
import type { RequestOptions } from '../core/types'
import type { Delivery, DeliveryListParams } from '../types'
import { APIResource, seg } from './resource'

/**
 * A webhook's deliveries (`/v1/webhooks/{id}/deliveries`), newest first.
 *
 * @example
 * for await (const d of clockhook.webhooks.deliveries.list(wh.id, { status: 'failed' })) console.log(d.id)
 */
export class WebhookDeliveries extends APIResource {
  list(
    webhookId: string,
    params: DeliveryListParams = {},
    options?: RequestOptions,
  ): PagePromise<Delivery> {
    return this.client.list(`/v1/webhooks/${seg(webhookId)}/deliveries`, { ...params }, options)
  }
}
