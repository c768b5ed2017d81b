import Database from 'better-sqlite3'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import type { Dispatcher, DispatcherOptions } from '../src/index'
import { createDispatcher, postgresStore, sqliteStore } from '../src/index'
import type { DeliveryStore } from '../src/store/types'
import { startReceiver } from './helpers/receiver'
import { createPostgres, createSqlite, postgresUrl } from './helpers/stores'

const LOCAL = { allowedCidrs: ['127.0.0.1/32'] }

/**
 * Two dispatchers, each with its own connection to one database, as two processes would
 * be: an endpoint's `rateLimitPerSecond` and `maxConcurrency` hold for both together.
 */
const databases: Array<{
  name: string
  available: boolean
  /** The shared database, and a way to open another store (connection) on it. */
  open(): Promise<{ second(): DeliveryStore; first: DeliveryStore; cleanup(): Promise<void> }>
}> = [
  {
    name: 'SQLite (one file, two connections)',
    available: true,
    async open() {
      const main = createSqlite()
      await main.store.migrate()
      const extra: Database.Database[] = []
      return {
        first: main.store,
        second() {
          const database = new Database(main.file)
          extra.push(database)
          return sqliteStore({ database })
        },
        async cleanup() {
          for (const d of extra) d.close()
          await main.cleanup()
        },
      }
    },
  },
  {
    name: 'Postgres (one schema, two pools)',
    available: Boolean(postgresUrl),
    async open() {
      const main = await createPostgres()
      const pools: pg.Pool[] = []
      return {
        first: main.store,
        second() {
          const pool = new pg.Pool({
            connectionString: postgresUrl,
            options: `-c search_path=${main.schema}`,
            max: 4,
          })
          pools.push(pool)
          return postgresStore({ pool })
        },
        async cleanup() {
          for (const p of pools) await p.end()
          await main.cleanup()
        },
      }
    },
  },
]

for (const database of databases)
  describe.skipIf(!database.available)(`limits shared by two dispatchers: ${database.name}`, () => {
    const cleanups: Array<() => Promise<void>> = []
    afterEach(async () => {
      for (const c of cleanups.splice(0).reverse()) await c()
    })

    async function twoDispatchers(options: Partial<DispatcherOptions> = {}) {
      const db = await database.open()
      cleanups.push(db.cleanup)
      const stores = [db.first, db.second()]
      const dispatchers: Dispatcher[] = stores.map((store) =>
        createDispatcher({ store, ssrf: LOCAL, concurrency: 16, batchSize: 20, ...options }),
      )
      cleanups.push(async () => {
        for (const d of dispatchers) await d.stop({ timeoutMs: 5000 })
      })
      return dispatchers as [Dispatcher, Dispatcher]
    }

    it('holds a rate limit for both together (a burst of one second, then the rate)', async () => {
      const arrivals: number[] = []
      const receiver = await startReceiver((_q, res) => {
        arrivals.push(performance.now())
        res.writeHead(204).end()
      })
      cleanups.push(() => receiver.close())
      const [a, b] = await twoDispatchers()
      const rate = 10
      await a.createEndpoint({ url: receiver.url, rateLimitPerSecond: rate })
      await a.sendMany(Array.from({ length: 30 }, (_, n) => ({ type: 'clock.in', data: { n } })))
      await Promise.all([a.start(), b.start()])
      await receiver.waitFor(30, 20_000)
      // Each dispatcher alone would allow 10 at once then 10/s; together the two would
      // have sent 30 within one second. Shared: 10 at once, then one per 100 ms.
      const first = arrivals[0]!
      const span = arrivals.at(-1)! - first
      expect(span).toBeGreaterThan(((30 - rate) / rate) * 1000 * 0.85)
      arrivals.forEach((t, i) => {
        // at most the burst plus the rate since the first arrival (200 ms of slack for
        // the first request's connection set-up)
        expect(i + 1).toBeLessThanOrEqual(rate + 1 + Math.floor(((t - first + 200) * rate) / 1000))
      })
      expect(receiver.requests).toHaveLength(30)
    }, 30_000)

    it('holds a concurrency limit for both together', async () => {
      let active = 0
      let peak = 0
      const receiver = await startReceiver((_q, res) => {
        active++
        peak = Math.max(peak, active)
        setTimeout(() => {
          active--
          res.writeHead(204).end()
        }, 30)
      })
      cleanups.push(() => receiver.close())
      const [a, b] = await twoDispatchers()
      await a.createEndpoint({ url: receiver.url, maxConcurrency: 2 })
      await a.sendMany(Array.from({ length: 24 }, (_, n) => ({ type: 'clock.in', data: { n } })))
      await Promise.all([a.start(), b.start()])
      await receiver.waitFor(24, 20_000)
      expect(peak).toBeLessThanOrEqual(2)
      // both took part (each alone would have allowed 2: together 4 without sharing)
      const ids = new Set(receiver.requests.map((r) => String(r.headers['webhook-id'])))
      expect(ids.size).toBe(24)
    }, 30_000)
  })
