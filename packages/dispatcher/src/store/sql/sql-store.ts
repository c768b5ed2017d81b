import { Migrator } from 'kysely/migration'
import type { DeliveryStore } from '../types'
import type { Db, SqlDialectParts } from './dialect'
import { sqlQueue } from './queue'
import { sqlRepository } from './repository'
import { migrations } from './schema'

export type { SqlDialectParts } from './dialect'

/** The one SQL implementation of `DeliveryStore`, shared by SQLite and Postgres. */
export function createSqlStore(db: Db, dialect: SqlDialectParts): DeliveryStore {
  return {
    kind: dialect.kind,
    async migrate() {
      const schema = await dialect.currentSchema?.(db)
      const migrator = new Migrator({
        db,
        provider: { getMigrations: async () => migrations(dialect.kind) },
        migrationTableName: 'clockhook_migrations',
        migrationLockTableName: 'clockhook_migrations_lock',
        ...(schema ? { migrationTableSchema: schema } : {}),
      })
      const { error } = await migrateRetryingIntrospection(() => migrator.migrateToLatest())
      if (error) throw error
    },

    close: () => dialect.close(),
    ...sqlRepository(db, dialect),
    ...sqlQueue(db, dialect),
  }
}

/**
 * kysely's migrator lists the tables of every schema of the database to find its own; a
 * schema or table another client drops at that moment fails the listing (Postgres
 * 3F000 / 42P01) though nothing is wrong with ours. Such a failure is tried again.
 */
export async function migrateRetryingIntrospection<R extends { error?: unknown }>(
  migrate: () => Promise<R>,
  tries = 5,
): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    const result = await migrate()
    const code = (result.error as { code?: string } | undefined)?.code
    if (attempt >= tries || (code !== '3F000' && code !== '42P01')) return result
    await new Promise((r) => setTimeout(r, 20 * attempt))
  }
}
