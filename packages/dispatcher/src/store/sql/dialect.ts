import type { Kysely, Transaction } from 'kysely'
import type {
  AttemptOutcome,
  ClaimedDelivery,
  ClaimOptions,
  NewDelivery,
  PermitGrant,
  PermitRequest,
  StoredMessage,
} from '../types'
import type { Schema } from './schema'

export type Db = Kysely<Schema>

/** What differs between SQLite and Postgres; everything else is shared. */
export interface SqlDialectParts {
  kind: 'sqlite' | 'postgres'
  /** Leases due deliveries: the one query each dialect writes its own way. */
  claimDue(
    db: Db,
    now: number,
    limit: number,
    leaseMs: number,
    options: ClaimOptions,
  ): Promise<ClaimedDelivery[]>
  /**
   * The schema the tables live in (Postgres): kysely's migrator must be told, or it takes
   * another schema's migration table for ours.
   */
  currentSchema?(db: Db): Promise<string>
  /** Serialises the pull API's sequencer (an advisory lock on Postgres). */
  lockSequencer(trx: Transaction<Schema>): Promise<void>
  /** Permits of a limited endpoint, shared by every worker (see `grantPermits`). */
  acquirePermits(db: Db, request: PermitRequest, now: number): Promise<PermitGrant>
  /** Records attempt outcomes, fenced by lease token: the other hot path. */
  recordOutcomes(db: Db, outcomes: AttemptOutcome[], now: number): Promise<Set<string>>
  /** Inserts a message and its deliveries in one statement (Postgres). */
  insertMessage?(db: Db, message: StoredMessage, deliveries: NewDelivery[]): Promise<void>
  /** Inserts many messages and their deliveries in one statement (Postgres). */
  insertMessages?(
    db: Db,
    batch: Array<{ message: StoredMessage; deliveries: NewDelivery[] }>,
  ): Promise<void>
  /** Wakes other processes' dispatchers when the transaction commits. */
  notify?(db: Db): Promise<void>
  subscribe?(listener: () => void): Promise<() => Promise<void>>
  close(): Promise<void>
}
