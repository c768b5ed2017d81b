import pg from 'pg'

const url = process.env.CLOCKHOOK_TEST_POSTGRES_URL

if (!url) {
  const message =
    'CLOCKHOOK_TEST_POSTGRES_URL is not set: the server flows on Postgres are SKIPPED.'
  if (process.env.CLOCKHOOK_REQUIRE_POSTGRES === '1')
    throw new Error(`${message} CLOCKHOOK_REQUIRE_POSTGRES=1 makes this a failure.`)
  console.warn(`\n⚠️  ${message}\n`)
}

export interface TestDatabase {
  name: 'sqlite' | 'postgres'
  available: boolean
  /** The DATABASE_URL to start the server with (a fresh schema), or undefined for SQLite. */
  create(): Promise<{
    databaseUrl: string | undefined
    /** Every row of every table of the server's schema as text (Postgres only). */
    dumpText?(): Promise<string>
    cleanup(): Promise<void>
  }>
}

export const databases: TestDatabase[] = [
  {
    name: 'sqlite',
    available: true,
    create: async () => ({ databaseUrl: undefined, cleanup: async () => {} }),
  },
  {
    name: 'postgres',
    available: Boolean(url),
    async create() {
      const schema = `clockhook_srv_${Math.random().toString(36).slice(2, 10)}`
      const admin = new pg.Client({ connectionString: url })
      await admin.connect()
      await admin.query(`create schema ${schema}`)
      await admin.end()
      const sep = url!.includes('?') ? '&' : '?'
      return {
        databaseUrl: `${url}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
        async dumpText() {
          const c = new pg.Client({ connectionString: url })
          await c.connect()
          try {
            const tables = await c.query<{ table_name: string }>(
              'select table_name from information_schema.tables where table_schema = $1',
              [schema],
            )
            let text = ''
            for (const { table_name } of tables.rows) {
              const rows = await c.query<{ row: string }>(
                `select t::text as row from ${schema}."${table_name}" t`,
              )
              text += rows.rows.map((r) => r.row).join('\n')
            }
            return text
          } finally {
            await c.end()
          }
        },
        async cleanup() {
          const c = new pg.Client({ connectionString: url })
          await c.connect()
          await c.query(`drop schema ${schema} cascade`)
          await c.end()
        },
      }
    },
  },
]
