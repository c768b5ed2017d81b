import { join } from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import type { TestServer } from '../support'

/**
 * Tables left out of the row counts, by name, with the reason. None: the fuzz server runs
 * with `CLOCKHOOK_ROLE=api` (see fuzz.test.ts), so nothing writes to the database but the
 * requests themselves. With a delivery worker in the process (`all`), these would change
 * on their own: `clockhook_workers` (heartbeats), `clockhook_attempts` and the status of
 * `clockhook_deliveries` (deliveries made), `clockhook_messages` + `clockhook_deliveries`
 * (the document-expiry sweep's `document.expired`, every minute) and the retention purge.
 * `api_keys.last_used_at` is bookkeeping too, but an update: it never changes a count.
 */
export const EXCLUDED_TABLES: Record<string, string> = {}

/** Every table's row count, and every row of one tenant (the one the fuzzer must not touch). */
export interface Snapshot {
  counts: Record<string, number>
  /** Per table, the other tenant's rows as text (stable order). */
  other: Record<string, string>
}

export interface Snapshotter {
  tables: string[]
  take(): Promise<Snapshot>
  close(): Promise<void>
}

/**
 * Columns of tenant B's rows that may change while A's requests run: the dispatcher gives
 * every tenant's new messages their global order (`seq`) when anyone reads the pull API —
 * bookkeeping of the shared sequence, not B's data.
 */
const BOOKKEEPING: Record<string, string[]> = { clockhook_messages: ['seq'] }

/** Tables whose rows belong to a tenant through a `tenant_id` column (or `id` for tenants). */
const ownedBy = (table: string, columns: string[]) =>
  table === 'tenants'
    ? 'id = $T'
    : columns.includes('tenant_id')
      ? 'tenant_id = $T'
      : table === 'clockhook_attempts'
        ? 'endpoint_id in (select id from clockhook_endpoints where tenant_id = $T)'
        : null

/**
 * Reads the server's database beside it — the SQLite file read-only, or the server's own
 * Postgres schema — in one query per snapshot: the row count of every table but the
 * excluded ones, and every row of `otherTenant`.
 */
export async function snapshotter(server: TestServer, otherTenant: string): Promise<Snapshotter> {
  if (server.databaseUrl) {
    const client = new pg.Client({ connectionString: server.databaseUrl })
    await client.connect()
    const { rows } = await client.query<{ table_name: string; columns: string[] }>(
      `select table_name, array_agg(column_name::text order by ordinal_position) as columns
         from information_schema.columns where table_schema = current_schema()
        group by table_name order by table_name`,
    )
    const tables = rows.map((r) => r.table_name).filter((t) => !(t in EXCLUDED_TABLES))
    const parts: string[] = []
    for (const { table_name: t, columns } of rows) {
      if (t in EXCLUDED_TABLES) continue
      parts.push(`(select count(*) from "${t}")::int as "c:${t}"`)
      const where = ownedBy(t, columns)
      if (where) {
        const row = columns
          .filter((c) => !BOOKKEEPING[t]?.includes(c))
          .map((c) => `quote_nullable("${c}"::text)`)
          .join(" || ',' || ")
        parts.push(
          `(select coalesce(string_agg(r, E'\\n' order by r), '') from (select ${row} as r from "${t}" where ${where.replaceAll('$T', '$1')}) x) as "o:${t}"`,
        )
      }
    }
    const sql = `select ${parts.join(', ')}`
    return {
      tables,
      async take() {
        const r = await client.query<Record<string, string | number>>(sql, [otherTenant])
        return split(r.rows[0]!)
      },
      close: () => client.end(),
    }
  }
  const db = new Database(join(server.dir, 'clockhook.db'), { readonly: true, fileMustExist: true })
  const all = db
    .prepare<[], { name: string }>(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
    )
    .all()
  const parts: string[] = []
  const tables: string[] = []
  for (const { name: t } of all) {
    if (t in EXCLUDED_TABLES) continue
    tables.push(t)
    const columns = db
      .prepare<[], { name: string }>(`select name from pragma_table_info('${t}')`)
      .all()
      .map((c) => c.name)
    parts.push(`(select count(*) from "${t}") as "c:${t}"`)
    const where = ownedBy(t, columns)
    if (where) {
      const row = columns
        .filter((c) => !BOOKKEEPING[t]?.includes(c))
        .map((c) => `quote("${c}")`)
        .join(" || ',' || ")
      parts.push(
        `(select coalesce(group_concat(r, char(10)), '') from (select ${row} as r from "${t}" where ${where.replaceAll('$T', '@tenant')} order by r)) as "o:${t}"`,
      )
    }
  }
  const statement = db.prepare<{ tenant: string }, Record<string, string | number>>(
    `select ${parts.join(', ')}`,
  )
  return {
    tables,
    take: async () => split(statement.get({ tenant: otherTenant })!),
    close: async () => void db.close(),
  }
}

function split(row: Record<string, string | number>): Snapshot {
  const counts: Record<string, number> = {}
  const other: Record<string, string> = {}
  for (const [k, v] of Object.entries(row)) {
    if (k.startsWith('c:')) counts[k.slice(2)] = Number(v)
    else other[k.slice(2)] = String(v)
  }
  return { counts, other }
}
