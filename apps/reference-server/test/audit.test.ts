import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withAudit } from '../src/audit'
import { openDatabase } from '../src/index'

describe('withAudit', () => {
  let dir: string
  let database: Awaited<ReturnType<typeof openDatabase>>
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clockhook-audit-'))
    database = await openDatabase({ dataDir: dir })
  })
  afterAll(async () => {
    await database.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const tenant = (id: string) =>
    database.db
      .insertInto('tenants')
      .values({
        id,
        name: id,
        default_version: 1,
        retention_days: 30,
        require_https: 0,
        created_at: new Date().toISOString(),
      })
      .execute()
  const count = async (table: 'tenants' | 'audit_log', id: string) =>
    (
      await database.db
        .selectFrom(table)
        .select('id')
        .where(table === 'tenants' ? 'id' : 'target', '=', id)
        .execute()
    ).length

  it('writes the change and its audit entry together', async () => {
    await withAudit(
      database.db,
      { tenantId: 'ten_a', actor: 'test', action: 'tenant.created', target: 'ten_a' },
      (trx) =>
        trx
          .insertInto('tenants')
          .values({
            id: 'ten_a',
            name: 'a',
            default_version: 1,
            retention_days: 30,
            require_https: 0,
            created_at: 'now',
          })
          .execute(),
    )
    expect([await count('tenants', 'ten_a'), await count('audit_log', 'ten_a')]).toEqual([1, 1])
  })

  it('leaves neither when the audit entry cannot be written', async () => {
    const unwritable = { n: 1n } // JSON.stringify throws on a BigInt
    await expect(
      withAudit(
        database.db,
        { tenantId: 'ten_b', actor: 'test', action: 'x', target: 'ten_b', details: unwritable },
        (trx) =>
          trx
            .insertInto('tenants')
            .values({
              id: 'ten_b',
              name: 'b',
              default_version: 1,
              retention_days: 30,
              require_https: 0,
              created_at: 'now',
            })
            .execute(),
      ),
    ).rejects.toThrow()
    expect([await count('tenants', 'ten_b'), await count('audit_log', 'ten_b')]).toEqual([0, 0])
    await tenant('ten_c')
    expect(await count('tenants', 'ten_c')).toBe(1)
  })
})
