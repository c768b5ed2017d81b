import type { Kysely, PostgresPool } from 'kysely'
import { Kysely as KyselyClass, PostgresDialect, sql } from 'kysely'
import type { Schema } from './sql/schema'
import { createSqlStore } from './sql/sql-store'
import type { DeliveryStore } from './types'

const CHANNEL = 'clockhook_wakeup'

/** The part of a `pg` client that LISTEN needs. */
interface ListeningClient {
  query(text: string): Promise<unknown>
  on(event: 'notification', listener: (msg: { channel: string }) => void): unknown
  on(event: 'error', listener: (err: Error) => void): unknown
  removeAllListeners(event?: string): unknown
  release(err?: Error | boolean): void
}

export interface PostgresStoreOptions {
  /** A `pg` Pool. The store never ends it: the pool stays the host's. */
  pool: PostgresPool
  /** The host's own kysely instance over the same pool, for `send(…, { trx })`. */
  kysely?: Kysely<unknown>
}

/**
 * The dispatcher's tables in PostgreSQL (pg). Claims use `FOR UPDATE SKIP LOCKED`, so
 * any number of dispatchers on any number of machines share the work; sends wake them
 * through `LISTEN/NOTIFY`.
 *
 * @example
 * import pg from 'pg'
 * const store = postgresStore({ pool: new pg.Pool({ connectionString }) })
 * await store.migrate()
 */
export function postgresStore(options: PostgresStoreOptions): DeliveryStore {
  const { pool } = options
  if (typeof pool?.connect !== 'function') {
    throw new TypeError('postgresStore needs { pool }: a pg Pool')
  }
  const db = (options.kysely ??
    new KyselyClass<Schema>({ dialect: new PostgresDialect({ pool }) })) as Kysely<Schema>
  const listeners = new Set<ListeningClient>()
  return createSqlStore(db, {
    kind: 'postgres',
    claimLock: sql`for update of d skip locked`,
    async lockSequencer(trx) {
      await sql`select pg_advisory_xact_lock(hashtext('clockhook_sequencer'))`.execute(trx)
    },
    async notify(x) {
      await sql`select pg_notify(${CHANNEL}, '')`.execute(x)
    },
    async subscribe(listener) {
      const client = (await pool.connect()) as unknown as ListeningClient
      listeners.add(client)
      client.on('notification', (msg) => {
        if (msg.channel === CHANNEL) listener()
      })
      client.on('error', () => {
        listeners.delete(client)
        client.release(true)
      })
      await client.query(`LISTEN ${CHANNEL}`)
      return async () => {
        if (!listeners.delete(client)) return
        client.removeAllListeners('notification')
        await client.query(`UNLISTEN ${CHANNEL}`).catch(() => undefined)
        client.release()
      }
    },
    async close() {
      for (const client of listeners) {
        client.removeAllListeners('notification')
        client.release(true)
      }
      listeners.clear()
    },
  })
}
