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
      const { error } = await migrator.migrateToLatest()
      if (error) throw error
    },

    close: () => dialect.close(),
    ...sqlRepository(db, dialect),
    ...sqlQueue(db, dialect),
  }
}
