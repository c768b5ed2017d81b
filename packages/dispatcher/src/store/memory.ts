import type { Attempt, Delivery } from '../types'
import { failingSinceAfter, failureStreak, isDue, isLeaseFree, isOpen } from './rules'
import type {
  AttemptOutcome,
  Backlog,
  ClaimedDelivery,
  ClaimOptions,
  DeliveryQuery,
  DeliveryStore,
  EndpointPatch,
  EndpointQuery,
  MessageQuery,
  NewDelivery,
  Release,
  StoredEndpoint,
  StoredMessage,
} from './types'

interface DeliveryRow extends Delivery {
  leaseToken: number
  leasedUntil: number | null
  leasedBy: string | null
  pendingTrigger: 'resend' | null
}

const copy = <T>(value: T): T => structuredClone(value)

/**
 * A store in process memory: for tests, demos and hosts that accept losing what is
 * queued when the process exits. Same semantics as the SQL stores.
 *
 * @example
 * const dispatcher = createDispatcher({ store: memoryStore() })
 */
export function memoryStore(): DeliveryStore {
  const endpoints = new Map<string, StoredEndpoint>()
  const messages = new Map<string, StoredMessage>()
  const deliveries = new Map<string, DeliveryRow>()
  const open = new Set<string>()
  const attempts = new Map<string, Attempt[]>()
  const workers = new Map<string, number>()
  let sequence = 0

  const toDelivery = ({
    leaseToken: _t,
    leasedUntil: _l,
    leasedBy: _b,
    pendingTrigger: _p,
    ...d
  }: DeliveryRow): Delivery => copy(d)

  function hasEarlierOpenDelivery(row: DeliveryRow): boolean {
    for (const id of open) {
      const other = deliveries.get(id)!
      if (other.endpointId === row.endpointId && !other.isTest && other.id < row.id) return true
    }
    return false
  }

  function addDeliveries(news: NewDelivery[]): void {
    for (const d of news) {
      deliveries.set(d.id, {
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
      open.add(d.id)
    }
  }

  function claimed(row: DeliveryRow): ClaimedDelivery {
    return {
      delivery: toDelivery(row),
      leaseToken: row.leaseToken,
      message: copy(messages.get(row.messageId)!),
      endpoint: copy(endpoints.get(row.endpointId)!),
      trigger: row.pendingTrigger ?? 'scheduled',
    }
  }

  function lease(row: DeliveryRow, now: number, leaseMs: number, owner?: string): void {
    row.leaseToken += 1
    row.leasedUntil = now + leaseMs
    row.leasedBy = owner ?? null
  }

  return {
    kind: 'memory',
    async migrate() {},
    async close() {},

    async insertEndpoint(endpoint) {
      endpoints.set(endpoint.id, copy(endpoint))
    },
    async updateEndpoint(id, patch: EndpointPatch) {
      const current = endpoints.get(id)
      if (!current) return undefined
      const next = { ...current, ...copy(patch) }
      endpoints.set(id, next)
      return copy(next)
    },
    async deleteEndpoint(id) {
      if (!endpoints.delete(id)) return false
      for (const [did, row] of deliveries) {
        if (row.endpointId !== id) continue
        deliveries.delete(did)
        open.delete(did)
        attempts.delete(did)
      }
      return true
    },
    async getEndpoint(id) {
      const e = endpoints.get(id)
      return e && copy(e)
    },
    async listEndpoints(query: EndpointQuery) {
      return [...endpoints.values()]
        .filter((e) => query.tenantId === undefined || e.tenantId === query.tenantId)
        .filter((e) => query.afterId === undefined || e.id > query.afterId)
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .slice(0, query.limit)
        .map(copy)
    },
    async enabledEndpoints(tenantId) {
      return [...endpoints.values()].filter((e) => e.enabled && e.tenantId === tenantId).map(copy)
    },
    async disableEndpoint(id, reason, now) {
      const e = endpoints.get(id)
      if (!e?.enabled) return false
      e.enabled = false
      e.disabledReason = reason
      e.updatedAt = now
      return true
    },

    async insertMessage(message, news) {
      // one process, no concurrent commits: a message is sequenced as it is stored
      messages.set(message.id, { ...copy(message), sequence: message.isTest ? null : ++sequence })
      addDeliveries(news)
    },
    async sequenceMessages() {},
    async insertDeliveries(news) {
      addDeliveries(news)
    },
    async getMessage(id) {
      const m = messages.get(id)
      return m && copy(m)
    },
    async listMessages(query: MessageQuery) {
      const out: StoredMessage[] = []
      for (const m of messages.values()) {
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
      for (const d of deliveries.values())
        if (d.endpointId === endpointId) delivered.add(d.messageId)
      return [...messages.values()]
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

    async claimDue(now, limit, leaseMs, options: ClaimOptions = {}) {
      const due: DeliveryRow[] = []
      const skip = new Set(options.skipEndpoints ?? [])
      for (const id of open) {
        const row = deliveries.get(id)!
        if (skip.has(row.endpointId)) continue
        const endpoint = endpoints.get(row.endpointId)
        if (isDue(row, endpoint, now, () => hasEarlierOpenDelivery(row))) due.push(row)
      }
      due.sort((a, b) => a.nextAttemptAt! - b.nextAttemptAt! || (a.id < b.id ? -1 : 1))
      return due.slice(0, limit).map((row) => {
        lease(row, now, leaseMs, options.owner)
        return claimed(row)
      })
    },
    async claimDelivery(deliveryId, now, leaseMs, owner) {
      const row = deliveries.get(deliveryId)
      if (!row || !isOpen(row.status) || !isLeaseFree(row.leasedUntil, now)) return undefined
      lease(row, now, leaseMs, owner)
      return claimed(row)
    },
    async heartbeat(workerId, now, staleMs) {
      workers.set(workerId, now)
      const dead = new Set<string>()
      for (const [id, at] of workers) if (at < now - staleMs) dead.add(id)
      let reclaimed = 0
      if (dead.size === 0) return { reclaimed }
      for (const id of open) {
        const row = deliveries.get(id)!
        if (row.leasedUntil === null || row.leasedBy === null || !dead.has(row.leasedBy)) continue
        row.leasedUntil = null
        row.leasedBy = null
        reclaimed++
      }
      for (const id of dead) workers.delete(id)
      return { reclaimed }
    },
    async removeWorker(workerId) {
      workers.delete(workerId)
    },
    async recordOutcomes(outcomes: AttemptOutcome[], now) {
      const applied = new Set<string>()
      const byEndpoint = new Map<string, Attempt[]>()
      for (const o of outcomes) {
        const row = deliveries.get(o.deliveryId)
        if (!row || row.leaseToken !== o.leaseToken || row.leasedUntil === null) continue
        row.status = o.status
        row.attempts += 1
        row.nextAttemptAt = o.nextAttemptAt
        row.leasedUntil = null
        row.pendingTrigger = null
        row.lastHttpStatus = o.attempt.httpStatus
        row.lastError = o.attempt.errorMessage
        row.updatedAt = now
        if (isOpen(row.status)) open.add(row.id)
        else open.delete(row.id)
        const list = attempts.get(row.id) ?? []
        list.push(copy(o.attempt))
        attempts.set(row.id, list)
        byEndpoint.set(row.endpointId, [...(byEndpoint.get(row.endpointId) ?? []), o.attempt])
        applied.add(row.id)
      }
      for (const [endpointId, list] of byEndpoint) {
        const endpoint = endpoints.get(endpointId)
        if (endpoint)
          endpoint.failingSince = failingSinceAfter(endpoint.failingSince, failureStreak(list))
      }
      return applied
    },
    async release(releases: Release[]) {
      for (const r of releases) {
        const row = deliveries.get(r.deliveryId)
        if (!row || row.leaseToken !== r.leaseToken || row.leasedUntil === null) continue
        row.leasedUntil = null
        row.nextAttemptAt = r.nextAttemptAt
      }
    },

    async getDelivery(id) {
      const row = deliveries.get(id)
      return row && toDelivery(row)
    },
    async listDeliveries(query: DeliveryQuery) {
      return [...deliveries.values()]
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
      return copy(attempts.get(deliveryId) ?? [])
    },
    async requeue(id, now) {
      const row = deliveries.get(id)
      if (!row) return 'not_found'
      if (!isLeaseFree(row.leasedUntil, now)) return 'in_flight'
      row.status = row.attempts > 0 ? 'retrying' : 'pending'
      row.nextAttemptAt = now
      row.leasedUntil = null
      row.pendingTrigger = 'resend'
      row.updatedAt = now
      open.add(id)
      return 'ok'
    },
    async requeueFailed(endpointId, since, now) {
      let count = 0
      for (const row of deliveries.values()) {
        if (row.endpointId !== endpointId || row.status !== 'failed' || row.isTest) continue
        if (row.createdAt < since) continue
        row.status = 'retrying'
        row.nextAttemptAt = now
        row.updatedAt = now
        open.add(row.id)
        count++
      }
      return count
    },

    async endpointStats(endpointId, since) {
      let total = 0
      let failures = 0
      for (const list of attempts.values()) {
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
      for (const id of open) {
        const row = deliveries.get(id)!
        if (!endpoints.get(row.endpointId)?.enabled) paused++
        else if (row.nextAttemptAt! <= now && isLeaseFree(row.leasedUntil, now)) due++
        else scheduled++
      }
      return { due, scheduled, paused }
    },
    async purge(before) {
      let removedDeliveries = 0
      let removedAttempts = 0
      let removedMessages = 0
      for (const [id, row] of deliveries) {
        if (isOpen(row.status) || row.createdAt >= before) continue
        removedAttempts += attempts.get(id)?.length ?? 0
        attempts.delete(id)
        deliveries.delete(id)
        removedDeliveries++
      }
      const referenced = new Set([...deliveries.values()].map((d) => d.messageId))
      for (const [id, m] of messages) {
        if (m.createdAt < before && !referenced.has(id)) {
          messages.delete(id)
          removedMessages++
        }
      }
      return { messages: removedMessages, deliveries: removedDeliveries, attempts: removedAttempts }
    },
  }
}
