import type { PagePromise } from '../core/pagination'
import type { RequestOptions } from '../core/types'
import type { AuditLogEntry, AuditLogListParams } from '../types'
import { APIResource } from './resource'

/**
 * The audit log (`/v1/audit-log`, admin): key and secret changes, webhook config changes, auto-disables.
 *
 * @example
 * for await (const entry of clockhook.auditLog.list()) console.log(entry.action, entry.actor)
 */
export class AuditLog extends APIResource {
  list(params: AuditLogListParams = {}, options?: RequestOptions): PagePromise<AuditLogEntry> {
    return this.client.list('/v1/audit-log', { ...params }, options)
  }
}
