import type { ItemOf, QueryParams, RequestBody, ResponseBody } from './core/openapi'
import type { EventDataMap, EventType, PayloadVersion } from './generated/events'

export type { EventDataMap, EventType, PayloadVersion }

/** A worker. */
export type Worker = ResponseBody<'/v1/workers/{id}', 'get'>
export type WorkerCreateParams = RequestBody<'/v1/workers', 'post'>
export type WorkerUpdateParams = RequestBody<'/v1/workers/{id}', 'patch'>
export type WorkerListParams = Omit<QueryParams<'/v1/workers', 'get'>, 'cursor'>

/** A time entry (one clock-in, and its clock-out once there is one). */
export type TimeEntry = ResponseBody<'/v1/time-entries/{id}', 'get'>
export type ClockInParams = RequestBody<'/v1/time-entries/clock-in', 'post'>
export type ClockOutParams = RequestBody<'/v1/time-entries/clock-out', 'post'>
export type TimeEntryListParams = Omit<QueryParams<'/v1/time-entries', 'get'>, 'cursor'>
/** An attendance correction: `clock_in`, `clock_out`, `location_id`. */
export type TimeEntryUpdateParams = RequestBody<'/v1/time-entries/{id}', 'patch'>

/** A planned shift. */
export type Shift = ResponseBody<'/v1/shifts', 'post'>
export type ShiftCreateParams = RequestBody<'/v1/shifts', 'post'>
export type ShiftListParams = Omit<QueryParams<'/v1/shifts', 'get'>, 'cursor'>

/** A worker document with an expiry date. */
export type Document = ResponseBody<'/v1/workers/{id}/documents', 'post'>
export type DocumentCreateParams = RequestBody<'/v1/workers/{id}/documents', 'post'>
export type DocumentListParams = Omit<QueryParams<'/v1/workers/{id}/documents', 'get'>, 'cursor'>

/** A webhook (integration) as listed. */
export type Webhook = ItemOf<ResponseBody<'/v1/webhooks', 'get'>>
/** A webhook as `retrieve` answers it: with its recent deliveries. */
export type WebhookDetail = ResponseBody<'/v1/webhooks/{id}', 'get'>
/** A new webhook: includes its signing `secret`, shown once. */
export type WebhookWithSecret = ResponseBody<'/v1/webhooks', 'post'>
export type WebhookCreateParams = RequestBody<'/v1/webhooks', 'post'>
export type WebhookUpdateParams = RequestBody<'/v1/webhooks/{id}', 'patch'>
export type WebhookListParams = Omit<QueryParams<'/v1/webhooks', 'get'>, 'cursor'>
export type WebhookTestResult = ResponseBody<'/v1/webhooks/{id}/test', 'post'>
export type WebhookSecret = ResponseBody<'/v1/webhooks/{id}/secret', 'get'>
export type RotateSecretParams = RequestBody<'/v1/webhooks/{id}/rotate-secret', 'post'>
export type RotateSecretResult = ResponseBody<'/v1/webhooks/{id}/rotate-secret', 'post'>
export type RecoverParams = RequestBody<'/v1/webhooks/{id}/recover', 'post'>
export type RecoverResult = ResponseBody<'/v1/webhooks/{id}/recover', 'post'>

/** A delivery of one message to one webhook. */
export type Delivery = ItemOf<ResponseBody<'/v1/webhooks/{id}/deliveries', 'get'>>
/** A delivery with its attempts (request and response previews). */
export type DeliveryDetail = ResponseBody<'/v1/deliveries/{id}', 'get'>
export type DeliveryStatus = Delivery['status']
export type DeliveryListParams = Omit<QueryParams<'/v1/webhooks/{id}/deliveries', 'get'>, 'cursor'>

/** An event type of the catalog, with a JSON Schema per payload version. */
export type EventTypeInfo = ItemOf<ResponseBody<'/v1/event-types', 'get'>>

/** An API key as listed (prefix only). */
export type ApiKey = ItemOf<ResponseBody<'/v1/api-keys', 'get'>>
/** A new or regenerated API key: includes the `key`, shown once. */
export type ApiKeyWithSecret = ResponseBody<'/v1/api-keys', 'post'>
export type ApiKeyCreateParams = RequestBody<'/v1/api-keys', 'post'>
export type ApiKeyUpdateParams = RequestBody<'/v1/api-keys/{id}', 'patch'>
export type ApiKeyListParams = Omit<QueryParams<'/v1/api-keys', 'get'>, 'cursor'>
export type ApiKeyScope = ApiKeyCreateParams['scopes'][number]

/** The tenant settings (admin). */
export type Settings = ResponseBody<'/v1/settings', 'get'>
export type SettingsUpdateParams = RequestBody<'/v1/settings', 'patch'>

/** A partner portal link (admin): `url` opens the console limited to some webhooks. */
export type PortalSession = ResponseBody<'/v1/portal-sessions', 'post'>
export type PortalSessionCreateParams = RequestBody<'/v1/portal-sessions', 'post'>

/** An audit log entry. */
export type AuditLogEntry = ItemOf<ResponseBody<'/v1/audit-log', 'get'>>
export type AuditLogListParams = Omit<QueryParams<'/v1/audit-log', 'get'>, 'cursor'>

/**
 * An event as the API sends it: the pull API's items and what `webhooks.verify` returns.
 * A discriminated union on `type`; `data` is the payload of version `V` (default: any).
 * `id` is the message id (the `webhook-id` header), stable across retries.
 *
 * @example
 * if (event.type === 'clock.out') console.log(event.data.total_minutes)
 */
export type WebhookEvent<V extends PayloadVersion = PayloadVersion> = {
  [T in EventType]: {
    id: string
    type: T
    timestamp: string
    data: EventDataMap[T][V]
  }
}[EventType]

/**
 * Pull API parameters: `after` is a `next_cursor` (`null` or missing: from the first event,
 * so `after = page.next_cursor` type-checks); `wait` long-polls up to that many seconds.
 */
export interface EventListParams {
  after?: string | null
  types?: EventType[]
  limit?: number
  wait?: number
}
