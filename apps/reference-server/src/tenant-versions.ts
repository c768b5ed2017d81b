import type { Kysely } from 'kysely'
import type { AppSchema } from './db/schema'

/** The payload version used when a tenant has none recorded. */
export const LATEST_STABLE_VERSION = 1

const caches = new Set<Map<string, { version: number; until: number }>>()

/**
 * Drops a tenant's cached default version in every cache of this process, so a settings
 * change is rendered from the next delivery on (other processes follow within the TTL).
 */
export function forgetTenantVersion(tenantId: string): void {
  for (const cache of caches) cache.delete(tenantId)
}

/** The version a tenant's deliveries use: its default, else the latest stable version. */
export const effectiveVersion = (defaultVersion: number | null | undefined) =>
  defaultVersion ?? LATEST_STABLE_VERSION

/**
 * Each tenant's default payload version, read from the database and kept for `ttlMs`, so
 * a worker process renders tenants created (or changed) by an API process correctly.
 */
export function tenantVersions(db: Kysely<AppSchema>, ttlMs = 5_000) {
  const cache = new Map<string, { version: number; until: number }>()
  caches.add(cache)
  return async function defaultVersionOf(tenantId: string): Promise<number> {
    const hit = cache.get(tenantId)
    if (hit && hit.until > Date.now()) return hit.version
    const row = await db
      .selectFrom('tenants')
      .select('default_version')
      .where('id', '=', tenantId)
      .executeTakeFirst()
    const version = effectiveVersion(row?.default_version)
    if (cache.size > 10_000) cache.clear()
    cache.set(tenantId, { version, until: Date.now() + ttlMs })
    return version
  }
}
