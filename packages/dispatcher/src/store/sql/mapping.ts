import type { Selectable } from 'kysely'
import type {
  Attempt,
  AttemptErrorKind,
  AttemptTrigger,
  Delivery,
  DeliveryStatus,
} from '../../types'
import type { NewDelivery, StoredEndpoint, StoredMessage } from '../types'
import type { AttemptTable, DeliveryTable, EndpointTable, MessageTable } from './schema'

// pg answers bigint columns as strings: every number goes through `num`.
const num = (v: number | string): number => (typeof v === 'number' ? v : Number(v))
const numOrNull = (v: number | string | null): number | null => (v === null ? null : num(v))

export function endpointFromRow(r: Omit<Selectable<EndpointTable>, 'rate_tat'>): StoredEndpoint {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    url: r.url,
    description: r.description,
    secrets: JSON.parse(r.secrets),
    eventTypes: r.event_types === null ? null : JSON.parse(r.event_types),
    enabled: num(r.enabled) === 1,
    disabledReason: r.disabled_reason,
    version: r.version,
    headers: JSON.parse(r.headers),
    rateLimitPerSecond: r.rate_limit_per_second === null ? null : num(r.rate_limit_per_second),
    maxConcurrency: r.max_concurrency,
    ordered: num(r.ordered) === 1,
    timeoutMs: r.timeout_ms,
    metadata: JSON.parse(r.metadata),
    failingSince: numOrNull(r.failing_since),
    createdAt: num(r.created_at),
    updatedAt: num(r.updated_at),
  }
}

type EndpointColumns = Omit<EndpointTable, 'id' | 'tenant_id' | 'created_at'>

/** Columns for the fields present in a (partial) endpoint. */
export function endpointColumns(e: Partial<StoredEndpoint>): Partial<EndpointColumns> {
  const out: Partial<EndpointColumns> = {}
  if (e.url !== undefined) out.url = e.url
  if (e.description !== undefined) out.description = e.description
  if (e.secrets !== undefined) out.secrets = JSON.stringify(e.secrets)
  if (e.eventTypes !== undefined) {
    out.event_types = e.eventTypes === null ? null : JSON.stringify(e.eventTypes)
  }
  if (e.enabled !== undefined) out.enabled = e.enabled ? 1 : 0
  if (e.disabledReason !== undefined) out.disabled_reason = e.disabledReason
  if (e.version !== undefined) out.version = e.version
  if (e.headers !== undefined) out.headers = JSON.stringify(e.headers)
  if (e.rateLimitPerSecond !== undefined) out.rate_limit_per_second = e.rateLimitPerSecond
  if (e.maxConcurrency !== undefined) out.max_concurrency = e.maxConcurrency
  if (e.ordered !== undefined) out.ordered = e.ordered ? 1 : 0
  if (e.timeoutMs !== undefined) out.timeout_ms = e.timeoutMs
  if (e.metadata !== undefined) out.metadata = JSON.stringify(e.metadata)
  if (e.failingSince !== undefined) out.failing_since = e.failingSince
  if (e.updatedAt !== undefined) out.updated_at = e.updatedAt
  return out
}

export function messageFromRow(r: Selectable<MessageTable>): StoredMessage {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    type: r.type,
    timestamp: num(r.timestamp),
    payload: JSON.parse(r.payload),
    sequence: numOrNull(r.seq),
    isTest: num(r.is_test) === 1,
    createdAt: num(r.created_at),
  }
}

export function deliveryFromRow(
  r: Omit<
    Selectable<DeliveryTable>,
    'leased_by' | 'pending_trigger' | 'permit_until' | 'permit_lease'
  >,
): Delivery {
  return {
    id: r.id,
    messageId: r.message_id,
    endpointId: r.endpoint_id,
    tenantId: r.tenant_id,
    eventType: r.event_type,
    status: r.status as DeliveryStatus,
    attempts: num(r.attempts),
    nextAttemptAt: numOrNull(r.next_attempt_at),
    lastHttpStatus: r.last_http_status,
    lastError: r.last_error,
    isTest: num(r.is_test) === 1,
    createdAt: num(r.created_at),
    updatedAt: num(r.updated_at),
  }
}

export function attemptFromRow(r: Selectable<AttemptTable>): Attempt {
  return {
    id: r.id,
    deliveryId: r.delivery_id,
    endpointId: r.endpoint_id,
    trigger: r.trigger as AttemptTrigger,
    attemptedAt: num(r.attempted_at),
    durationMs: num(r.duration_ms),
    succeeded: num(r.succeeded) === 1,
    httpStatus: r.http_status,
    errorKind: r.error_kind as AttemptErrorKind | null,
    errorMessage: r.error_message,
    requestHeaders: JSON.parse(r.request_headers),
    requestPreview: r.request_preview,
    responsePreview: r.response_preview,
  }
}

export function attemptRow(a: Attempt): AttemptTable {
  return {
    id: a.id,
    delivery_id: a.deliveryId,
    endpoint_id: a.endpointId,
    trigger: a.trigger,
    attempted_at: a.attemptedAt,
    duration_ms: a.durationMs,
    succeeded: a.succeeded ? 1 : 0,
    http_status: a.httpStatus,
    error_kind: a.errorKind,
    error_message: a.errorMessage,
    request_headers: JSON.stringify(a.requestHeaders),
    request_preview: a.requestPreview,
    response_preview: a.responsePreview,
  }
}

export function messageRow(m: StoredMessage): MessageTable {
  return {
    id: m.id,
    tenant_id: m.tenantId,
    type: m.type,
    timestamp: m.timestamp,
    payload: JSON.stringify(m.payload),
    seq: null,
    is_test: m.isTest ? 1 : 0,
    created_at: m.createdAt,
  }
}

export function deliveryRow(d: NewDelivery): DeliveryTable {
  return {
    id: d.id,
    message_id: d.messageId,
    endpoint_id: d.endpointId,
    tenant_id: d.tenantId,
    event_type: d.eventType,
    status: 'pending',
    attempts: 0,
    next_attempt_at: d.nextAttemptAt,
    leased_until: null,
    lease_token: 0,
    is_test: d.isTest ? 1 : 0,
    last_http_status: null,
    last_error: null,
    created_at: d.createdAt,
    updated_at: d.createdAt,
  }
}

/** What a claimed row's attempt is. */
export const triggerOf = (row: Pick<DeliveryTable, 'pending_trigger'>): 'resend' | 'scheduled' =>
  row.pending_trigger === 'resend' ? 'resend' : 'scheduled'
