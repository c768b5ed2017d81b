import type { Dispatcher } from '@clockhook/dispatcher'
import { ApiError } from './errors'

/** Long-polls one API key may hold open at once; more answer 429. */
export const MAX_LONG_POLLS_PER_KEY = 20
const PROBE_INTERVAL_MS = 250
const PROBE_BATCH = 500

interface Waiter {
  seen: number
  deadline: number
  resolve(head: number | null): void
}

interface TenantWatch {
  head: number
  waiters: Set<Waiter>
  timer: NodeJS.Timeout | undefined
  probing: boolean
}

export interface LongPolls {
  /** Takes one of the key's long-poll slots; 429 when it holds them all. Call the result to give it back. */
  acquire(apiKeyId: string): () => void
  /**
   * Resolves with the tenant's newest event sequence once it is past `seen`, or `null` at
   * the deadline, on abort, or when the server closes.
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
  const perKey = new Map<string, number>()
  const tenants = new Map<string, TenantWatch>()
  let closed = false

  const probe = async (tenantId: string, watch: TenantWatch) => {
    if (watch.probing) return
    watch.probing = true
    try {
      const page = await dispatcher.listMessages({
        tenantId,
        after: String(watch.head),
        limit: PROBE_BATCH,
      })
      watch.head = Math.max(watch.head, Number(page.nextCursor))
    } catch {
      // a failed probe is retried at the next tick; waiters keep waiting until their deadline
    } finally {
      watch.probing = false
    }
    const now = Date.now()
    for (const waiter of watch.waiters) {
      if (waiter.seen < watch.head) waiter.resolve(watch.head)
      else if (waiter.deadline <= now) waiter.resolve(null)
    }
    if (watch.waiters.size === 0) {
      clearInterval(watch.timer)
      tenants.delete(tenantId)
    }
  }

  return {
    acquire(apiKeyId) {
      const held = perKey.get(apiKeyId) ?? 0
      if (held >= MAX_LONG_POLLS_PER_KEY)
        throw new ApiError(
          429,
          'rate_limited',
          `at most ${MAX_LONG_POLLS_PER_KEY} long-polls (wait > 0) may be open per API key`,
          undefined,
          { 'retry-after': '1' },
        )
      perKey.set(apiKeyId, held + 1)
      let released = false
      return () => {
        if (released) return
        released = true
        const left = (perKey.get(apiKeyId) ?? 1) - 1
        if (left <= 0) perKey.delete(apiKeyId)
        else perKey.set(apiKeyId, left)
      }
    },

    waitForNewer(tenantId, seen, deadline, signal) {
      if (closed || signal.aborted || deadline <= Date.now()) return Promise.resolve(null)
      let watch = tenants.get(tenantId)
      if (watch && watch.head > seen) return Promise.resolve(watch.head)
      if (!watch) {
        const created: TenantWatch = {
          head: seen,
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
