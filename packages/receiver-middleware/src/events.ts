import type {
  CLOCKHOOK_EVENT_TYPES,
  ClockhookEventsV1,
  ClockhookEventsV2,
} from './events.generated'

export type {
  ClockhookEventsByVersion,
  ClockhookEventsV1,
  ClockhookEventsV2,
} from './events.generated'
export { CLOCKHOOK_EVENT_TYPES } from './events.generated'

/** A Clockhook event type: `'clock.in'`, `'worker.updated'`, … */
export type ClockhookEventType = (typeof CLOCKHOOK_EVENT_TYPES)[number]

/**
 * Each Clockhook event type's `data`, in any payload version. A webhook gets its pinned
 * version (else the account's default); pick `ClockhookEventsV1` or `ClockhookEventsV2`
 * when you know which one you receive.
 */
export type ClockhookEvents = {
  [T in ClockhookEventType]: ClockhookEventsV1[T] | ClockhookEventsV2[T]
}

/**
 * A verified delivery: the envelope Clockhook signed, plus its `webhook-id` as `id`
 * (the same id the pull API gives the event, stable across retries).
 */
export interface WebhookEvent<Type extends string = string, Data = unknown> {
  id: string
  type: Type
  timestamp: string
  data: Data
}

/** The event types of an event map (its string keys). */
export type EventType<Events extends object> = Extract<keyof Events, string>

/**
 * The events of an event map (type → data) as a union discriminated on `type`; narrow
 * it with `Types`.
 *
 * @example
 * type ClockEvent = EventOf<ClockhookEventsV1, 'clock.in' | 'clock.out'>
 * function onClock(event: ClockEvent) {
 *   if (event.type === 'clock.out') console.log(event.data.total_minutes)
 * }
 */
export type EventOf<Events extends object, Types extends EventType<Events> = EventType<Events>> = {
  [T in Types]: WebhookEvent<T, Events[T]>
}[Types]

/**
 * Register your event map once to type every adapter's `req.webhook` / `c.get('webhook')`
 * and `createReceiver()`'s default.
 *
 * @example
 * declare module '@clockhook/receiver-middleware' {
 *   interface Register { events: ClockhookEventsV2 }
 * }
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by module augmentation
export interface Register {}

/** The event map from `Register`, else every Clockhook event in any payload version. */
export type RegisteredEvents = Register extends { events: infer Events extends object }
  ? Events
  : ClockhookEvents
