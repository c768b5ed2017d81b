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

/** How far ahead of a worker's clock the shared rate limiter may be before it is clamped. */
export const MAX_CLOCK_SKEW_MS = 10_000

/** The shared limits of one endpoint at the moment permits are asked for. */
export interface PermitState {
  /** The rate limiter's theoretical arrival time (GCRA), ms; `null` before the first permit. */
  rateTat: number | null
  /** Deliveries of the endpoint holding a permit right now (every worker's). */
  busy: number
}

/** How many of `wanted` may start now, the limiter's next state, and when to ask again. */
export interface PermitDecision {
  granted: number
  rateTat: number | null
  /** Ms until the next permit may be granted; `null` when that depends on a slot freeing. */
  retryAfterMs: number | null
}

/**
 * The permit rule for an endpoint with `rateLimitPerSecond` and/or `maxConcurrency`, held
 * across every worker that shares the store. The rate is a GCRA limiter (a token bucket in
 * one number): a burst of up to one second's worth, then one permit every `1000 / rate` ms;
 * the concurrency limit counts every worker's permits still held.
 */
export function grantPermits(
  state: PermitState,
  limits: { ratePerSecond: number | null; maxConcurrency: number | null },
  wanted: number,
  now: number,
): PermitDecision {
  let granted = wanted
  let slotBound = false
  if (limits.maxConcurrency !== null) {
    const room = Math.max(0, limits.maxConcurrency - state.busy)
    if (room < granted) {
      granted = room
      slotBound = true
    }
  }
  if (limits.ratePerSecond === null || limits.ratePerSecond <= 0) {
    return { granted, rateTat: state.rateTat, retryAfterMs: slotBound ? null : 0 }
  }
  const interval = 1000 / limits.ratePerSecond
  const tolerance = (Math.max(1, limits.ratePerSecond) - 1) * interval
  // No correct clock leaves the limiter further ahead than one burst and one interval, give
  // or take how long a worker waited for its turn (its `now` was taken before): a worker
  // whose clock runs ahead holds the others back by at most that and `MAX_CLOCK_SKEW_MS`,
  // not by its whole skew. (Clamping tighter would let a worker that waited pull the
  // limiter back by its wait, and grant more than the rate.)
  const ceiling = now + tolerance + interval + MAX_CLOCK_SKEW_MS
  const tat = Math.min(Math.max(state.rateTat ?? now, now), ceiling)
  const available = Math.max(0, Math.floor((now + tolerance - tat) / interval) + 1)
  const rateBound = available < granted
  if (rateBound) granted = available
  const next = tat + granted * interval
  const retryAfterMs = Math.max(1, Math.ceil(next - tolerance - now))
  return {
    granted,
    rateTat: next,
    retryAfterMs: rateBound || !slotBound ? retryAfterMs : null,
  }
}
