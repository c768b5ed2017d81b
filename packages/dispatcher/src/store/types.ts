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
 * Where the dispatcher keeps endpoints, messages, deliveries and attempts. One contract
 * test suite runs against every implementation (memory, SQLite, Postgres).
 *
 * `trx` arguments are the host's own transaction (for the SQL stores a kysely
 * `Transaction`), so a message commits or rolls back with the host's write.
 */
export interface DeliveryStore {
  readonly kind: 'memory' | 'sqlite' | 'postgres'
  migrate(): Promise<void>
  close(): Promise<void>

  insertEndpoint(endpoint: StoredEndpoint): Promise<void>
  updateEndpoint(id: string, patch: EndpointPatch): Promise<StoredEndpoint | undefined>
  deleteEndpoint(id: string): Promise<boolean>
  getEndpoint(id: string): Promise<StoredEndpoint | undefined>
  listEndpoints(query: EndpointQuery): Promise<StoredEndpoint[]>
  /** Enabled endpoints of a tenant, for fan-out. */
  enabledEndpoints(tenantId: string, trx?: unknown): Promise<StoredEndpoint[]>
  /** Disables an enabled endpoint; false when it was already disabled or is gone. */
  disableEndpoint(id: string, reason: string, now: number): Promise<boolean>

  insertMessage(message: StoredMessage, deliveries: NewDelivery[], trx?: unknown): Promise<void>
  getMessage(id: string): Promise<StoredMessage | undefined>
  /** Committed, non-test messages after a sequence, in sequence order. */
  listMessages(query: MessageQuery): Promise<StoredMessage[]>
  /** Messages of a tenant since a time that have no delivery to the endpoint. */
  messagesMissing(
    endpointId: string,
    tenantId: string,
    since: number,
    types: string[] | null,
    limit: number,
  ): Promise<StoredMessage[]>
  insertDeliveries(deliveries: NewDelivery[]): Promise<void>

  /** Leases up to `limit` due deliveries until `now + leaseMs`. */
  claimDue(
    now: number,
    limit: number,
    leaseMs: number,
    options?: ClaimOptions,
  ): Promise<ClaimedDelivery[]>
  /** Records outcomes atomically; returns the delivery ids whose lease was still held. */
  complete(outcomes: AttemptOutcome[], now: number): Promise<Set<string>>
  release(releases: Release[]): Promise<void>
  /** Claims one delivery directly (test sends): undefined when it is in flight or final. */
  claimOne(
    deliveryId: string,
    now: number,
    leaseMs: number,
    owner?: string,
  ): Promise<ClaimedDelivery | undefined>
  /**
   * Records that a worker is alive at `now`, then takes back every lease held by a worker
   * whose heartbeat is older than `now - staleMs` (and forgets that worker). A worker that
   * is slow but still beats keeps its leases. Returns how many leases were taken back.
   */
  heartbeat(workerId: string, now: number, staleMs: number): Promise<{ reclaimed: number }>
  /** Forgets a stopped worker; whatever it still holds waits for its lease to expire. */
  removeWorker(workerId: string): Promise<void>

  getDelivery(id: string): Promise<Delivery | undefined>
  listDeliveries(query: DeliveryQuery): Promise<Delivery[]>
  listAttempts(deliveryId: string): Promise<Attempt[]>
  /** Makes a delivery due now again, its next attempt a `resend`; 'in_flight' while a worker holds it. */
  requeue(id: string, now: number): Promise<'ok' | 'not_found' | 'in_flight'>
  /** Makes every failed delivery of an endpoint created since `since` due again. */
  requeueFailed(endpointId: string, since: number, now: number): Promise<number>

  /** Attempts and failures of an endpoint since a time. */
  endpointStats(endpointId: string, since: number): Promise<{ attempts: number; failures: number }>
  /** Deliveries still to be attempted (all endpoints). */
  backlog(now: number): Promise<Backlog>
  /** Deletes final deliveries, their attempts and messages older than `before`. */
  purge(before: number): Promise<{ messages: number; deliveries: number; attempts: number }>

  /** Calls `listener` when another process sends (Postgres LISTEN/NOTIFY). */
  subscribe?(listener: () => void): Promise<() => Promise<void>>
}
