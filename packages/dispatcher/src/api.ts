import type { Clock } from './clock'
import type { DispatcherEventName, DispatcherEvents } from './events'
import type { SsrfOptions } from './ssrf'
import type { DeliveryStore } from './store/types'
import type {
  Attempt,
  Delivery,
  DeliveryStatus,
  Endpoint,
  EndpointSecret,
  Message,
  Page,
} from './types'

// The dispatcher's public surface: its options, inputs and methods.

/** Turns a message into the request body for one endpoint (payload versions live here). */
/** See `DispatcherOptions.extraHeaders`. */
export type ExtraHeaders = (attempt: {
  endpoint: Endpoint
  message: Message
  body: string
  secret: string
}) => Record<string, string> | Promise<Record<string, string>>

export type Renderer = (message: Message, endpoint: Endpoint) => string | Promise<string>

/** Seals secrets at rest (the host's AES-GCM, say); the store only sees sealed strings. */
export interface SecretCipher {
  seal(plain: string): string
  open(sealed: string): string
}

export interface Logger {
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
}

export interface DispatcherOptions {
  store: DeliveryStore
  /** Delays before each attempt in ms; the first is the initial attempt. */
  retrySchedule?: readonly number[]
  /** Spread of each delay, 0 to 1. Default 0.2 (±20 %). */
  jitter?: number
  /** Request timeout in ms (an endpoint may override it). Default 30 000. */
  timeoutMs?: number
  /** Attempts in flight at once in this process. Default 64. */
  concurrency?: number
  /**
   * In-flight slots a new endpoint may use at first. Default a quarter of `concurrency`.
   * Each prompt success adds one (up to `concurrency`); each attempt that hangs past
   * `slowAfterMs` or times out halves it (down to one). So a healthy endpoint soon gets
   * the whole process, and a hanging one cannot starve the others.
   */
  endpointShare?: number
  /**
   * An attempt still running after this long stops counting against `concurrency` (it only
   * holds an idle socket; at most `4 × concurrency` such) and halves its endpoint's share.
   * Default 2000 ms.
   */
  slowAfterMs?: number
  /**
   * How often this worker records that it is alive. Another worker takes back the leases
   * of one that missed three beats, instead of waiting for them to expire. Default 2000 ms.
   */
  heartbeatMs?: number
  /** Deliveries claimed per store round trip. Default 100. */
  batchSize?: number
  /** How long a claim is held before another worker may take it over. */
  leaseMs?: number
  /** Fallback polling when no wake-up arrives. Default 1000 ms. */
  pollIntervalMs?: number
  /** SSRF guard, on by default. */
  ssrf?: SsrfOptions
  render?: Renderer
  /**
   * More request headers for an attempt, computed from what is sent: e.g. a receiver's
   * legacy `X-…-Signature: sha256=<hex HMAC of the body>` next to the Standard Webhooks
   * headers. Called after `render`; `secret` is the endpoint's current signing secret.
   * The Standard Webhooks headers, `content-type` and `user-agent` cannot be overridden.
   *
   * @example
   * extraHeaders: ({ endpoint, body, secret }) => endpoint.metadata.githubStyle
   *   ? { 'x-signature': `sha256=${hmacHex(secret, body)}` }
   *   : {}
   */
  extraHeaders?: ExtraHeaders
  /**
   * The clock (epoch ms) for scheduling, and — when it has `setTimeout`/`clearTimeout` —
   * for the worker's own timers: inject one to run the whole retry schedule in a test.
   */
  clock?: Clock
  logger?: Logger
  /** Disable an endpoint failing without a success for this long. Default 5 days. */
  disableAfterMs?: number
  /** Longest `Retry-After` honoured. Default 1 hour. */
  retryAfterCapMs?: number
  /** Response bytes kept as the attempt's preview. Default 4096. */
  previewBytes?: number
  /** How long finished attempts are gathered before they are recorded together. Default 5 ms. */
  recordDelayMs?: number
  /**
   * Seals signing secrets and custom header values at rest. Without one they are stored
   * in clear: configure one in production.
   */
  secretCipher?: SecretCipher
  userAgent?: string
}

export interface CreateEndpointInput {
  id?: string
  tenantId?: string
  url: string
  description?: string | null
  /** `whsec_…` or `whsk_…`; generated when omitted. */
  secret?: string
  eventTypes?: string[] | null
  enabled?: boolean
  version?: number | null
  /**
   * Extra request headers (receiver credentials, say). Values are sealed at rest with
   * `secretCipher` and read back masked (`••••••`); on update, a masked value keeps the
   * stored one. Reserved names (`user-agent`, `content-type`, `webhook-*`, …) and values
   * HTTP cannot carry (beyond Latin-1, CR, LF, NUL) are refused.
   */
  headers?: Record<string, string>
  rateLimitPerSecond?: number | null
  maxConcurrency?: number | null
  ordered?: boolean
  timeoutMs?: number | null
  metadata?: Record<string, unknown>
}

export type UpdateEndpointInput = Partial<
  Omit<CreateEndpointInput, 'id' | 'tenantId' | 'secret'> & { disabledReason: string | null }
>

export interface SendInput {
  type: string
  data: unknown
  tenantId?: string
  /** Your own idempotent id (`msg_…`); generated when omitted. */
  id?: string
  /** When the event happened; default now. */
  timestamp?: Date
}

export interface Scope {
  /** When given, a resource of another tenant is `not_found`. */
  tenantId?: string
}

/**
 * For the methods that change something: `trx` is the host's own transaction (a kysely
 * `Transaction` over the store's database), so the change and the host's write (an audit
 * entry, say) commit or roll back together. The memory store ignores it.
 */
export interface WriteOptions extends Scope {
  trx?: unknown
}

export interface DeliveryDetail {
  delivery: Delivery
  message: Message
  attempts: Attempt[]
}

export interface EndpointHealth {
  attempts: number
  failures: number
  /** Failures / attempts over the window; 0 when there were none. */
  errorRate: number
  failingSince: number | null
}

export interface Dispatcher {
  createEndpoint(
    input: CreateEndpointInput,
    options?: { trx?: unknown },
  ): Promise<{ endpoint: Endpoint; secret: string }>
  updateEndpoint(id: string, patch: UpdateEndpointInput, options?: WriteOptions): Promise<Endpoint>
  deleteEndpoint(id: string, options?: WriteOptions): Promise<void>
  getEndpoint(id: string, scope?: Scope): Promise<Endpoint>
  listEndpoints(query?: {
    tenantId?: string
    limit?: number
    cursor?: string | null
  }): Promise<Page<Endpoint>>
  /**
   * The endpoint's custom headers with their values in clear (for an audited reveal):
   * everywhere else (`getEndpoint`, `listEndpoints`, attempts) the values are masked.
   */
  getEndpointHeaders(id: string, scope?: Scope): Promise<Record<string, string>>
  /** The endpoint's signing secrets, current first (for an audited reveal). */
  getEndpointSecrets(id: string, scope?: Scope): Promise<EndpointSecret[]>
  /** A new secret; the old one keeps signing for `gracePeriodMs` (default 24 h). */
  rotateSecret(
    id: string,
    options?: { gracePeriodMs?: number; secret?: string } & WriteOptions,
  ): Promise<{ secret: string }>
  endpointHealth(id: string, options?: { windowMs?: number } & Scope): Promise<EndpointHealth>

  /** Stores the message and one delivery per matching enabled endpoint; `trx` = the host's transaction. */
  send(
    message: SendInput,
    options?: { trx?: unknown },
  ): Promise<{ messageId: string; deliveryIds: string[] }>
  /**
   * Stores many messages and their deliveries in one transaction (the host's `trx`, or
   * its own): every message is checked first, so all are stored or none. Much faster
   * than one `send` each for a batch.
   *
   * @example
   * await dispatcher.sendMany(entries.map((e) => ({ type: 'clock.in', tenantId, data: e })))
   */
  sendMany(
    messages: SendInput[],
    options?: { trx?: unknown },
  ): Promise<Array<{ messageId: string; deliveryIds: string[] }>>
  /** Sends `webhook.test` to one endpoint now and waits for the outcome (one attempt, no retry). */
  sendTest(endpointId: string, options?: { data?: unknown } & Scope): Promise<DeliveryDetail>
  /** A new attempt of the same message (same `webhook-id`) as soon as possible. */
  resend(deliveryId: string, options?: WriteOptions): Promise<Delivery>
  /**
   * Re-queues failed deliveries since a time and delivers messages the endpoint missed
   * (never one created before the endpoint: it only receives messages from then on).
   */
  recover(
    endpointId: string,
    options: { since: Date | number } & WriteOptions,
  ): Promise<{ requeued: number; created: number }>
  listDeliveries(
    endpointId: string,
    query?: { status?: DeliveryStatus; limit?: number; cursor?: string | null } & Scope,
  ): Promise<Page<Delivery>>
  getDelivery(id: string, scope?: Scope): Promise<DeliveryDetail>
  /** The pull API: committed messages in a gap-free order; follow `nextCursor`. */
  listMessages(query?: {
    tenantId?: string
    after?: string | null
    types?: string[]
    limit?: number
  }): Promise<Page<Message>>
  /** Deletes final deliveries, attempts and messages older than a time (retention). */
  purge(options: {
    olderThan: Date | number
    /** Only this tenant's (retention per tenant); every tenant's when left out. */
    tenantId?: string
  }): Promise<{ messages: number; deliveries: number; attempts: number }>
  /**
   * Deliveries still to be attempted: `due` now (enabled endpoints), `scheduled` for later
   * or leased, `paused` (disabled endpoints), and `inFlight` in this process.
   */
  backlog(): Promise<{ due: number; scheduled: number; paused: number; inFlight: number }>

  /** Starts delivering in this process. */
  start(): Promise<void>
  /** Stops claiming, waits for attempts in flight (up to `timeoutMs`), records them, releases the rest. */
  stop(options?: { timeoutMs?: number }): Promise<void>
  /** Looks for due deliveries now (the dispatcher does this itself after `send`). */
  wake(): void
  on<K extends DispatcherEventName>(
    name: K,
    listener: (event: DispatcherEvents[K]) => void,
  ): () => void
}
