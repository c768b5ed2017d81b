import type { DispatcherOptions, ExtraHeaders, Logger, Renderer } from './api'
import type { Clock } from './clock'
import { systemClock } from './clock'
import { DispatcherError } from './errors'
import { DEFAULT_RETRY_SCHEDULE_MS } from './schedule'

export const DAY = 86_400_000

/** Every option with its default applied and checked, once, when the dispatcher is made. */
export interface Config {
  retrySchedule: readonly number[]
  jitter: number
  timeoutMs: number
  concurrency: number
  batchSize: number
  leaseMs: number
  endpointShare: number
  slowAfterMs: number
  /** Slow attempts (idle sockets) allowed beyond `concurrency`. */
  maxSlow: number
  heartbeatMs: number
  pollIntervalMs: number
  disableAfterMs: number
  retryAfterCapMs: number
  previewBytes: number
  recordDelayMs: number
  clock: Clock
  userAgent: string
  render: Renderer
  extraHeaders: ExtraHeaders | undefined
  logger: Logger | undefined
}

/** The body when the host gives no `render`: it reads the message only. */
export const defaultRender: Renderer = (m) =>
  JSON.stringify({ type: m.type, timestamp: new Date(m.timestamp).toISOString(), data: m.payload })

export function resolveOptions(options: DispatcherOptions): Config {
  const store = options.store
  if (!store || typeof store.claimDue !== 'function') {
    throw new DispatcherError(
      'invalid_argument',
      'createDispatcher needs a store (memoryStore, sqliteStore or postgresStore)',
    )
  }
  const retrySchedule = options.retrySchedule ?? DEFAULT_RETRY_SCHEDULE_MS
  if (retrySchedule.length === 0 || retrySchedule.some((d) => !Number.isFinite(d) || d < 0)) {
    throw new DispatcherError(
      'invalid_argument',
      'retrySchedule must be a non-empty list of delays in ms ≥ 0',
    )
  }
  const timeoutMs = options.timeoutMs ?? 30_000
  const concurrency = options.concurrency ?? 64
  const positive = {
    concurrency,
    batchSize: options.batchSize ?? 100,
    leaseMs: options.leaseMs ?? timeoutMs * 2 + 10_000,
    endpointShare: options.endpointShare ?? Math.max(1, Math.ceil(concurrency / 4)),
    slowAfterMs: options.slowAfterMs ?? 2000,
    heartbeatMs: options.heartbeatMs ?? 2000,
  }
  for (const [name, value] of Object.entries(positive)) {
    if (!Number.isFinite(value) || value <= 0) {
      throw new DispatcherError('invalid_argument', `${name} must be a positive number`)
    }
  }
  return {
    ...positive,
    retrySchedule,
    jitter: options.jitter ?? 0.2,
    timeoutMs,
    maxSlow: concurrency * 4,
    pollIntervalMs: options.pollIntervalMs ?? 1000,
    disableAfterMs: options.disableAfterMs ?? 5 * DAY,
    retryAfterCapMs: options.retryAfterCapMs ?? 3_600_000,
    previewBytes: options.previewBytes ?? 4096,
    recordDelayMs: options.recordDelayMs ?? 5,
    clock: options.clock ?? systemClock,
    userAgent: options.userAgent ?? 'Clockhook-Dispatcher/0.1',
    render: options.render ?? defaultRender,
    extraHeaders: options.extraHeaders,
    logger: options.logger,
  }
}
