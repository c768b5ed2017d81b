import type { PagePromise } from '../core/pagination'
import type { RequestOptions } from '../core/types'
import type { EventListParams, WebhookEvent } from '../types'
import { APIResource } from './resource'

/**
 * The pull API (`GET /v1/events`): every event in order, gap-free, the same envelopes the
 * webhooks carry. `for await` follows `next_cursor` until the API has no more; keep the
 * last page's `next_cursor` and pass it as `after` to resume. `wait` long-polls an empty page.
 *
 * @example
 * for await (const event of clockhook.events.list({ types: ['clock.in'] })) {
 *   if (event.type === 'clock.in') console.log(event.data)
 * }
 * const page = await clockhook.events.list({ after: savedCursor, wait: 25 })
 */
export class Events extends APIResource {
  list(params: EventListParams = {}, options: RequestOptions = {}): PagePromise<WebhookEvent> {
    const { after, types, limit, wait } = params
    const longPoll = wait !== undefined && wait > 0
    const timeoutMs = longPoll
      ? Math.max(options.timeoutMs ?? this.client.timeoutMs, wait * 1000 + 15_000)
      : options.timeoutMs
    return this.client.list<WebhookEvent>(
      '/v1/events',
      { after, types, limit, wait },
      { ...options, ...(timeoutMs === undefined ? {} : { timeoutMs }) },
      'after',
    )
  }
}
