import { newId } from '../../src/ids'
import type { NewDelivery, StoredEndpoint, StoredMessage } from '../../src/store/types'
import type { Attempt } from '../../src/types'

/** Rows for store tests: valid by default, any field overridable. */
export const T0 = 1_800_000_000_000

export function endpoint(overrides: Partial<StoredEndpoint> = {}): StoredEndpoint {
  return {
    id: newId('ep_'),
    tenantId: 'ten_a',
    url: 'https://example.com/hooks',
    description: null,
    secrets: [{ secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', expiresAt: null }],
    eventTypes: null,
    enabled: true,
    disabledReason: null,
    version: null,
    headers: { 'x-team': 'payroll' },
    rateLimitPerSecond: null,
    maxConcurrency: null,
    ordered: false,
    timeoutMs: null,
    metadata: { owner: 'ops' },
    failingSince: null,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  }
}

export function message(overrides: Partial<StoredMessage> = {}): StoredMessage {
  return {
    id: newId('msg_'),
    tenantId: 'ten_a',
    type: 'clock.in',
    timestamp: T0,
    payload: { worker_id: 'wkr_1', n: 1 },
    sequence: null,
    isTest: false,
    createdAt: T0,
    ...overrides,
  }
}

export function delivery(
  m: StoredMessage,
  e: StoredEndpoint,
  overrides: Partial<NewDelivery> = {},
): NewDelivery {
  return {
    id: newId('dlv_'),
    messageId: m.id,
    endpointId: e.id,
    tenantId: m.tenantId,
    eventType: m.type,
    isTest: m.isTest,
    nextAttemptAt: T0,
    createdAt: T0,
    ...overrides,
  }
}

export function attempt(
  deliveryId: string,
  endpointId: string,
  succeeded: boolean,
  at = T0,
): Attempt {
  return {
    id: newId('atm_'),
    deliveryId,
    endpointId,
    trigger: 'scheduled',
    attemptedAt: at,
    durationMs: 12,
    succeeded,
    httpStatus: succeeded ? 200 : 500,
    errorKind: succeeded ? null : 'http_status',
    errorMessage: succeeded ? null : 'HTTP 500',
    requestHeaders: { 'webhook-id': 'msg_x' },
    requestPreview: '{}',
    responsePreview: succeeded ? 'ok' : 'boom',
  }
}
