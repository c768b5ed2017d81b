import type { Kysely, SqliteDatabase } from 'kysely'
import { Kysely as KyselyClass, SqliteDialect, sql } from 'kysely'
import type { Schema } from './sql/schema'
import { createSqlStore } from './sql/sql-store'
import type { DeliveryStore } from './types'

export interface SqliteStoreOptions {
  /**
   * A better-sqlite3 `Database` (any object of its shape). The store switches it to WAL
   * and sets a busy timeout; it never closes it: the database stays the host's.
   */
  database: SqliteDatabase & { pragma?(source: string): unknown }
  /**
   * The host's own kysely instance over the same database, if it has one: then
   * `send(…, { trx })` can take the host's transactions.
   */
  kysely?: Kysely<unknown>
}

/**
 * The dispatcher's tables in a SQLite database (better-sqlite3, WAL).
 *
 * @example
 * import Database from 'better-sqlite3'
 * const store = sqliteStore({ database: new Database('app.db') })
 * await store.migrate()
 */
export function sqliteStore(options: SqliteStoreOptions): DeliveryStore {
  const { database } = options
  if (typeof database?.prepare !== 'function') {
    throw new TypeError('sqliteStore needs { database }: a better-sqlite3 Database')
  }
  database.pragma?.('journal_mode = WAL')
  database.pragma?.('busy_timeout = 5000')
  const db = (options.kysely ??
    new KyselyClass<Schema>({ dialect: new SqliteDialect({ database }) })) as Kysely<Schema>
  return createSqlStore(db, {
    kind: 'sqlite',
    claimLock: sql``,
    async lockSequencer() {},
    async close() {},
  })
}
