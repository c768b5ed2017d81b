import type { Scope } from '../api'
import { DispatcherError } from '../errors'
import type { Config } from '../options'
import type { SecretBox } from '../secrets'
import type { AddressPolicy } from '../ssrf'
import type { DeliveryStore, StoredEndpoint } from '../store/types'
import type { Page } from '../types'

export const MAX_PAGE = 500

/** What the management API works with. */
export interface ManagementContext {
  store: DeliveryStore
  config: Config
  secrets: SecretBox
  policy: AddressPolicy
  /**
   * Something may be due now. With the host's `trx` the change is not committed yet and
   * we cannot see when it will be: look again shortly after (Postgres' NOTIFY also fires
   * at the commit).
   */
  wake(trx?: unknown): void
}

/** The endpoint, or `not_found` (also for another tenant's endpoint when a scope is given). */
export async function loadEndpoint(
  store: DeliveryStore,
  id: string,
  scope?: Scope & { trx?: unknown },
): Promise<StoredEndpoint> {
  const endpoint = typeof id === 'string' ? await store.getEndpoint(id, scope?.trx) : undefined
  if (!endpoint || (scope?.tenantId !== undefined && endpoint.tenantId !== scope.tenantId)) {
    throw new DispatcherError('not_found', `no endpoint ${String(id).slice(0, 64)}`)
  }
  return endpoint
}

export function asTime(value: Date | number, name: string): number {
  const t = value instanceof Date ? value.getTime() : value
  if (typeof t !== 'number' || !Number.isFinite(t)) {
    throw new DispatcherError('invalid_argument', `${name} must be a Date or epoch milliseconds`)
  }
  return t
}

export function checkId(id: unknown): string {
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
    throw new DispatcherError('invalid_argument', 'id must be 1-64 letters, digits, _ or -')
  }
  return id
}

/** A page from `limit + 1` rows, the cursor being the last row's id. */
export function pageOf<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const data = rows.slice(0, limit)
  const hasMore = rows.length > limit
  return { data, hasMore, nextCursor: hasMore ? data[data.length - 1]!.id : null }
}
