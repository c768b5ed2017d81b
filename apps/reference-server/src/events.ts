import { createHmac } from 'node:crypto'
import type { Endpoint, ExtraHeaders, Message, SendInput } from '@clockhook/dispatcher'
import { z } from 'zod'

/**
 * The event catalog. Messages are stored in payload version 1; version 2 is rendered
 * per webhook. The documented difference: where an event names a worker by id and name,
 * version 2 groups them into `worker: { id, name }` instead of `worker_id` and `worker_name`.
 */
const workerRef = { worker_id: z.string(), worker_name: z.string() }
const v1 = {
  'clock.in': z.object({
    entry_id: z.string(),
    ...workerRef,
    clock_in: z.string(),
    location_id: z.string().nullable(),
  }),
  'clock.out': z.object({
    entry_id: z.string(),
    ...workerRef,
    clock_in: z.string(),
    clock_out: z.string(),
    total_minutes: z.number().int(),
    location_id: z.string().nullable(),
  }),
  'worker.created': z.object({
    ...workerRef,
    email: z.string().nullable(),
    external_id: z.string().nullable(),
    location_id: z.string().nullable(),
  }),
  'worker.updated': z.object({
    ...workerRef,
    email: z.string().nullable(),
    external_id: z.string().nullable(),
    location_id: z.string().nullable(),
    changed_fields: z.array(z.string()),
  }),
  'worker.deleted': z.object(workerRef),
  'shift.created': z.object({
    shift_id: z.string(),
    worker_id: z.string(),
    location_id: z.string().nullable(),
    shift_date: z.string(),
    start_time: z.string(),
    end_time: z.string(),
  }),
  'document.expired': z.object({
    document_id: z.string(),
    worker_id: z.string(),
    kind: z.string(),
    expires_on: z.string(),
  }),
  'time_entry.updated': z.object({
    entry_id: z.string(),
    ...workerRef,
    clock_in: z.string(),
    clock_out: z.string().nullable(),
    total_minutes: z.number().int().nullable(),
    location_id: z.string().nullable(),
    /** Of `clock_in`, `clock_out`, `location_id`. */
    changed_fields: z.array(z.string()),
  }),
  'time_entry.deleted': z.object({
    entry_id: z.string(),
    ...workerRef,
    clock_in: z.string(),
    clock_out: z.string().nullable(),
    total_minutes: z.number().int().nullable(),
    location_id: z.string().nullable(),
  }),
  'webhook.test': z.object({ webhook_id: z.string(), message: z.string() }),
} as const

export type EventType = keyof typeof v1

/** The `data` of an event type as it is stored and sent in payload version 1. */
export type EventData<T extends EventType> = z.input<(typeof v1)[T]>

/**
 * A message for `dispatcher.send`, its data typed by the catalog: the catalog is the one
 * source of the docs, the JSON Schemas, the rendering and what the routes send.
 */
export function catalogEvent<T extends EventType>(
  type: T,
  tenantId: string,
  data: EventData<T>,
): SendInput {
  return { type, tenantId, data }
}
export const EVENT_TYPES = Object.keys(v1) as EventType[]
export const SUBSCRIBABLE_TYPES = EVENT_TYPES.filter((t) => t !== 'webhook.test')

const descriptions: Record<EventType, string> = {
  'clock.in': 'A worker clocked in.',
  'clock.out': 'A worker clocked out; total_minutes is the length of the entry.',
  'worker.created': 'A worker was created.',
  'worker.updated': 'A worker was changed; changed_fields lists what changed.',
  'worker.deleted': 'A worker was deleted.',
  'shift.created': 'A shift was planned for a worker.',
  'document.expired': 'A worker document passed its expiry date (sent once per document).',
  'time_entry.updated':
    'An attendance correction: a time entry was changed; changed_fields lists what changed (clock_in, clock_out, location_id).',
  'time_entry.deleted': 'An attendance correction: a time entry was deleted.',
  'webhook.test': 'Sent by the test action to one webhook only.',
}

function toV2(data: Record<string, unknown>): Record<string, unknown> {
  if (!('worker_id' in data) || !('worker_name' in data)) return data
  const { worker_id, worker_name, ...rest } = data
  return { ...rest, worker: { id: worker_id, name: worker_name } }
}

/** The envelope of a message in a payload version. */
export function envelope(message: Message, version: number) {
  const data = message.payload as Record<string, unknown>
  return {
    type: message.type,
    timestamp: new Date(message.timestamp).toISOString(),
    data: version === 2 ? toV2(data) : data,
  }
}

/** The dispatcher's renderer: each webhook gets its pinned version, else the tenant default. */
export function createRenderer(defaultVersion: (tenantId: string) => Promise<number>) {
  return async (message: Message, endpoint: Endpoint) =>
    JSON.stringify(envelope(message, endpoint.version ?? (await defaultVersion(endpoint.tenantId))))
}

/** `GET /v1/event-types`: each type with a JSON Schema of its data per payload version. */
export function eventCatalog() {
  return EVENT_TYPES.map((type) => {
    const schema1 = z.toJSONSchema(v1[type]) as Record<string, unknown>
    const props = (schema1.properties ?? {}) as Record<string, unknown>
    let schema2 = schema1
    if ('worker_id' in props && 'worker_name' in props) {
      const { worker_id: _i, worker_name: _n, ...rest } = props
      schema2 = {
        ...schema1,
        properties: {
          ...rest,
          worker: {
            type: 'object',
            properties: { id: { type: 'string' }, name: { type: 'string' } },
            required: ['id', 'name'],
          },
        },
        required: [
          ...((schema1.required as string[]) ?? []).filter(
            (k) => k !== 'worker_id' && k !== 'worker_name',
          ),
          'worker',
        ],
      }
    }
    return { type, description: descriptions[type], schemas: { '1': schema1, '2': schema2 } }
  })
}

/**
 * The opt-in GitHub-style signature of a webhook with `legacy_signature_header`:
 * `sha256=<hex HMAC-SHA256 of the raw body>`, keyed with the `whsec_…` secret as written.
 * It has no timestamp, so unlike the Standard Webhooks headers it does not stop replays.
 */
export const legacySignature: ExtraHeaders = ({ endpoint, body, secret }) => {
  const header = endpoint.metadata.legacy_signature_header
  if (typeof header !== 'string') return {}
  return { [header]: `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` }
}
