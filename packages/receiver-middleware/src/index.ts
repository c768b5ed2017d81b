export type { ClaimResult, DedupeStore, MemoryDedupeOptions } from './dedupe'
export { createMemoryDedupeStore } from './dedupe'
export type { WebhookReceiverErrorCode } from './errors'
export { ReceiverOptionsError, WebhookReceiverError } from './errors'
export type {
  ClockhookEvents,
  ClockhookEventsByVersion,
  ClockhookEventsV1,
  ClockhookEventsV2,
  ClockhookEventType,
  EventOf,
  EventType,
  Register,
  RegisteredEvents,
  WebhookEvent,
} from './events'
export { CLOCKHOOK_EVENT_TYPES } from './events'
export type { IncomingHeaders } from './headers'
export type {
  ClaimedDelivery,
  ErrorHandler,
  EventHandler,
  Receiver,
  ReceiverOptions,
  Reception,
  WebhookResponseBody,
  WebhookResult,
} from './receiver'
export { createReceiver } from './receiver'
