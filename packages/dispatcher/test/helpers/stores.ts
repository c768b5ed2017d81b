import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import { memoryStore, postgresStore, sqliteStore } from '../../src/index'
import type { DeliveryStore } from '../../src/store/types'

/** The host application's own tables, as a test host would have them. */
export interface HostDb {
  host_entries: { id: string }
}

export interface StoreHandle {
  store: DeliveryStore
  /** A host-side kysely over the same database (SQL stores), for transactional sends. */
  kysely?: Kysely<HostDb>
  cleanup(): Promise<void>
}

export interface StoreFactory {
  name: 'memory' | 'sqlite' | 'postgres'
  available: boolean
  create(): Promise<StoreHandle>
}

export const postgresUrl = process.env.CLOCKHOOK_TEST_POSTGRES_URL

if (!postgresUrl) {
  const message =
    'CLOCKHOOK_TEST_POSTGRES_URL is not set: the Postgres store tests are SKIPPED. ' +
    'Set it (e.g. postgres://postgres@127.0.0.1:5432/test) to run them.'
  if (process.env.CLOCKHOOK_REQUIRE_POSTGRES === '1') {
    throw new Error(`${message} CLOCKHOOK_REQUIRE_POSTGRES=1 makes this a failure.`)
  }
  console.warn(`\n⚠️  ${message}\n`)
}

/** A fresh Postgres schema per store, dropped on cleanup, so test files never collide. */
export async function createPostgres(): Promise<StoreHandle & { pool: pg.Pool; schema: string }> {
  const schema = `clockhook_t_${Math.random().toString(36).slice(2, 10)}`
  const admin = new pg.Client({ connectionString: postgresUrl })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const pool = new pg.Pool({
    connectionString: postgresUrl,
    options: `-c search_path=${schema}`,
    max: 10,
  })
  const kysely = new Kysely<HostDb>({ dialect: new PostgresDialect({ pool }) })
  const store = postgresStore({ pool, kysely })
  await store.migrate()
  return {
    store,
    kysely,
    pool,
    schema,
    async cleanup() {
      await store.close()
      await pool.end()
      const client = new pg.Client({ connectionString: postgresUrl })
      await client.connect()
      await client.query(`drop schema ${schema} cascade`)
      await client.end()
    },
  }
}

export function createSqlite(file?: string): StoreHandle & { file: string } {
  const dir = file ? undefined : mkdtempSync(join(tmpdir(), 'clockhook-sqlite-'))
  const path = file ?? join(dir!, 'test.db')
  const database = new Database(path)
  const kysely = new Kysely<HostDb>({ dialect: new SqliteDialect({ database }) })
  const store = sqliteStore({ database, kysely })
  return {
    store,
    kysely,
    file: path,
    async cleanup() {
      await store.close()
      database.close()
      if (dir) rmSync(dir, { recursive: true, force: true })
    },
  }
}

export const storeFactories: StoreFactory[] = [
  {
    name: 'memory',
    available: true,
    async create() {
      return { store: memoryStore(), async cleanup() {} }
    },
  },
  {
    name: 'sqlite',
    available: true,
    async create() {
      const handle = createSqlite()
      await handle.store.migrate()
      return handle
    },
  },
  {
    name: 'postgres',
    available: Boolean(postgresUrl),
    create: createPostgres,
  },
]
