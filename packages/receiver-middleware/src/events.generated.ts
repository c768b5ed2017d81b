// Generated from the reference server’s event catalog (GET /v1/event-types) by
// test/event-catalog.test.ts, which fails when this file is out of date. Do not edit:
// run `pnpm --filter @clockhook/receiver-middleware generate:events`.

/** Every Clockhook event type. */
export const CLOCKHOOK_EVENT_TYPES = [
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
] as const

/** Each event type's `data` in payload version 1. */
export type ClockhookEventsV1 = {
  /** A worker clocked in. */
  'clock.in': {
    entry_id: string
    worker_id: string
    worker_name: string
    clock_in: string
    location_id: string | null
  }
  /** A worker clocked out; total_minutes is the length of the entry. */
  'clock.out': {
    entry_id: string
    worker_id: string
    worker_name: string
    clock_in: string
    clock_out: string
    total_minutes: number
    location_id: string | null
  }
  /** A worker was created. */
  'worker.created': {
    worker_id: string
    worker_name: string
    email: string | null
    external_id: string | null
    location_id: string | null
  }
  /** A worker was changed; changed_fields lists what changed. */
  'worker.updated': {
    worker_id: string
    worker_name: string
    email: string | null
    external_id: string | null
    location_id: string | null
    changed_fields: string[]
  }
  /** A worker was deleted. */
  'worker.deleted': {
    worker_id: string
    worker_name: string
  }
  /** A shift was planned for a worker. */
  'shift.created': {
    shift_id: string
    worker_id: string
    location_id: string | null
    shift_date: string
    start_time: string
    end_time: string
  }
  /** A worker document passed its expiry date (sent once per document). */
  'document.expired': {
    document_id: string
    worker_id: string
    kind: string
    expires_on: string
  }
  /** An attendance correction: a time entry was changed; changed_fields lists what changed (clock_in, clock_out, location_id). */
  'time_entry.updated': {
    entry_id: string
    worker_id: string
    worker_name: string
    clock_in: string
    clock_out: string | null
    total_minutes: number | null
    location_id: string | null
    changed_fields: string[]
  }
  /** An attendance correction: a time entry was deleted. */
  'time_entry.deleted': {
    entry_id: string
    worker_id: string
    worker_name: string
    clock_in: string
    clock_out: string | null
    total_minutes: number | null
    location_id: string | null
  }
  /** Sent by the test action to one webhook only. */
  'webhook.test': {
    webhook_id: string
    message: string
  }
}

/** Each event type's `data` in payload version 2. */
export type ClockhookEventsV2 = {
  /** A worker clocked in. */
  'clock.in': {
    entry_id: string
    clock_in: string
    location_id: string | null
    worker: {
      id: string
      name: string
    }
  }
  /** A worker clocked out; total_minutes is the length of the entry. */
  'clock.out': {
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
  /** A worker was created. */
  'worker.created': {
    email: string | null
    external_id: string | null
    location_id: string | null
    worker: {
      id: string
      name: string
    }
  }
  /** A worker was changed; changed_fields lists what changed. */
  'worker.updated': {
    email: string | null
    external_id: string | null
    location_id: string | null
    changed_fields: string[]
    worker: {
      id: string
      name: string
    }
  }
  /** A worker was deleted. */
  'worker.deleted': {
    worker: {
      id: string
      name: string
    }
  }
  /** A shift was planned for a worker. */
  'shift.created': {
    shift_id: string
    worker_id: string
    location_id: string | null
    shift_date: string
    start_time: string
    end_time: string
  }
  /** A worker document passed its expiry date (sent once per document). */
  'document.expired': {
    document_id: string
    worker_id: string
    kind: string
    expires_on: string
  }
  /** An attendance correction: a time entry was changed; changed_fields lists what changed (clock_in, clock_out, location_id). */
  'time_entry.updated': {
    entry_id: string
    clock_in: string
    clock_out: string | null
    total_minutes: number | null
    location_id: string | null
    changed_fields: string[]
    worker: {
      id: string
      name: string
    }
  }
  /** An attendance correction: a time entry was deleted. */
  'time_entry.deleted': {
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
  /** Sent by the test action to one webhook only. */
  'webhook.test': {
    webhook_id: string
    message: string
  }
}

/** The event maps by payload version. */
export type ClockhookEventsByVersion = {
  1: ClockhookEventsV1
  2: ClockhookEventsV2
}
