import type { Dispatcher } from '@clockhook/dispatcher'
import { ApiError } from './errors'

/** Long-polls one API key may hold open at once; more answer 429. */
export const MAX_LONG_POLLS_PER_KEY = 20
/** Long-polls one tenant may hold open at once, whatever the number of its keys. */
export const MAX_LONG_POLLS_PER_TENANT = 200
const PROBE_INTERVAL_MS = 250
const PROBE_BATCH = 500

interface Waiter {
  seen: number
  deadline: number
  resolve(head: number | null): void
}

interface TenantWatch {
  waiters: Set<Waiter>
  timer: NodeJS.Timeout | undefined
  probing: boolean
}

export interface LongPolls {
  /** Takes one of the key's and the tenant's long-poll slots; 429 when either is full. Call the result to give them back. */
  acquire(apiKeyId: string, tenantId: string): () => void
  /**
   * Resolves with a newer event sequence of the tenant once there is one past `seen`, or
   * `null` at the deadline, on abort, or when the server closes.
   */
  waitForNewer(
    tenantId: string,
    seen: number,
    deadline: number,
    signal: AbortSignal,
  ): Promise<number | null>
  close(): void
}

/**
 * The pull API's long-poll: one shared probe per tenant (a single query every 250 ms
 * while anyone waits) wakes every waiter of that tenant, instead of each request polling
 * the database on its own; and a cap on long-polls held open per API key.
 */
export function createLongPolls(dispatcher: Dispatcher): LongPolls {
  const held = new Map<string, number>()
  const tenants = new Map<string, TenantWatch>()
  let closed = false

  // One query per tenant and tick, from the lowest cursor anyone waits on: every waiter
  // whose cursor is below what it finds wakes. A waiter with a cursor from the future only
  // ever waits on itself; it cannot hold back the others.
  const probe = async (tenantId: string, watch: TenantWatch) => {
    if (watch.probing || watch.waiters.size === 0) return
    watch.probing = true
    let newest: number | null = null
    try {
      const lowest = Math.min(...[...watch.waiters].map((w) => w.seen))
      const page = await dispatcher.listMessages({
        tenantId,
        after: String(lowest),
        limit: PROBE_BATCH,
      })
      if (page.data.length > 0) newest = Number(page.nextCursor)
    } catch {
      // a failed probe is retried at the next tick; waiters keep waiting until their deadline
    } finally {
      watch.probing = false
    }
    const now = Date.now()
    for (const waiter of watch.waiters) {
      if (newest !== null && waiter.seen < newest) waiter.resolve(newest)
      else if (waiter.deadline <= now) waiter.resolve(null)
    }
    if (watch.waiters.size === 0) {
      clearInterval(watch.timer)
      tenants.delete(tenantId)
    }
  }

  return {
    acquire(apiKeyId, tenantId) {
      const key = `key:${apiKeyId}`
      const tenant = `tenant:${tenantId}`
      const full = (held.get(key) ?? 0) >= MAX_LONG_POLLS_PER_KEY
      if (full || (held.get(tenant) ?? 0) >= MAX_LONG_POLLS_PER_TENANT)
        throw new ApiError(
          429,
          'rate_limited',
          full
            ? `at most ${MAX_LONG_POLLS_PER_KEY} long-polls (wait > 0) may be open per API key`
            : `at most ${MAX_LONG_POLLS_PER_TENANT} long-polls (wait > 0) may be open per tenant`,
          undefined,
          { 'retry-after': '1' },
        )
      for (const slot of [key, tenant]) held.set(slot, (held.get(slot) ?? 0) + 1)
      let released = false
      return () => {
        if (released) return
        released = true
        for (const slot of [key, tenant]) {
          const left = (held.get(slot) ?? 1) - 1
          if (left <= 0) held.delete(slot)
          else held.set(slot, left)
        }
      }
    },

    waitForNewer(tenantId, seen, deadline, signal) {
      if (closed || signal.aborted || deadline <= Date.now()) return Promise.resolve(null)
      let watch = tenants.get(tenantId)
      if (!watch) {
        const created: TenantWatch = {
          waiters: new Set(),
          timer: undefined,
          probing: false,
        }
        created.timer = setInterval(() => void probe(tenantId, created), PROBE_INTERVAL_MS)
        created.timer.unref()
        tenants.set(tenantId, created)
        watch = created
      }
      const current = watch
      return new Promise<number | null>((resolve) => {
        const waiter: Waiter = {
          seen,
          deadline,
          resolve(head) {
            current.waiters.delete(waiter)
            clearTimeout(timeout)
            signal.removeEventListener('abort', onAbort)
            resolve(head)
          },
        }
        const onAbort = () => waiter.resolve(null)
        const timeout = setTimeout(onAbort, deadline - Date.now())
        signal.addEventListener('abort', onAbort, { once: true })
        current.waiters.add(waiter)
      })
    },

    close() {
      closed = true
      for (const watch of tenants.values()) {
        clearInterval(watch.timer)
        for (const waiter of watch.waiters) waiter.resolve(null)
      }
      tenants.clear()
    },
  }
}
