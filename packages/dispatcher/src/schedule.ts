/** Standard Webhooks / Svix practice: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = [
  0,
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
]

/**
 * The delay before the next attempt after `attemptsMade` attempts, with ±`jitter`
 * spread; `null` when the schedule is exhausted and the delivery has failed for good.
 */
export function nextRetryDelay(
  schedule: readonly number[],
  attemptsMade: number,
  jitter: number,
  random: () => number = Math.random,
): number | null {
  const base = schedule[attemptsMade]
  if (base === undefined) return null
  return Math.max(0, Math.round(base * (1 + (random() * 2 - 1) * jitter)))
}

/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (value === undefined) return null
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}
