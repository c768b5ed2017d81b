import type { Attempt, Delivery } from '../../types'
import type { ClaimedDelivery, NewDelivery, StoredEndpoint, StoredMessage } from '../types'

export interface DeliveryRow extends Delivery {
  leaseToken: number
  leasedUntil: number | null
  leasedBy: string | null
  pendingTrigger: 'resend' | null
}

export const copy = <T>(value: T): T => structuredClone(value)

/** The memory store's state: what the SQL stores keep in their tables. */
export class MemoryTables {
  readonly endpoints = new Map<string, StoredEndpoint>()
  readonly messages = new Map<string, StoredMessage>()
  readonly deliveries = new Map<string, DeliveryRow>()
  /** Ids of the deliveries still to be attempted. */
  readonly open = new Set<string>()
  readonly attempts = new Map<string, Attempt[]>()
  /** Heartbeats by worker id. */
  readonly workers = new Map<string, number>()
  /** Each limited endpoint's rate limiter state (see `grantPermits`). */
  readonly rateTat = new Map<string, number>()
  /** Permits by delivery id: held while the lease they were granted under is. */
  readonly permits = new Map<string, { endpointId: string; leaseToken: number; until: number }>()
  sequence = 0
}

export const toDelivery = ({
  leaseToken: _t,
  leasedUntil: _l,
  leasedBy: _b,
  pendingTrigger: _p,
  ...d
}: DeliveryRow): Delivery => copy(d)

export function hasEarlierOpenDelivery(t: MemoryTables, row: DeliveryRow): boolean {
  for (const id of t.open) {
    const other = t.deliveries.get(id)!
    if (other.endpointId === row.endpointId && !other.isTest && other.id < row.id) return true
  }
  return false
}

export function addDeliveries(t: MemoryTables, news: NewDelivery[]): void {
  for (const d of news) {
    t.deliveries.set(d.id, {
      ...d,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: d.nextAttemptAt,
      lastHttpStatus: null,
      lastError: null,
      updatedAt: d.createdAt,
      leaseToken: 0,
      leasedUntil: null,
      leasedBy: null,
      pendingTrigger: null,
    })
    t.open.add(d.id)
  }
}

export function claimed(t: MemoryTables, row: DeliveryRow): ClaimedDelivery {
  return {
    delivery: toDelivery(row),
    leaseToken: row.leaseToken,
    message: copy(t.messages.get(row.messageId)!),
    endpoint: copy(t.endpoints.get(row.endpointId)!),
    trigger: row.pendingTrigger ?? 'scheduled',
  }
}

export function lease(row: DeliveryRow, now: number, leaseMs: number, owner?: string): void {
  row.leaseToken += 1
  row.leasedUntil = now + leaseMs
  row.leasedBy = owner ?? null
}
