import { chmodSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { DeliveryStore } from '@clockhook/dispatcher'
import { postgresStore, sqliteStore } from '@clockhook/dispatcher'
import Database from 'better-sqlite3'
import {
  CompiledQuery,
  type DialectAdapter,
  type Driver,
  Kysely,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  sql,
} from 'kysely'
import { Migrator } from 'kysely/migration'
import pg from 'pg'
import type { AppSchema } from './schema'
import { appMigrations } from './schema'

export interface AppDatabase {
  kind: 'sqlite' | 'postgres'
  db: Kysely<AppSchema>
  store: DeliveryStore
  ping(): Promise<void>
  close(): Promise<void>
}

/** SQLite in the data dir by default; Postgres when a URL is given. Migrates both schemas. */
export async function openDatabase(options: {
  url?: string
  dataDir: string
}): Promise<AppDatabase> {
  let kind: AppDatabase['kind']
  let db: Kysely<AppSchema>
  let store: DeliveryStore
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 })
    kind = 'postgres'
    db = new Kysely<AppSchema>({ dialect: new PostgresDialect({ pool }) })
    store = postgresStore({ pool, kysely: db })
  } else {
    // the data dir holds the database and the development master key: owner only
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 })
    const file = join(options.dataDir, 'clockhook.db')
    const database = new Database(file)
    chmodSync(file, 0o600) // SQLite gives its -wal and -shm files the same mode

    kind = 'sqlite'
    db = new Kysely<AppSchema>({ dialect: new ImmediateSqliteDialect({ database }) })
    store = sqliteStore({ database, kysely: db })
  }
  const handle: AppDatabase = {
    kind,
    db,
    store,
    ping: async () => void (await sql`select 1`.execute(db)),
    close: async () => {
      await store.close()
      await db.destroy()
    },
  }
  let schema: string | undefined
  if (handle.kind === 'postgres') {
    const { rows } = await sql<{ s: string | null }>`select current_schema() as s`.execute(
      handle.db,
    )
    if (!rows[0]?.s) {
      await handle.close()
      throw new Error(
        'DATABASE_URL: no schema on the search_path exists (current_schema() is null); create the schema or fix search_path',
      )
    }
    schema = rows[0].s
  }
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => appMigrations },
    migrationTableName: 'app_migrations',
    migrationLockTableName: 'app_migrations_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  })
  // another client dropping a schema while kysely lists every schema's tables fails the
  // listing (3F000 / 42P01), not our migration: try again
  let { error } = await migrator.migrateToLatest()
  for (let attempt = 1; attempt < 5 && isConcurrentDrop(error); attempt++) {
    await new Promise((r) => setTimeout(r, 20 * attempt))
    ;({ error } = await migrator.migrateToLatest())
  }
  if (error) throw error
  await handle.store.migrate()
  return handle
}

const isConcurrentDrop = (error: unknown) =>
  ['3F000', '42P01'].includes((error as { code?: string } | undefined)?.code ?? '')

/**
 * SQLite for several processes on one file (`--role api` + `--role worker`): transactions
 * begin IMMEDIATE — a deferred one that reads, then writes after another process wrote,
 * fails with SQLITE_BUSY_SNAPSHOT, while taking the write lock first waits (busy
 * timeout) — and migrations run in one such transaction (SQLite's DDL is transactional),
 * so processes starting together migrate one after the other, and a crash mid-migration
 * leaves nothing half-made.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter()
  }

  override createDriver(): Driver {
    const driver = super.createDriver()
    driver.beginTransaction = async (connection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'))
    }
    return driver
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true
  }
}
