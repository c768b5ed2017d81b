import type { Attempt } from '../../types'
import {
  failingSinceAfter,
  failureStreak,
  grantPermits,
  isDue,
  isLeaseFree,
  isOpen,
} from '../rules'
import type { AttemptOutcome, ClaimOptions, DeliveryQueue, Release } from '../types'
import type { DeliveryRow, MemoryTables } from './tables'
import { claimed, copy, hasEarlierOpenDelivery, lease } from './tables'

/** The queue seam in memory. */
export function memoryQueue(t: MemoryTables): DeliveryQueue {
  return {
    async claimDue(now, limit, leaseMs, options: ClaimOptions = {}) {
      const due: DeliveryRow[] = []
      const skip = new Set(options.skipEndpoints ?? [])
      for (const id of t.open) {
        const row = t.deliveries.get(id)!
        if (skip.has(row.endpointId)) continue
        const endpoint = t.endpoints.get(row.endpointId)
        if (isDue(row, endpoint, now, () => hasEarlierOpenDelivery(t, row))) due.push(row)
      }
      due.sort((a, b) => a.nextAttemptAt! - b.nextAttemptAt! || (a.id < b.id ? -1 : 1))
      return due.slice(0, limit).map((row) => {
        lease(row, now, leaseMs, options.owner)
        return claimed(t, row)
      })
    },
    async claimDelivery(deliveryId, now, leaseMs, owner) {
      const row = t.deliveries.get(deliveryId)
      if (!row || !isOpen(row.status) || !isLeaseFree(row.leasedUntil, now)) return undefined
      lease(row, now, leaseMs, owner)
      return claimed(t, row)
    },
    async heartbeat(workerId, now, staleMs) {
      t.workers.set(workerId, now)
      const dead = new Set<string>()
      for (const [id, at] of t.workers) if (at < now - staleMs) dead.add(id)
      let reclaimed = 0
      if (dead.size === 0) return { reclaimed }
      for (const id of t.open) {
        const row = t.deliveries.get(id)!
        if (row.leasedUntil === null || row.leasedBy === null || !dead.has(row.leasedBy)) continue
        row.leasedUntil = null
        t.permits.delete(row.id)
        row.leasedBy = null
        reclaimed++
      }
      for (const id of dead) t.workers.delete(id)
      return { reclaimed }
    },
    async removeWorker(workerId) {
      t.workers.delete(workerId)
    },
    async recordOutcomes(outcomes: AttemptOutcome[], now) {
      const applied = new Set<string>()
      const byEndpoint = new Map<string, Attempt[]>()
      for (const o of outcomes) {
        const row = t.deliveries.get(o.deliveryId)
        if (!row || row.leaseToken !== o.leaseToken || row.leasedUntil === null) continue
        row.status = o.status
        row.attempts += 1
        row.nextAttemptAt = o.nextAttemptAt
        row.leasedUntil = null
        t.permits.delete(row.id)
        row.pendingTrigger = null
        row.lastHttpStatus = o.attempt.httpStatus
        row.lastError = o.attempt.errorMessage
        row.updatedAt = now
        if (isOpen(row.status)) t.open.add(row.id)
        else t.open.delete(row.id)
        const list = t.attempts.get(row.id) ?? []
        list.push(copy(o.attempt))
        t.attempts.set(row.id, list)
        byEndpoint.set(row.endpointId, [...(byEndpoint.get(row.endpointId) ?? []), o.attempt])
        applied.add(row.id)
      }
      for (const [endpointId, list] of byEndpoint) {
        const endpoint = t.endpoints.get(endpointId)
        if (endpoint)
          endpoint.failingSince = failingSinceAfter(endpoint.failingSince, failureStreak(list))
      }
      return applied
    },
    async acquirePermits(request, now) {
      const { endpointId, claims } = request
      const endpoint = t.endpoints.get(endpointId)
      if (!endpoint) return { granted: [], retryAfterMs: null }
      // the limits as they are now, not as the claim saw them
      const limits = {
        ratePerSecond: endpoint.rateLimitPerSecond,
        maxConcurrency: endpoint.maxConcurrency,
      }
      let busy = 0
      for (const [deliveryId, permit] of t.permits) {
        const row = t.deliveries.get(deliveryId)
        const held =
          row !== undefined &&
          row.leaseToken === permit.leaseToken &&
          row.leasedUntil !== null &&
          permit.until > now
        if (!held) t.permits.delete(deliveryId)
        else if (permit.endpointId === endpointId) busy++
      }
      const leased = claims.filter(({ deliveryId, leaseToken }) => {
        const row = t.deliveries.get(deliveryId)
        return row?.leaseToken === leaseToken && row.leasedUntil !== null && row.leasedUntil > now
      })
      const decision = grantPermits(
        { rateTat: t.rateTat.get(endpointId) ?? null, busy },
        limits,
        leased.length,
        now,
      )
      if (decision.rateTat !== null) t.rateTat.set(endpointId, decision.rateTat)
      const granted = leased.slice(0, decision.granted)
      for (const c of limits.maxConcurrency === null ? [] : granted) {
        t.permits.set(c.deliveryId, {
          endpointId,
          leaseToken: c.leaseToken,
          until: now + request.holdMs,
        })
      }
      return { granted: granted.map((c) => c.deliveryId), retryAfterMs: decision.retryAfterMs }
    },
    async release(releases: Release[]) {
      for (const r of releases) {
        const row = t.deliveries.get(r.deliveryId)
        if (!row || row.leaseToken !== r.leaseToken || row.leasedUntil === null) continue
        row.leasedUntil = null
        t.permits.delete(row.id)
        row.nextAttemptAt = r.nextAttemptAt
      }
    },
  }
}
