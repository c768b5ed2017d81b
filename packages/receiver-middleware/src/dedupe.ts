type Awaitable<T> = T | Promise<T>

/**
 * What `claim` found: `claimed` — this delivery now owns the id and must `commit` or
 * `release` it; `handled` — an earlier delivery was handled; `in_progress` — another
 * delivery of the same id is being handled right now.
 */
export type ClaimResult = 'claimed' | 'handled' | 'in_progress'

/**
 * Remembers which `webhook-id`s were handled. `claim` must be atomic: of two concurrent
 * claims of one id exactly one gets `claimed`. Back it with Redis (`SET NX`), a unique
 * index, or use the in-memory default for a single process.
 *
 * @example
 * const redisDedupe: DedupeStore = {
 *   async claim(id) {
 *     if (await redis.set(`wh:${id}`, 'busy', { NX: true, PX: 300_000 })) return 'claimed'
 *     return (await redis.get(`wh:${id}`)) === 'done' ? 'handled' : 'in_progress'
 *   },
 *   async commit(id) { await redis.set(`wh:${id}`, 'done', { PX: 86_400_000 }) },
 *   async release(id) { await redis.del(`wh:${id}`) },
 * }
 */
export interface DedupeStore {
  claim(id: string): Awaitable<ClaimResult>
  /** The handler succeeded: remember the id as handled. */
  commit(id: string): Awaitable<void>
  /** The handler failed: forget the claim so a retry runs it again. */
  release(id: string): Awaitable<void>
}

export interface MemoryDedupeOptions {
  /** How long a handled id is remembered, in milliseconds. Default 24 h. */
  ttlMs?: number
  /** At most this many handled ids are kept; the oldest are forgotten first. Default 100 000. */
  maxEntries?: number
  /** The clock in milliseconds; for tests. Default `Date.now`. */
  now?: () => number
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The default dedupe store: one process's memory, ids kept `ttlMs` after they were handled.
 * Standard Webhooks senders retry for about a day, hence the 24 h default.
 *
 * @example
 * const receiver = createReceiver({ secret, dedupe: createMemoryDedupeStore({ ttlMs: 3_600_000 }) })
 */
export function createMemoryDedupeStore(options: MemoryDedupeOptions = {}): DedupeStore {
  const ttlMs = options.ttlMs ?? DAY_MS
  const maxEntries = options.maxEntries ?? 100_000
  const now = options.now ?? Date.now
  if (!(ttlMs > 0)) throw new RangeError('ttlMs must be a positive number of milliseconds')
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new RangeError('maxEntries must be a positive integer')
  }
  const inProgress = new Set<string>()
  const handledUntil = new Map<string, number>()

  const forgetExpired = () => {
    const t = now()
    for (const [id, until] of handledUntil) {
      if (until > t && handledUntil.size <= maxEntries) break
      handledUntil.delete(id)
    }
  }

  return {
    claim(id) {
      forgetExpired()
      if (handledUntil.has(id)) return 'handled'
      if (inProgress.has(id)) return 'in_progress'
      inProgress.add(id)
      return 'claimed'
    },
    commit(id) {
      inProgress.delete(id)
      handledUntil.delete(id)
      handledUntil.set(id, now() + ttlMs)
      forgetExpired()
    },
    release(id) {
      inProgress.delete(id)
    },
  }
}
