import type { DeliveryStatus } from '../types'

// The rules every store must agree on, written once. The SQL stores use their twins in
// `sql/rules.ts` (one kysely expression each, shared by SQLite and Postgres); the memory
// store calls these functions. The contract suite holds all three to the same answers.

/** A delivery still to be attempted. */
export const isOpen = (status: DeliveryStatus): boolean =>
  status === 'pending' || status === 'retrying'

/** No worker holds the delivery: never leased, released, or its lease ran out. */
export const isLeaseFree = (leasedUntil: number | null, now: number): boolean =>
  leasedUntil === null || leasedUntil <= now

/** What `isDue` needs to know about a delivery. */
export interface DueCandidate {
  status: DeliveryStatus
  nextAttemptAt: number | null
  leasedUntil: number | null
  isTest: boolean
}

/**
 * Whether a worker may claim a delivery now: open, its time has come, not leased, its
 * endpoint enabled, and — for an ordered endpoint — no earlier open delivery of that
 * endpoint ahead of it (test sends skip the line).
 */
export function isDue(
  delivery: DueCandidate,
  endpoint: { enabled: boolean; ordered: boolean } | undefined,
  now: number,
  hasEarlierOpenDelivery: () => boolean,
): boolean {
  return (
    isOpen(delivery.status) &&
    delivery.nextAttemptAt !== null &&
    delivery.nextAttemptAt <= now &&
    isLeaseFree(delivery.leasedUntil, now) &&
    endpoint?.enabled === true &&
    (!endpoint.ordered || delivery.isTest || !hasEarlierOpenDelivery())
  )
}

/** What a batch of recorded attempts says about one endpoint's health. */
export interface FailureStreak {
  /** Some attempt in the batch succeeded: the streak before it is over. */
  sawSuccess: boolean
  /** When the failures after the last success began; `null` when the batch ended well. */
  streakStart: number | null
}

/** Reads one endpoint's attempts, in the order they were recorded. */
export function failureStreak(
  attempts: Iterable<{ succeeded: boolean; attemptedAt: number }>,
): FailureStreak {
  let sawSuccess = false
  let streakStart: number | null = null
  for (const a of attempts) {
    if (a.succeeded) {
      sawSuccess = true
      streakStart = null
    } else streakStart ??= a.attemptedAt
  }
  return { sawSuccess, streakStart }
}

/**
 * The failure-streak rule: an endpoint is failing since its first failure after its last
 * success (`null` = healthy). The health policy disables it once that is long enough ago.
 */
export const failingSinceAfter = (current: number | null, streak: FailureStreak): number | null =>
  streak.sawSuccess ? streak.streakStart : (current ?? streak.streakStart)
