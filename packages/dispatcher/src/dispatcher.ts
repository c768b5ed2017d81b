import { generateSecret, Webhook } from '@clockhook/signer'
import { DispatcherError } from './errors'
import type { DispatcherEventName, DispatcherEvents } from './events'
import { TypedEmitter } from './events'
import type { HttpClient } from './http'
import { createHttpClient } from './http'
import { newId } from './ids'
import { EndpointLimits } from './limits'
import { DEFAULT_RETRY_SCHEDULE_MS, nextRetryDelay, parseRetryAfter } from './schedule'
import type { SsrfOptions } from './ssrf'
import { AddressPolicy } from './ssrf'
import type {
  AttemptOutcome,
  ClaimedDelivery,
  DeliveryStore,
  NewDelivery,
  Release,
  StoredEndpoint,
  StoredMessage,
} from './store/types'
import type {
  Attempt,
  AttemptTrigger,
  Delivery,
  DeliveryStatus,
  Endpoint,
  EndpointSecret,
  Message,
  Page,
} from './types'
import {
  checkEventType,
  checkEventTypes,
  checkHeaders,
  checkLimit,
  checkMetadata,
  checkPositive,
  checkString,
  checkUrl,
  MASK,
  matchesType,
} from './validate'

// Marks a sealed header value, so values stored before a cipher was configured still read.
const SEALED = 'sealed:'

/** Turns a message into the request body for one endpoint (payload versions live here). */
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
  /** Scheduling clock (epoch ms): inject one to run the whole retry schedule in a test. */
  clock?: { now(): number }
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
  createEndpoint(input: CreateEndpointInput): Promise<{ endpoint: Endpoint; secret: string }>
  updateEndpoint(id: string, patch: UpdateEndpointInput, scope?: Scope): Promise<Endpoint>
  deleteEndpoint(id: string, scope?: Scope): Promise<void>
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
    options?: { gracePeriodMs?: number; secret?: string } & Scope,
  ): Promise<{ secret: string }>
  endpointHealth(id: string, options?: { windowMs?: number } & Scope): Promise<EndpointHealth>

  /** Stores the message and one delivery per matching enabled endpoint; `trx` = the host's transaction. */
  send(
    message: SendInput,
    options?: { trx?: unknown },
  ): Promise<{ messageId: string; deliveryIds: string[] }>
  /** Sends `webhook.test` to one endpoint now and waits for the outcome (one attempt, no retry). */
  sendTest(endpointId: string, options?: { data?: unknown } & Scope): Promise<DeliveryDetail>
  /** A new attempt of the same message (same `webhook-id`) as soon as possible. */
  resend(deliveryId: string, scope?: Scope): Promise<Delivery>
  /**
   * Re-queues failed deliveries since a time and delivers messages the endpoint missed
   * (never one created before the endpoint: it only receives messages from then on).
   */
  recover(
    endpointId: string,
    options: { since: Date | number } & Scope,
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

const DAY = 86_400_000
const MAX_PAGE = 500
const REQUEST_PREVIEW_BYTES = 4096

/**
 * Durable, signed, retried webhook fan-out on a pluggable store.
 *
 * @example
 * const dispatcher = createDispatcher({ store: sqliteStore({ database }) })
 * await dispatcher.start()
 * await dispatcher.createEndpoint({ url: 'https://example.com/hooks', eventTypes: ['clock.in'] })
 * await dispatcher.send({ type: 'clock.in', data: { worker_id: 'wkr_1' } })
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const store = options.store
  if (!store || typeof store.claimDue !== 'function') {
    throw new DispatcherError(
      'invalid_argument',
      'createDispatcher needs a store (memoryStore, sqliteStore or postgresStore)',
    )
  }
  const schedule = options.retrySchedule ?? DEFAULT_RETRY_SCHEDULE_MS
  if (schedule.length === 0 || schedule.some((d) => !Number.isFinite(d) || d < 0)) {
    throw new DispatcherError(
      'invalid_argument',
      'retrySchedule must be a non-empty list of delays in ms ≥ 0',
    )
  }
  const jitter = options.jitter ?? 0.2
  const timeoutMs = options.timeoutMs ?? 30_000
  const concurrency = options.concurrency ?? 64
  const batchSize = options.batchSize ?? 100
  const leaseMs = options.leaseMs ?? timeoutMs * 2 + 10_000
  const endpointShare = options.endpointShare ?? Math.max(1, Math.ceil(concurrency / 4))
  const slowAfterMs = options.slowAfterMs ?? 2000
  const maxSlow = concurrency * 4
  const heartbeatMs = options.heartbeatMs ?? 2000
  for (const [name, value] of Object.entries({
    concurrency,
    batchSize,
    leaseMs,
    endpointShare,
    slowAfterMs,
    heartbeatMs,
  })) {
    if (!Number.isFinite(value) || value <= 0) {
      throw new DispatcherError('invalid_argument', `${name} must be a positive number`)
    }
  }
  const pollIntervalMs = options.pollIntervalMs ?? 1000
  const disableAfterMs = options.disableAfterMs ?? 5 * DAY
  const retryAfterCapMs = options.retryAfterCapMs ?? 3_600_000
  const previewBytes = options.previewBytes ?? 4096
  const recordDelayMs = options.recordDelayMs ?? 5
  const clock = options.clock ?? { now: () => Date.now() }
  const cipher = options.secretCipher
  const userAgent = options.userAgent ?? 'Clockhook-Dispatcher/0.1'
  const render: Renderer =
    options.render ??
    ((m) =>
      JSON.stringify({
        type: m.type,
        timestamp: new Date(m.timestamp).toISOString(),
        data: m.payload,
      }))
  const policy = new AddressPolicy(options.ssrf)
  const emitter = new TypedEmitter()
  const limits = new EndpointLimits({ initial: endpointShare, max: concurrency })
  let http: HttpClient | undefined
  const httpClient = () =>
    (http ??= createHttpClient({
      policy,
      connectTimeoutMs: Math.min(timeoutMs, 10_000),
      previewBytes,
      // the attempt says only "not allowed"; where the name pointed goes to the log
      onBlocked: ({ host, address }) =>
        options.logger?.warn(
          { host, address },
          'webhook destination refused by the SSRF guard: private, loopback or reserved address',
        ),
    }))

  const signers = new Map<string, { key: string; webhook: Webhook }>()
  const seal = (s: string) => (cipher ? cipher.seal(s) : s)
  const open = (s: string) => (cipher ? cipher.open(s) : s)

  // ---- endpoints -------------------------------------------------------------------

  // Custom header values are credentials (`Authorization: Bearer …`): sealed at rest like
  // the signing secrets, masked wherever an endpoint or an attempt is shown.
  const sealHeaders = (plain: Record<string, string>): Record<string, string> =>
    cipher
      ? Object.fromEntries(Object.entries(plain).map(([k, v]) => [k, SEALED + cipher.seal(v)]))
      : plain
  const openHeaders = (stored: Record<string, string>): Record<string, string> =>
    cipher
      ? Object.fromEntries(
          Object.entries(stored).map(([k, v]) => [
            k,
            v.startsWith(SEALED) ? cipher.open(v.slice(SEALED.length)) : v,
          ]),
        )
      : stored
  const maskHeaders = (headers: Record<string, string>): Record<string, string> =>
    Object.fromEntries(Object.keys(headers).map((k) => [k, MASK]))
  const openedHeaders = new Map<string, { key: string; plain: Record<string, string> }>()
  function headersFor(endpoint: StoredEndpoint): Record<string, string> {
    const key = JSON.stringify(endpoint.headers)
    const cached = openedHeaders.get(endpoint.id)
    if (cached?.key === key) return cached.plain
    const plain = openHeaders(endpoint.headers)
    if (openedHeaders.size > 10_000) openedHeaders.clear()
    openedHeaders.set(endpoint.id, { key, plain })
    return plain
  }

  const publicEndpoint = ({ secrets: _s, headers, ...endpoint }: StoredEndpoint): Endpoint => ({
    ...endpoint,
    headers: maskHeaders(headers),
  })

  async function loadEndpoint(id: string, scope?: Scope): Promise<StoredEndpoint> {
    const endpoint = typeof id === 'string' ? await store.getEndpoint(id) : undefined
    if (!endpoint || (scope?.tenantId !== undefined && endpoint.tenantId !== scope.tenantId)) {
      throw new DispatcherError('not_found', `no endpoint ${String(id).slice(0, 64)}`)
    }
    return endpoint
  }

  function checkSecret(secret: unknown): string {
    if (typeof secret !== 'string')
      throw new DispatcherError('invalid_argument', 'secret must be a string')
    try {
      new Webhook(secret)
    } catch (err) {
      throw new DispatcherError('invalid_argument', `secret: ${(err as Error).message}`)
    }
    return secret
  }

  function signerFor(endpoint: StoredEndpoint, now: number): Webhook {
    const live = endpoint.secrets.filter((s) => s.expiresAt === null || s.expiresAt > now)
    const key = live.map((s) => s.secret).join(' ')
    const cached = signers.get(endpoint.id)
    if (cached?.key === key) return cached.webhook
    const webhook = new Webhook(live.map((s) => open(s.secret)))
    signers.set(endpoint.id, { key, webhook })
    return webhook
  }

  // ---- the worker ------------------------------------------------------------------

  let running = false
  let loopDone: Promise<void> | undefined
  let wakeUp: (() => void) | undefined
  let wakePending = false
  let unsubscribe: (() => Promise<void>) | undefined
  const inFlight = new Map<string, Promise<void>>()
  // Attempts of the loop in flight: when each started, whether it has turned slow.
  const attemptsRunning = new Map<
    string,
    { endpointId: string; startedAt: number; slow: boolean }
  >()
  let slowCount = 0
  /** Claims waiting for a slot of their endpoint, by endpoint. */
  const parked = new Map<string, ClaimedDelivery[]>()
  /** Endpoints the last claims skipped for being full. */
  const skipped = new Set<string>()
  let slowSweeper: NodeJS.Timeout | undefined
  /** Slots in use: slow attempts (idle sockets) do not count. */
  const active = () => inFlight.size - slowCount
  let stopping = false
  let workerId: string | undefined
  let heartbeatTimer: NodeJS.Timeout | undefined
  const pendingOutcomes: Array<{ outcome: AttemptOutcome; claim: ClaimedDelivery }> = []
  const pendingReleases: Release[] = []
  let flushing: Promise<void> | undefined
  let flushScheduled = false

  // `workHint`: something may have become due (a send, a resend, a failed claim of a
  // full batch). A finished attempt only frees a slot; it does not send the loop to the store.
  let workHint = true

  function wake(): void {
    workHint = true
    wakePending = true
    wakeUp?.()
  }

  // One timer for the earliest released delivery (rate and concurrency limits).
  let wakeTimer: NodeJS.Timeout | undefined
  let wakeTimerAt = Number.POSITIVE_INFINITY
  function wakeAfter(ms: number): void {
    const at = Date.now() + ms
    if (at >= wakeTimerAt) return
    clearTimeout(wakeTimer)
    wakeTimerAt = at
    wakeTimer = setTimeout(() => {
      wakeTimerAt = Number.POSITIVE_INFINITY
      wake()
    }, ms)
    wakeTimer.unref()
  }

  function slotFreed(): void {
    wakePending = true
    wakeUp?.()
  }

  function sleep(ms: number): Promise<void> {
    if (wakePending) {
      wakePending = false
      return Promise.resolve()
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        wakeUp = undefined
        wakePending = false
        resolve()
      }
      wakeUp = done
    })
  }

  // Claimed deliveries waiting for a free slot: claims run ahead of the attempts so the
  // store sees batches, not one row per finished attempt.
  const ready: ClaimedDelivery[] = []
  let nextPollAt = 0

  async function loop(): Promise<void> {
    while (running) {
      // Backpressure: attempts run no further ahead of their recording than a few batches.
      const recordingBehind = pendingOutcomes.length > batchSize * 4
      while (!recordingBehind && ready.length > 0 && active() < concurrency) {
        const next = ready.shift()!
        startAttempt(next, next.trigger)
      }
      let claimedAll = false
      if (ready.length < batchSize / 2 && (workHint || Date.now() >= nextPollAt)) {
        workHint = false
        nextPollAt = Date.now() + pollIntervalMs
        try {
          const want = batchSize - ready.length
          const skipEndpoints = limits.full(200)
          for (const id of skipEndpoints) skipped.add(id)
          const claims = await store.claimDue(clock.now(), want, leaseMs, {
            owner: workerId,
            skipEndpoints,
          })
          ready.push(...claims)
          claimedAll = claims.length === want
          if (claimedAll) workHint = true
        } catch (error) {
          emitter.emit('error', { error, context: 'claim' })
          options.logger?.error({ err: error }, 'claiming deliveries failed')
        }
        while (!recordingBehind && ready.length > 0 && active() < concurrency) {
          const next = ready.shift()!
          startAttempt(next, next.trigger)
        }
      }
      if (!running) break
      if (claimedAll && ready.length < batchSize / 2) continue
      await sleep(Math.max(1, nextPollAt - Date.now()))
    }
    for (const list of parked.values()) ready.push(...list)
    parked.clear()
    pendingReleases.push(
      ...ready.splice(0).map((c) => ({
        deliveryId: c.delivery.id,
        leaseToken: c.leaseToken,
        nextAttemptAt: clock.now(),
      })),
    )
  }

  function startAttempt(claim: ClaimedDelivery, trigger: AttemptTrigger): void {
    const { endpoint, delivery } = claim
    if (limits.atCap(endpoint.id, endpoint.maxConcurrency)) {
      // Parked until one of the endpoint's own slots frees (a few per endpoint: the rest
      // goes back to the store, so one endpoint's backlog never crowds out the others').
      const list = parked.get(endpoint.id) ?? []
      if (list.length < limits.capOf(endpoint.id)) {
        list.push(claim)
        parked.set(endpoint.id, list)
        return
      }
    }
    const wait = limits.acquire(
      endpoint.id,
      endpoint.rateLimitPerSecond,
      endpoint.maxConcurrency,
      clock.now(),
    )
    if (wait > 0) {
      pendingReleases.push({
        deliveryId: delivery.id,
        leaseToken: claim.leaseToken,
        nextAttemptAt: clock.now() + wait,
      })
      scheduleFlush()
      wakeAfter(wait + 1)
      return
    }
    const state = { endpointId: endpoint.id, startedAt: performance.now(), slow: false }
    attemptsRunning.set(delivery.id, state)
    slowSweeper ??= setInterval(sweepSlow, Math.min(100, slowAfterMs)).unref()
    let prompt = false
    const task = attempt(claim, trigger)
      .then((outcome) => {
        if (outcome === undefined) {
          // interrupted by stop(): given back, not counted as an attempt
          pendingReleases.push({
            deliveryId: delivery.id,
            leaseToken: claim.leaseToken,
            nextAttemptAt: clock.now(),
          })
        } else {
          pendingOutcomes.push({ outcome, claim })
          if (outcome.attempt.errorKind === 'timeout') limits.slow(endpoint.id)
          prompt = !state.slow && outcome.attempt.errorKind !== 'timeout'
        }
        scheduleFlush()
      })
      .finally(() => {
        limits.release(endpoint.id, prompt)
        // a claim skipped this endpoint while it was full: it has room now, look again
        if (skipped.delete(endpoint.id)) workHint = true
        const next = parked.get(endpoint.id)?.shift()
        if (next) ready.unshift(next)
        if (parked.get(endpoint.id)?.length === 0) parked.delete(endpoint.id)
        attemptsRunning.delete(delivery.id)
        if (state.slow) slowCount--
        inFlight.delete(delivery.id)
        slotFreed()
      })
    inFlight.set(delivery.id, task)
  }

  // An attempt that runs past slowAfterMs gives its slot back (it only holds an idle
  // socket now) and halves its endpoint's share: a hanging receiver cannot hold the process.
  function sweepSlow(): void {
    const now = performance.now()
    let freed = false
    for (const state of attemptsRunning.values()) {
      if (state.slow || now - state.startedAt < slowAfterMs) continue
      if (slowCount >= maxSlow) break
      state.slow = true
      slowCount++
      limits.slow(state.endpointId)
      freed = true
    }
    if (attemptsRunning.size === 0) {
      clearInterval(slowSweeper)
      slowSweeper = undefined
    }
    if (freed) {
      // the endpoints that were full may have room again only later; others may go now
      workHint = true
      slotFreed()
    }
  }

  /** One HTTP attempt; `undefined` when stop() cut it short (no outcome to record). */
  async function attempt(
    claim: ClaimedDelivery,
    trigger: AttemptTrigger,
  ): Promise<AttemptOutcome | undefined> {
    const { delivery, endpoint, message } = claim
    const attemptedAt = clock.now()
    const started = performance.now()
    const base = {
      id: newId('atm_'),
      deliveryId: delivery.id,
      endpointId: endpoint.id,
      trigger,
      attemptedAt,
    }
    let body: string
    let headers: Record<string, string> = {}
    let result: Awaited<ReturnType<HttpClient['post']>>
    try {
      body = await render(messageOf(message), publicEndpoint(endpoint))
      if (typeof body !== 'string') throw new TypeError('render must return a string')
      const signed = signerFor(endpoint, attemptedAt).signHeaders(message.id, new Date(), body)
      const custom = headersFor(endpoint)
      result = await httpClient().post(
        endpoint.url,
        { ...custom, 'content-type': 'application/json', 'user-agent': userAgent, ...signed },
        body,
        endpoint.timeoutMs ?? timeoutMs,
      )
      // what was sent, with the custom values masked (the signature is no secret)
      headers = {
        ...maskHeaders(custom),
        'content-type': 'application/json',
        'user-agent': userAgent,
        ...signed,
      }
    } catch (err) {
      body = ''
      result = {
        httpStatus: null,
        headers: {},
        responsePreview: null,
        errorKind: 'render',
        errorMessage: `could not render or sign the message: ${(err as Error).message}`,
      }
    }
    if (result.aborted) return undefined
    const succeeded = result.errorKind === null
    const record: Attempt = {
      ...base,
      durationMs: Math.round(performance.now() - started),
      succeeded,
      httpStatus: result.httpStatus,
      errorKind: result.errorKind,
      errorMessage: result.errorMessage,
      requestHeaders: headers,
      requestPreview: body.slice(0, REQUEST_PREVIEW_BYTES),
      responsePreview: result.responsePreview,
    }
    const attemptsMade = delivery.attempts + 1
    let status: DeliveryStatus = 'succeeded'
    let nextAttemptAt: number | null = null
    if (!succeeded) {
      const delay =
        delivery.isTest || result.httpStatus === 410
          ? null
          : nextRetryDelay(schedule, attemptsMade, jitter)
      if (delay === null) status = 'failed'
      else {
        const header = result.headers['retry-after']
        const retryAfter = parseRetryAfter(Array.isArray(header) ? header[0] : header, Date.now())
        status = 'retrying'
        nextAttemptAt = attemptedAt + Math.max(delay, Math.min(retryAfter ?? 0, retryAfterCapMs))
      }
    }
    return {
      deliveryId: delivery.id,
      leaseToken: claim.leaseToken,
      status,
      nextAttemptAt,
      attempt: record,
    }
  }

  // Outcomes are recorded in batches: a few milliseconds of gathering turn many small
  // store transactions into few larger ones (a full batch goes at once).
  function scheduleFlush(): void {
    if (pendingOutcomes.length >= batchSize) {
      void flush()
      return
    }
    if (flushScheduled) return
    flushScheduled = true
    setTimeout(() => {
      flushScheduled = false
      void flush()
    }, recordDelayMs)
  }

  async function flush(): Promise<void> {
    while (flushing) await flushing
    if (pendingOutcomes.length === 0 && pendingReleases.length === 0) return
    const outcomes = pendingOutcomes.splice(0, pendingOutcomes.length)
    const releases = pendingReleases.splice(0, pendingReleases.length)
    flushing = (async () => {
      for (let tries = 1; ; tries++) {
        try {
          await store.release(releases)
          const applied = await store.complete(
            outcomes.map((o) => o.outcome),
            clock.now(),
          )
          await afterRecorded(outcomes.filter((o) => applied.has(o.outcome.deliveryId)))
          return
        } catch (error) {
          emitter.emit('error', { error, context: 'record' })
          options.logger?.error({ err: error, tries }, 'recording attempts failed')
          if (tries >= 5) return // the leases expire and the deliveries are attempted again
          await new Promise((r) => setTimeout(r, 50 * 2 ** tries))
        }
      }
    })()
    try {
      await flushing
    } finally {
      flushing = undefined
      slotFreed()
    }
  }

  async function afterRecorded(
    recorded: Array<{ outcome: AttemptOutcome; claim: ClaimedDelivery }>,
  ) {
    const now = clock.now()
    const toDisable = new Map<string, { endpoint: StoredEndpoint; reason: string }>()
    for (const { outcome, claim } of recorded) {
      const delivery: Delivery = {
        ...claim.delivery,
        status: outcome.status,
        attempts: claim.delivery.attempts + 1,
        nextAttemptAt: outcome.nextAttemptAt,
        lastHttpStatus: outcome.attempt.httpStatus,
        lastError: outcome.attempt.errorMessage,
        updatedAt: now,
      }
      if (emitter.has('attempt')) emitter.emit('attempt', { attempt: outcome.attempt, delivery })
      if (outcome.status === 'succeeded') emitter.emit('delivery.succeeded', { delivery })
      if (outcome.status === 'failed')
        emitter.emit('delivery.failed', { delivery, attempt: outcome.attempt })
      if (outcome.attempt.succeeded || delivery.isTest) continue
      const { endpoint } = claim
      if (outcome.attempt.httpStatus === 410)
        toDisable.set(endpoint.id, { endpoint, reason: 'gone' })
      const since = endpoint.failingSince ?? outcome.attempt.attemptedAt
      if (now - since >= disableAfterMs && !toDisable.has(endpoint.id)) {
        toDisable.set(endpoint.id, { endpoint, reason: 'failing' })
      }
    }
    for (const { endpoint, reason } of toDisable.values()) {
      if (await store.disableEndpoint(endpoint.id, reason, now)) {
        emitter.emit('endpoint.disabled', {
          endpoint: {
            ...publicEndpoint(endpoint),
            enabled: false,
            disabledReason: reason,
            updatedAt: now,
          },
          reason,
        })
      }
    }
  }

  /** Waits for a promise, or for `ms`, whichever comes first. */
  async function within(promise: Promise<unknown> | undefined, ms: number): Promise<void> {
    if (!promise) return
    let timer: NodeJS.Timeout | undefined
    await Promise.race([
      promise.catch(() => undefined),
      new Promise((r) => {
        timer = setTimeout(r, Math.max(0, ms))
      }),
    ])
    clearTimeout(timer)
  }

  async function beat(): Promise<void> {
    const id = workerId
    if (!id) return
    try {
      const { reclaimed } = await store.heartbeat(id, clock.now(), heartbeatMs * 3)
      if (reclaimed > 0) {
        options.logger?.warn(
          { reclaimed },
          'took back the deliveries of a worker whose heartbeat stopped',
        )
        wake()
      }
    } catch (error) {
      emitter.emit('error', { error, context: 'heartbeat' })
      options.logger?.error({ err: error }, 'recording the heartbeat failed')
    }
  }

  // ---- the API -----------------------------------------------------------------------

  const messageOf = ({ isTest: _t, ...m }: StoredMessage): Message => m

  function asTime(value: Date | number, name: string): number {
    const t = value instanceof Date ? value.getTime() : value
    if (typeof t !== 'number' || !Number.isFinite(t)) {
      throw new DispatcherError('invalid_argument', `${name} must be a Date or epoch milliseconds`)
    }
    return t
  }

  async function detail(deliveryId: string, scope?: Scope): Promise<DeliveryDetail> {
    const delivery =
      typeof deliveryId === 'string' ? await store.getDelivery(deliveryId) : undefined
    if (!delivery || (scope?.tenantId !== undefined && delivery.tenantId !== scope.tenantId)) {
      throw new DispatcherError('not_found', `no delivery ${String(deliveryId).slice(0, 64)}`)
    }
    const [message, attempts] = await Promise.all([
      store.getMessage(delivery.messageId),
      store.listAttempts(delivery.id),
    ])
    return { delivery, message: messageOf(message!), attempts }
  }

  const dispatcher: Dispatcher = {
    async createEndpoint(input) {
      if (!input || typeof input !== 'object')
        throw new DispatcherError('invalid_argument', 'endpoint input is required')
      const now = clock.now()
      const secret = input.secret === undefined ? generateSecret() : checkSecret(input.secret)
      const id = input.id ?? newId('ep_')
      if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
        throw new DispatcherError('invalid_argument', 'id must be 1-64 letters, digits, _ or -')
      }
      const endpoint: StoredEndpoint = {
        id,
        tenantId: checkString('tenantId', input.tenantId, 200) ?? '',
        url: checkUrl(input.url, policy),
        description: checkString('description', input.description, 2000),
        secrets: [{ secret: seal(secret), expiresAt: null }],
        eventTypes: checkEventTypes(input.eventTypes),
        enabled: input.enabled ?? true,
        disabledReason: null,
        version: checkPositive('version', input.version, true),
        headers: sealHeaders(checkHeaders(input.headers)),
        rateLimitPerSecond: checkPositive('rateLimitPerSecond', input.rateLimitPerSecond, false),
        maxConcurrency: checkPositive('maxConcurrency', input.maxConcurrency, true),
        ordered: input.ordered ?? false,
        timeoutMs: checkPositive('timeoutMs', input.timeoutMs, true),
        metadata: checkMetadata(input.metadata),
        failingSince: null,
        createdAt: now,
        updatedAt: now,
      }
      if (input.id !== undefined && (await store.getEndpoint(id))) {
        throw new DispatcherError('conflict', `endpoint ${id} already exists`)
      }
      await store.insertEndpoint(endpoint)
      return { endpoint: publicEndpoint(endpoint), secret }
    },

    async updateEndpoint(id, patch, scope) {
      const current = await loadEndpoint(id, scope)
      if (!patch || typeof patch !== 'object')
        throw new DispatcherError('invalid_argument', 'patch must be an object')
      const next: Partial<StoredEndpoint> = { updatedAt: clock.now() }
      if (patch.url !== undefined) next.url = checkUrl(patch.url, policy)
      if (patch.description !== undefined)
        next.description = checkString('description', patch.description, 2000)
      if (patch.eventTypes !== undefined) next.eventTypes = checkEventTypes(patch.eventTypes)
      if (patch.version !== undefined) next.version = checkPositive('version', patch.version, true)
      if (patch.headers !== undefined) {
        // a value equal to the mask (as read back) keeps the stored value
        next.headers = sealHeaders(checkHeaders(patch.headers, openHeaders(current.headers)))
      }
      if (patch.rateLimitPerSecond !== undefined) {
        next.rateLimitPerSecond = checkPositive(
          'rateLimitPerSecond',
          patch.rateLimitPerSecond,
          false,
        )
      }
      if (patch.maxConcurrency !== undefined)
        next.maxConcurrency = checkPositive('maxConcurrency', patch.maxConcurrency, true)
      if (patch.ordered !== undefined) next.ordered = Boolean(patch.ordered)
      if (patch.timeoutMs !== undefined)
        next.timeoutMs = checkPositive('timeoutMs', patch.timeoutMs, true)
      if (patch.metadata !== undefined) next.metadata = checkMetadata(patch.metadata)
      if (patch.enabled !== undefined) {
        if (typeof patch.enabled !== 'boolean')
          throw new DispatcherError('invalid_argument', 'enabled must be a boolean')
        next.enabled = patch.enabled
        next.disabledReason = patch.enabled
          ? null
          : (checkString('disabledReason', patch.disabledReason, 200) ?? 'manual')
        if (patch.enabled && !current.enabled) next.failingSince = null
      }
      const updated = await store.updateEndpoint(current.id, next)
      if (!updated) throw new DispatcherError('not_found', `no endpoint ${id}`)
      if (next.enabled) wake()
      return publicEndpoint(updated)
    },

    async deleteEndpoint(id, scope) {
      const endpoint = await loadEndpoint(id, scope)
      await store.deleteEndpoint(endpoint.id)
      signers.delete(endpoint.id)
      openedHeaders.delete(endpoint.id)
    },

    async getEndpointHeaders(id, scope) {
      return { ...openHeaders((await loadEndpoint(id, scope)).headers) }
    },

    async getEndpoint(id, scope) {
      return publicEndpoint(await loadEndpoint(id, scope))
    },

    async listEndpoints(query = {}) {
      const limit = checkLimit(query.limit, 50, MAX_PAGE)
      const rows = await store.listEndpoints({
        tenantId: query.tenantId,
        limit: limit + 1,
        afterId: query.cursor ?? undefined,
      })
      const data = rows.slice(0, limit).map(publicEndpoint)
      const hasMore = rows.length > limit
      return { data, hasMore, nextCursor: hasMore ? data[data.length - 1]!.id : null }
    },

    async getEndpointSecrets(id, scope) {
      const now = clock.now()
      const endpoint = await loadEndpoint(id, scope)
      return endpoint.secrets
        .filter((s) => s.expiresAt === null || s.expiresAt > now)
        .map((s) => ({ secret: open(s.secret), expiresAt: s.expiresAt }))
    },

    async rotateSecret(id, opts = {}) {
      const endpoint = await loadEndpoint(id, opts)
      const grace = opts.gracePeriodMs ?? DAY
      if (!Number.isFinite(grace) || grace < 0 || grace > 30 * DAY) {
        throw new DispatcherError('invalid_argument', 'gracePeriodMs must be from 0 to 30 days')
      }
      const now = clock.now()
      const secret = opts.secret === undefined ? generateSecret() : checkSecret(opts.secret)
      const kept = endpoint.secrets
        .filter((s) => s.expiresAt === null || s.expiresAt > now)
        .map((s) => ({
          secret: s.secret,
          expiresAt: s.expiresAt === null ? now + grace : Math.min(s.expiresAt, now + grace),
        }))
        .filter((s) => s.expiresAt > now)
        .slice(0, 9)
      await store.updateEndpoint(endpoint.id, {
        secrets: [{ secret: seal(secret), expiresAt: null }, ...kept],
        updatedAt: now,
      })
      return { secret }
    },

    async endpointHealth(id, opts = {}) {
      const endpoint = await loadEndpoint(id, opts)
      const windowMs = opts.windowMs ?? DAY
      const stats = await store.endpointStats(endpoint.id, clock.now() - windowMs)
      return {
        ...stats,
        errorRate: stats.attempts === 0 ? 0 : stats.failures / stats.attempts,
        failingSince: endpoint.failingSince,
      }
    },

    async send(input, sendOptions = {}) {
      if (!input || typeof input !== 'object')
        throw new DispatcherError('invalid_argument', 'message is required')
      const type = checkEventType(input.type)
      if (type === 'webhook.test') {
        throw new DispatcherError('invalid_argument', 'webhook.test is reserved for sendTest')
      }
      const now = clock.now()
      const id = input.id ?? newId('msg_')
      if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
        throw new DispatcherError('invalid_argument', 'id must be 1-64 letters, digits, _ or -')
      }
      const timestamp = input.timestamp === undefined ? now : asTime(input.timestamp, 'timestamp')
      const tenantId = checkString('tenantId', input.tenantId, 200) ?? ''
      if (input.data === undefined)
        throw new DispatcherError('invalid_argument', 'data is required (use null for none)')
      const message: StoredMessage = {
        id,
        tenantId,
        type,
        timestamp,
        payload: input.data,
        sequence: null,
        isTest: false,
        createdAt: now,
      }
      try {
        JSON.stringify(input.data)
      } catch {
        throw new DispatcherError('invalid_argument', 'data must be JSON-serialisable')
      }
      const endpoints = await store.enabledEndpoints(tenantId, sendOptions.trx)
      const deliveries: NewDelivery[] = endpoints
        .filter((e) => matchesType(e.eventTypes, type))
        .map((e) => ({
          id: newId('dlv_'),
          messageId: id,
          endpointId: e.id,
          tenantId,
          eventType: type,
          isTest: false,
          nextAttemptAt: now + (schedule[0] ?? 0),
          createdAt: now,
        }))
      await store.insertMessage(message, deliveries, sendOptions.trx)
      if (deliveries.length > 0 && running) {
        if (sendOptions.trx === undefined) wake()
        else {
          // The host commits after we return; we cannot see when. Look again shortly
          // (Postgres' NOTIFY also fires at the commit).
          for (const ms of [5, 50, 250]) setTimeout(wake, ms).unref()
        }
      }
      return { messageId: id, deliveryIds: deliveries.map((d) => d.id) }
    },

    async sendTest(endpointId, opts = {}) {
      const endpoint = await loadEndpoint(endpointId, opts)
      const now = clock.now()
      const message: StoredMessage = {
        id: newId('msg_'),
        tenantId: endpoint.tenantId,
        type: 'webhook.test',
        timestamp: now,
        payload: opts.data ?? {
          endpoint_id: endpoint.id,
          message: 'This is a test webhook from Clockhook.',
        },
        sequence: null,
        isTest: true,
        createdAt: now,
      }
      const deliveryId = newId('dlv_')
      await store.insertMessage(message, [
        {
          id: deliveryId,
          messageId: message.id,
          endpointId: endpoint.id,
          tenantId: endpoint.tenantId,
          eventType: message.type,
          isTest: true,
          nextAttemptAt: now + leaseMs,
          createdAt: now,
        },
      ])
      const claim = await store.claimOne(deliveryId, now, leaseMs, workerId)
      if (!claim)
        throw new DispatcherError('conflict', 'the test delivery was taken by another worker')
      const outcome = await attempt({ ...claim, endpoint }, 'test')
      if (!outcome) {
        await store.release([{ deliveryId, leaseToken: claim.leaseToken, nextAttemptAt: now }])
        throw new DispatcherError('stopped', 'the dispatcher stopped during the test send')
      }
      const applied = await store.complete([outcome], clock.now())
      await afterRecorded(applied.has(deliveryId) ? [{ outcome, claim }] : [])
      return detail(deliveryId)
    },

    async resend(deliveryId, scope) {
      const { delivery } = await detail(deliveryId, scope)
      const result = await store.requeue(delivery.id, clock.now())
      if (result === 'in_flight') {
        throw new DispatcherError(
          'conflict',
          'the delivery is being attempted right now; try again when it finishes',
        )
      }
      wake()
      return (await store.getDelivery(delivery.id))!
    },

    async recover(endpointId, opts) {
      const endpoint = await loadEndpoint(endpointId, opts)
      const since = asTime(opts?.since as Date | number, 'since')
      const now = clock.now()
      const requeued = await store.requeueFailed(endpoint.id, since, now)
      // An endpoint receives the messages sent from its creation on, not older ones.
      const from = Math.max(since, endpoint.createdAt)
      let created = 0
      for (;;) {
        const missing = await store.messagesMissing(
          endpoint.id,
          endpoint.tenantId,
          from,
          endpoint.eventTypes,
          500,
        )
        const wanted = missing.filter((m) => matchesType(endpoint.eventTypes, m.type))
        if (wanted.length > 0) {
          await store.insertDeliveries(
            wanted.map((m) => ({
              id: newId('dlv_'),
              messageId: m.id,
              endpointId: endpoint.id,
              tenantId: endpoint.tenantId,
              eventType: m.type,
              isTest: false,
              nextAttemptAt: now,
              createdAt: now,
            })),
          )
          created += wanted.length
        }
        if (missing.length < 500) break
      }
      wake()
      return { requeued, created }
    },

    async listDeliveries(endpointId, query = {}) {
      const endpoint = await loadEndpoint(endpointId, query)
      const limit = checkLimit(query.limit, 50, MAX_PAGE)
      const statuses = ['pending', 'succeeded', 'retrying', 'failed']
      if (query.status !== undefined && !statuses.includes(query.status)) {
        throw new DispatcherError(
          'invalid_argument',
          `status must be one of ${statuses.join(', ')}`,
        )
      }
      const rows = await store.listDeliveries({
        endpointId: endpoint.id,
        status: query.status,
        limit: limit + 1,
        beforeId: query.cursor ?? undefined,
      })
      const data = rows.slice(0, limit)
      const hasMore = rows.length > limit
      return { data, hasMore, nextCursor: hasMore ? data[data.length - 1]!.id : null }
    },

    getDelivery: detail,

    async listMessages(query = {}) {
      const limit = checkLimit(query.limit, 100, 1000)
      const after =
        query.after === undefined || query.after === null || query.after === ''
          ? 0
          : Number(query.after)
      if (!Number.isSafeInteger(after) || after < 0)
        throw new DispatcherError('invalid_argument', 'after must be a cursor from next_cursor')
      const types = query.types?.map(checkEventType)
      const rows = await store.listMessages({
        tenantId: query.tenantId,
        afterSequence: after,
        types,
        limit: limit + 1,
      })
      const data = rows.slice(0, limit).map(messageOf)
      const last = data[data.length - 1]
      return { data, hasMore: rows.length > limit, nextCursor: String(last?.sequence ?? after) }
    },

    async purge({ olderThan }) {
      return store.purge(asTime(olderThan, 'olderThan'))
    },

    async backlog() {
      return { ...(await store.backlog(clock.now())), inFlight: inFlight.size }
    },

    async start() {
      if (running || stopping) return
      running = true
      workerId = newId('wrk_')
      // Registered before the first claim, so no other worker takes this one for dead.
      await beat()
      heartbeatTimer = setInterval(() => void beat(), heartbeatMs)
      heartbeatTimer.unref()
      if (store.subscribe) {
        try {
          unsubscribe = await store.subscribe(wake)
        } catch (error) {
          options.logger?.warn({ err: error }, 'LISTEN failed; falling back to polling')
        }
      }
      loopDone = loop()
    },

    async stop(opts = {}) {
      if (!running) return
      const total = opts.timeoutMs ?? 10_000
      if (!Number.isFinite(total) || total < 0) {
        throw new DispatcherError('invalid_argument', 'timeoutMs must be a number of ms ≥ 0')
      }
      const deadline = performance.now() + total
      const left = () => Math.max(0, deadline - performance.now())
      // the last part of the deadline is kept for giving back what is cut short
      const reserve = Math.min(1000, total / 4)
      running = false
      stopping = true
      try {
        wake()
        await within(loopDone, left())
        await within(Promise.allSettled([...inFlight.values()]), left() - reserve)
        if (inFlight.size > 0) {
          // Past the deadline: cut the requests still waiting for an answer. Their
          // deliveries are released (due now, no attempt counted) for any worker to send.
          http?.abortAll()
          await within(Promise.allSettled([...inFlight.values()]), left() / 2)
        }
        await within(flush(), left())
        clearInterval(heartbeatTimer)
        heartbeatTimer = undefined
        const id = workerId
        workerId = undefined
        if (id)
          await within(
            store.removeWorker(id).catch(() => undefined),
            left(),
          )
        await within(unsubscribe?.(), left())
        unsubscribe = undefined
        clearTimeout(wakeTimer)
        wakeTimerAt = Number.POSITIVE_INFINITY
        clearInterval(slowSweeper)
        slowSweeper = undefined
        const client = http
        http = undefined
        // an attempt still running (its render hangs) keeps its lease until it expires
        await within(inFlight.size === 0 ? client?.close() : client?.destroy(), left())
      } finally {
        stopping = false
      }
    },

    wake,
    on: (name, listener) => emitter.on(name, listener),
  }
  return dispatcher
}
