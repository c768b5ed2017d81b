// Generated from GET /v1/event-types (the reference server’s event catalog) by `pnpm --filter @clockhook/sdk generate`. Do not edit.


/** Every event type the API sends. */
export type EventType =
  | 'clock.in'
  | 'clock.out'
  | 'worker.created'
  | 'worker.updated'
  | 'worker.deleted'
  | 'shift.created'
  | 'document.expired'
  | 'time_entry.updated'
  | 'time_entry.deleted'
  | 'webhook.test'

/** Every payload version. */
export type PayloadVersion = 1 | 2

/** Every event type the API sends, in catalog order. */
export const EVENT_TYPES: readonly EventType[] = [
  'clock.in',
  'clock.out',
  'worker.created',
  'worker.updated',
  'worker.deleted',
  'shift.created',
  'document.expired',
  'time_entry.updated',
  'time_entry.deleted',
  'webhook.test',
]

/** `clock.in` data, payload version 1. A worker clocked in. */
export interface ClockInDataV1 {
  entry_id: string
  worker_id: string
  worker_name: string
  clock_in: string
  location_id: string | null
}

/** `clock.in` data, payload version 2. A worker clocked in. */
export interface ClockInDataV2 {
  entry_id: string
  clock_in: string
  location_id: string | null
  worker: {
    id: string
    name: string
  }
}

/** `clock.out` data, payload version 1. A worker clocked out; total_minutes is the length of the entry. */
export interface ClockOutDataV1 {
  entry_id: string
  worker_id: string
  worker_name: string
  clock_in: string
  clock_out: string
  total_minutes: number
  location_id: string | null
}

/** `clock.out` data, payload version 2. A worker clocked out; total_minutes is the length of the entry. */
export interface ClockOutDataV2 {
  entry_id: string
  clock_in: string
  clock_out: string
  total_minutes: number
  location_id: string | null
  worker: {
    id: string
    name: string
  }
}

/** `worker.created` data, payload version 1. A worker was created. */
export interface WorkerCreatedDataV1 {
  worker_id: string
  worker_name: string
  email: string | null
  external_id: string | null
  location_id: string | null
}

/** `worker.created` data, payload version 2. A worker was created. */
export interface WorkerCreatedDataV2 {
  email: string | null
  external_id: string | null
  location_id: string | null
  worker: {
    id: string
    name: string
  }
}

/** `worker.updated` data, payload version 1. A worker was changed; changed_fields lists what changed. */
export interface WorkerUpdatedDataV1 {
  worker_id: string
  worker_name: string
  email: string | null
  external_id: string | null
  location_id: string | null
  changed_fields: Array<string>
}

/** `worker.updated` data, payload version 2. A worker was changed; changed_fields lists what changed. */
export interface WorkerUpdatedDataV2 {
  email: string | null
  external_id: string | null
  location_id: string | null
  changed_fields: Array<string>
  worker: {
    id: string
    name: string
  }
}

/** `worker.deleted` data, payload version 1. A worker was deleted. */
export interface WorkerDeletedDataV1 {
  worker_id: string
  worker_name: string
}

/** `worker.deleted` data, payload version 2. A worker was deleted. */
export interface WorkerDeletedDataV2 {
  worker: {
    id: string
    name: string
  }
}

/** `shift.created` data, payload version 1. A shift was planned for a worker. */
export interface ShiftCreatedDataV1 {
  shift_id: string
  worker_id: string
  location_id: string | null
  shift_date: string
  start_time: string
  end_time: string
}

/** `shift.created` data, payload version 2. A shift was planned for a worker. */
export interface ShiftCreatedDataV2 {
  shift_id: string
  worker_id: string
  location_id: string | null
  shift_date: string
  start_time: string
  end_time: string
}

/** `document.expired` data, payload version 1. A worker document passed its expiry date (sent once per document). */
export interface DocumentExpiredDataV1 {
  document_id: string
  worker_id: string
  kind: string
  expires_on: string
}

/** `document.expired` data, payload version 2. A worker document passed its expiry date (sent once per document). */
export interface DocumentExpiredDataV2 {
  document_id: string
  worker_id: string
  kind: string
  expires_on: string
}

/** `time_entry.updated` data, payload version 1. An attendance correction: a time entry was changed; changed_fields lists what changed (clock_in, clock_out, location_id). */
export interface TimeEntryUpdatedDataV1 {
  entry_id: string
  worker_id: string
  worker_name: string
  clock_in: string
  clock_out: string | null
  total_minutes: number | null
  location_id: string | null
  changed_fields: Array<string>
}

/** `time_entry.updated` data, payload version 2. An attendance correction: a time entry was changed; changed_fields lists what changed (clock_in, clock_out, location_id). */
export interface TimeEntryUpdatedDataV2 {
  entry_id: string
  clock_in: string
  clock_out: string | null
  total_minutes: number | null
  location_id: string | null
  changed_fields: Array<string>
  worker: {
    id: string
    name: string
  }
}

/** `time_entry.deleted` data, payload version 1. An attendance correction: a time entry was deleted. */
export interface TimeEntryDeletedDataV1 {
  entry_id: string
  worker_id: string
  worker_name: string
  clock_in: string
  clock_out: string | null
  total_minutes: number | null
  location_id: string | null
}

/** `time_entry.deleted` data, payload version 2. An attendance correction: a time entry was deleted. */
export interface TimeEntryDeletedDataV2 {
  entry_id: string
  clock_in: string
  clock_out: string | null
  total_minutes: number | null
  location_id: string | null
  worker: {
    id: string
    name: string
  }
}

/** `webhook.test` data, payload version 1. Sent by the test action to one webhook only. */
export interface WebhookTestDataV1 {
  webhook_id: string
  message: string
}

/** `webhook.test` data, payload version 2. Sent by the test action to one webhook only. */
export interface WebhookTestDataV2 {
  webhook_id: string
  message: string
}

/** The `data` of each event type, by payload version. */
export interface EventDataMap {
  'clock.in': { 1: ClockInDataV1; 2: ClockInDataV2 }
  'clock.out': { 1: ClockOutDataV1; 2: ClockOutDataV2 }
  'worker.created': { 1: WorkerCreatedDataV1; 2: WorkerCreatedDataV2 }
  'worker.updated': { 1: WorkerUpdatedDataV1; 2: WorkerUpdatedDataV2 }
  'worker.deleted': { 1: WorkerDeletedDataV1; 2: WorkerDeletedDataV2 }
  'shift.created': { 1: ShiftCreatedDataV1; 2: ShiftCreatedDataV2 }
  'document.expired': { 1: DocumentExpiredDataV1; 2: DocumentExpiredDataV2 }
  'time_entry.updated': { 1: TimeEntryUpdatedDataV1; 2: TimeEntryUpdatedDataV2 }
  'time_entry.deleted': { 1: TimeEntryDeletedDataV1; 2: TimeEntryDeletedDataV2 }
  'webhook.test': { 1: WebhookTestDataV1; 2: WebhookTestDataV2 }
}
