import type {
  Attempt,
  AttemptTrigger,
  Delivery,
  DeliveryStatus,
  Endpoint,
  EndpointSecret,
  Message,
} from '../types'

/** An endpoint as stored: with its (possibly sealed) secrets. */
export interface StoredEndpoint extends Endpoint {
  secrets: EndpointSecret[]
}

export interface StoredMessage extends Message {
  /** Internal messages (`webhook.test`) are never fanned out, listed or recovered. */
  isTest: boolean
}

export interface NewDelivery {
  id: string
  messageId: string
  endpointId: string
  tenantId: string
  eventType: string
  isTest: boolean
  nextAttemptAt: number
  createdAt: number
}

/** A delivery claimed by a worker: its lease token fences what it may record. */
export interface ClaimedDelivery {
  delivery: Delivery
  leaseToken: number
  message: StoredMessage
  endpoint: StoredEndpoint
  /** What this attempt is: `resend` once after a manual resend, else `scheduled`. */
  trigger: Exclude<AttemptTrigger, 'test'>
}

export interface ClaimOptions {
  /**
   * The claiming worker (see `heartbeat`): while its heartbeat is fresh its leases hold;
   * once it is stale, other workers take them back early. Without one, only the lease
   * expiry frees the claim.
   */
  owner?: string
  /** Endpoints not to claim for now (at their in-flight cap in this worker). */
  skipEndpoints?: readonly string[]
}

/** Deliveries still to be attempted. */
export interface Backlog {
  /** Due now, of an enabled endpoint, not leased. */
  due: number
  /** Of an enabled endpoint, due later or leased right now. */
  scheduled: number
  /** Of a disabled endpoint: they wait until it is enabled again. */
  paused: number
}

/** The result of one attempt, recorded only if the lease is still held. */
export interface AttemptOutcome {
  deliveryId: string
  leaseToken: number
  status: DeliveryStatus
  nextAttemptAt: number | null
  attempt: Attempt
}

/** Gives a claimed delivery back without an attempt (rate limit, shutdown). */
export interface Release {
  deliveryId: string
  leaseToken: number
  nextAttemptAt: number
}

/**
 * Permits for claimed deliveries of an endpoint with a rate limit or a concurrency limit:
 * the limits hold across every worker sharing the store, not per process.
 */
export interface PermitRequest {
  endpointId: string
  /** Claims of that endpoint, in the order they should go; each fenced by its lease token. */
  claims: Array<{ deliveryId: string; leaseToken: number }>
  ratePerSecond: number | null
  maxConcurrency: number | null
  /**
   * How long a permit counts against `maxConcurrency` at most: a worker that dies mid-attempt
   * never records, so its permit lapses (the attempt's timeout plus a margin).
   */
  holdMs: number
}

export interface PermitGrant {
  /** The delivery ids that may start now (a prefix of the request's claims still leased). */
  granted: string[]
  /**
   * Ms until the next permit of this endpoint may be granted (the rate); `null` when the
   * refusal is for the concurrency limit (a slot frees when some attempt is recorded).
   */
  retryAfterMs: number | null
}

export interface DeliveryQuery {
  endpointId?: string
  tenantId?: string
  status?: DeliveryStatus
  limit: number
  /** Newest first: only deliveries with an id below this one. */
  beforeId?: string
}

export interface MessageQuery {
  tenantId?: string
  afterSequence: number
  types?: string[]
  limit: number
}

export interface EndpointQuery {
  tenantId?: string
  limit: number
  /** Oldest first: only endpoints with an id above this one. */
  afterId?: string
}

export type EndpointPatch = Partial<Omit<StoredEndpoint, 'id' | 'tenantId' | 'createdAt'>>

/**
 * The queue seam: what a running worker does with deliveries. Claims are leased and
 * fenced by a lease token; a worker records outcomes or releases what it cannot attempt,
 * and beats so that others take back the leases of a dead one.
 */
export interface DeliveryQueue {
  /** Leases up to `limit` due deliveries (see `isDue`) until `now + leaseMs`. */
  claimDue(
    now: number,
    limit: number,
    leaseMs: number,
    options?: ClaimOptions,
  ): Promise<ClaimedDelivery[]>
  /** Leases one delivery directly (test sends): undefined when it is in flight or final. */
  claimDelivery(
    deliveryId: string,
    now: number,
    leaseMs: number,
    owner?: string,
  ): Promise<ClaimedDelivery | undefined>
  /**
   * Records attempt outcomes atomically, successes and failures alike, with each endpoint's
   * failure streak (see `failingSinceAfter`). Returns the delivery ids whose lease was still held.
   */
  recordOutcomes(outcomes: AttemptOutcome[], now: number): Promise<Set<string>>
  /**
   * Takes permits for claims of one rate- or concurrency-limited endpoint (see
   * `grantPermits`). A permit is held until the delivery's outcome is recorded, it is
   * released, its lease is lost, or `holdMs` passes.
   */
  acquirePermits(request: PermitRequest, now: number): Promise<PermitGrant>
  /** Gives claims back without an attempt: due again at their `nextAttemptAt`. */
  release(releases: Release[]): Promise<void>
  /**
   * Records that a worker is alive at `now`, then takes back every lease held by a worker
   * whose heartbeat is older than `now - staleMs` (and forgets that worker). A worker that
   * is slow but still beats keeps its leases. Returns how many leases were taken back.
   */
  heartbeat(workerId: string, now: number, staleMs: number): Promise<{ reclaimed: number }>
  /** Forgets a stopped worker; whatever it still holds waits for its lease to expire. */
  removeWorker(workerId: string): Promise<void>
  /** Calls `listener` when another process sends (Postgres LISTEN/NOTIFY). */
  subscribe?(listener: () => void): Promise<() => Promise<void>>
}

/**
 * The repository seam: endpoints, messages, deliveries and their attempts, as the
 * management API reads and changes them.
 *
 * `trx` arguments are the host's own transaction (for the SQL stores a kysely
 * `Transaction`), so the change commits or rolls back with the host's write. The memory
 * store has no transactions and ignores them.
 */
export interface DeliveryRepository {
  insertEndpoint(endpoint: StoredEndpoint, trx?: unknown): Promise<void>
  updateEndpoint(
    id: string,
    patch: EndpointPatch,
    trx?: unknown,
  ): Promise<StoredEndpoint | undefined>
  /** Deletes an endpoint with its deliveries and attempts; false when it is gone. */
  deleteEndpoint(id: string, trx?: unknown): Promise<boolean>
  getEndpoint(id: string, trx?: unknown): Promise<StoredEndpoint | undefined>
  listEndpoints(query: EndpointQuery): Promise<StoredEndpoint[]>
  /** Enabled endpoints of a tenant, for fan-out. */
  enabledEndpoints(tenantId: string, trx?: unknown): Promise<StoredEndpoint[]>
  /** Disables an enabled endpoint; false when it was already disabled or is gone. */
  disableEndpoint(id: string, reason: string, now: number): Promise<boolean>

  /** Stores a message and its deliveries together. */
  insertMessage(message: StoredMessage, deliveries: NewDelivery[], trx?: unknown): Promise<void>
  /** Stores many messages and their deliveries in one transaction (`trx`'s, or its own). */
  insertMessages(
    batch: Array<{ message: StoredMessage; deliveries: NewDelivery[] }>,
    trx?: unknown,
  ): Promise<void>
  getMessage(id: string): Promise<StoredMessage | undefined>
  /**
   * Gives every committed, non-test message without one its position in the pull API's
   * order. Call it before `listMessages`; concurrent callers are serialised.
   */
  sequenceMessages(): Promise<void>
  /** Sequenced, non-test messages after a sequence, in sequence order (reads only). */
  listMessages(query: MessageQuery): Promise<StoredMessage[]>
  /** Messages of a tenant since a time that have no delivery to the endpoint. */
  listMessagesWithoutDelivery(
    query: {
      endpointId: string
      tenantId: string
      since: number
      types: string[] | null
      limit: number
    },
    trx?: unknown,
  ): Promise<StoredMessage[]>
  insertDeliveries(deliveries: NewDelivery[], trx?: unknown): Promise<void>

  getDelivery(id: string, trx?: unknown): Promise<Delivery | undefined>
  listDeliveries(query: DeliveryQuery): Promise<Delivery[]>
  listAttempts(deliveryId: string): Promise<Attempt[]>
  /** Makes a delivery due now again, its next attempt a `resend`; 'in_flight' while a worker holds it. */
  requeue(id: string, now: number, trx?: unknown): Promise<'ok' | 'not_found' | 'in_flight'>
  /** Makes every failed delivery of an endpoint created since `since` due again. */
  requeueFailed(endpointId: string, since: number, now: number, trx?: unknown): Promise<number>

  /** Attempts and failures of an endpoint since a time. */
  endpointStats(endpointId: string, since: number): Promise<{ attempts: number; failures: number }>
  /** Deliveries still to be attempted (all endpoints). */
  backlog(now: number): Promise<Backlog>
  /** Deletes final deliveries, their attempts and messages older than `before`. */
  /** Deletes final deliveries (with their attempts) and unreferenced messages made before `before`; only `tenantId`'s when given. */
  purge(
    before: number,
    tenantId?: string,
  ): Promise<{ messages: number; deliveries: number; attempts: number }>
}

/**
 * Where the dispatcher keeps endpoints, messages, deliveries and attempts: the queue seam
 * and the repository seam of one database. One contract test suite runs against every
 * implementation (memory, SQLite, Postgres).
 */
export interface DeliveryStore extends DeliveryQueue, DeliveryRepository {
  readonly kind: 'memory' | 'sqlite' | 'postgres'
  /** Creates or upgrades the store's tables (prefixed `clockhook_`). */
  migrate(): Promise<void>
  /** Lets go of what the store opened itself; the host's database or pool stays open. */
  close(): Promise<void>
}
