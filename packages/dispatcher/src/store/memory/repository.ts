import { isLeaseFree, isOpen } from '../rules'
import type {
  Backlog,
  DeliveryQuery,
  DeliveryRepository,
  EndpointPatch,
  EndpointQuery,
  MessageQuery,
  NewDelivery,
  StoredMessage,
} from '../types'
import type { MemoryTables } from './tables'
import { addDeliveries, copy, toDelivery } from './tables'

/** The repository seam in memory. */
/** One process, no concurrent commits: a message is sequenced as it is stored. */
function storeMessage(t: MemoryTables, message: StoredMessage, news: NewDelivery[]): void {
  t.messages.set(message.id, { ...copy(message), sequence: message.isTest ? null : ++t.sequence })
  addDeliveries(t, news)
}

export function memoryRepository(t: MemoryTables): DeliveryRepository {
  return {
    async insertEndpoint(endpoint) {
      t.endpoints.set(endpoint.id, copy(endpoint))
    },
    async updateEndpoint(id, patch: EndpointPatch) {
      const current = t.endpoints.get(id)
      if (!current) return undefined
      const next = { ...current, ...copy(patch) }
      t.endpoints.set(id, next)
      return copy(next)
    },
    async deleteEndpoint(id) {
      if (!t.endpoints.delete(id)) return false
      for (const [did, row] of t.deliveries) {
        if (row.endpointId !== id) continue
        t.deliveries.delete(did)
        t.open.delete(did)
        t.attempts.delete(did)
      }
      return true
    },
    async getEndpoint(id) {
      const e = t.endpoints.get(id)
      return e && copy(e)
    },
    async listEndpoints(query: EndpointQuery) {
      return [...t.endpoints.values()]
        .filter((e) => query.tenantId === undefined || e.tenantId === query.tenantId)
        .filter((e) => query.afterId === undefined || e.id > query.afterId)
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .slice(0, query.limit)
        .map(copy)
    },
    async enabledEndpoints(tenantId) {
      return [...t.endpoints.values()].filter((e) => e.enabled && e.tenantId === tenantId).map(copy)
    },
    async disableEndpoint(id, reason, now) {
      const e = t.endpoints.get(id)
      if (!e?.enabled) return false
      e.enabled = false
      e.disabledReason = reason
      e.updatedAt = now
      return true
    },

    async insertMessage(message, news) {
      storeMessage(t, message, news)
    },
    async insertMessages(batch) {
      for (const { message, deliveries } of batch) storeMessage(t, message, deliveries)
    },
    async sequenceMessages() {},
    async insertDeliveries(news) {
      addDeliveries(t, news)
    },
    async getMessage(id) {
      const m = t.messages.get(id)
      return m && copy(m)
    },
    async listMessages(query: MessageQuery) {
      const out: StoredMessage[] = []
      for (const m of t.messages.values()) {
        if (m.isTest || m.sequence === null || m.sequence <= query.afterSequence) continue
        if (query.tenantId !== undefined && m.tenantId !== query.tenantId) continue
        if (query.types && !query.types.includes(m.type)) continue
        out.push(m)
      }
      return out
        .sort((a, b) => a.sequence! - b.sequence!)
        .slice(0, query.limit)
        .map(copy)
    },
    async listMessagesWithoutDelivery({ endpointId, tenantId, since, types, limit }) {
      const delivered = new Set<string>()
      for (const d of t.deliveries.values())
        if (d.endpointId === endpointId) delivered.add(d.messageId)
      return [...t.messages.values()]
        .filter(
          (m) =>
            !m.isTest &&
            m.tenantId === tenantId &&
            m.createdAt >= since &&
            (types === null || types.includes(m.type)) &&
            !delivered.has(m.id),
        )
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .slice(0, limit)
        .map(copy)
    },

    async getDelivery(id) {
      const row = t.deliveries.get(id)
      return row && toDelivery(row)
    },
    async listDeliveries(query: DeliveryQuery) {
      return [...t.deliveries.values()]
        .filter(
          (d) =>
            (query.endpointId === undefined || d.endpointId === query.endpointId) &&
            (query.tenantId === undefined || d.tenantId === query.tenantId) &&
            (query.status === undefined || d.status === query.status) &&
            (query.beforeId === undefined || d.id < query.beforeId),
        )
        .sort((a, b) => (a.id < b.id ? 1 : -1))
        .slice(0, query.limit)
        .map(toDelivery)
    },
    async listAttempts(deliveryId) {
      return copy(t.attempts.get(deliveryId) ?? [])
    },
    async requeue(id, now) {
      const row = t.deliveries.get(id)
      if (!row) return 'not_found'
      if (!isLeaseFree(row.leasedUntil, now)) return 'in_flight'
      row.status = row.attempts > 0 ? 'retrying' : 'pending'
      row.nextAttemptAt = now
      row.leasedUntil = null
      row.pendingTrigger = 'resend'
      row.updatedAt = now
      t.open.add(id)
      return 'ok'
    },
    async requeueFailed(endpointId, since, now) {
      let count = 0
      for (const row of t.deliveries.values()) {
        if (row.endpointId !== endpointId || row.status !== 'failed' || row.isTest) continue
        if (row.createdAt < since) continue
        row.status = 'retrying'
        row.nextAttemptAt = now
        row.updatedAt = now
        t.open.add(row.id)
        count++
      }
      return count
    },

    async endpointStats(endpointId, since) {
      let total = 0
      let failures = 0
      for (const list of t.attempts.values()) {
        for (const a of list) {
          if (a.endpointId !== endpointId || a.attemptedAt < since) continue
          total++
          if (!a.succeeded) failures++
        }
      }
      return { attempts: total, failures }
    },
    async backlog(now): Promise<Backlog> {
      let due = 0
      let scheduled = 0
      let paused = 0
      for (const id of t.open) {
        const row = t.deliveries.get(id)!
        if (!t.endpoints.get(row.endpointId)?.enabled) paused++
        else if (row.nextAttemptAt! <= now && isLeaseFree(row.leasedUntil, now)) due++
        else scheduled++
      }
      return { due, scheduled, paused }
    },
    async purge(before, tenantId) {
      let removedDeliveries = 0
      let removedAttempts = 0
      let removedMessages = 0
      for (const [id, row] of t.deliveries) {
        if (isOpen(row.status) || row.createdAt >= before) continue
        if (tenantId !== undefined && row.tenantId !== tenantId) continue
        removedAttempts += t.attempts.get(id)?.length ?? 0
        t.attempts.delete(id)
        t.deliveries.delete(id)
        removedDeliveries++
      }
      const referenced = new Set([...t.deliveries.values()].map((d) => d.messageId))
      for (const [id, m] of t.messages) {
        if (tenantId !== undefined && m.tenantId !== tenantId) continue
        if (m.createdAt < before && !referenced.has(id)) {
          t.messages.delete(id)
          removedMessages++
        }
      }
      return { messages: removedMessages, deliveries: removedDeliveries, attempts: removedAttempts }
    },
  }
}
