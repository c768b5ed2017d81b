// Crash suite: `--role worker` processes SIGKILLed at random points of the delivery and
// restarted; the receivers' ledger proves nothing is lost and bounds the duplicates by
// what a killed process can have had in flight. Short form in `pnpm test` (1 000 events,
// 3 kills); `pnpm test:chaos` runs the full one (10 000 events, 10 kills).
import { describe, expect, it } from 'vitest'
import { runChaos } from '../src/chaos.ts'
import { POSTGRES_URL } from '../src/harness.ts'

const full = process.env.CLOCKHOOK_CHAOS === 'full'
const messages = Number(process.env.CHAOS_MESSAGES ?? (full ? 10_000 : 1_000))
const kills = Number(process.env.CHAOS_KILLS ?? (full ? 10 : 3))
/** A killed worker can have had at most its concurrency (64) in flight, plus attempts
 * finished but not yet recorded (the dispatcher gathers them for a few ms). */
const PER_KILL = 2 * 64

if (!POSTGRES_URL && process.env.CLOCKHOOK_REQUIRE_POSTGRES === '1')
  throw new Error('CLOCKHOOK_TEST_POSTGRES_URL is not set and CLOCKHOOK_REQUIRE_POSTGRES=1')

/**
 * SQLite runs as an API process and worker processes on one file, like Postgres
 * (CHAOS_SQLITE_TOPOLOGY=single: one `--role all` process instead).
 */
const sqliteTopology: 'split' | 'single' =
  process.env.CHAOS_SQLITE_TOPOLOGY === 'single' ? 'single' : 'split'

describe.each([
  {
    database: 'postgres' as const,
    topology: 'split' as const,
    label: 'api + 2 worker processes',
    available: Boolean(POSTGRES_URL),
  },
  {
    database: 'sqlite' as const,
    topology: sqliteTopology,
    label: sqliteTopology === 'split' ? 'api + 2 worker processes' : 'one --role all process',
    available: true,
  },
])('crash: $database, $label', ({ database, topology, available }) => {
  it.skipIf(!available)(
    `${messages} events to 3 receivers, ${kills} SIGKILLs: 0 lost, duplicates bounded`,
    async () => {
      const result = await runChaos({
        database,
        messages,
        kills,
        topology,
        workers: 2,
        receivers: 3,
        deadlineMs: full ? 600_000 : 180_000,
        log: (line) => console.log(line),
      })
      expect(result.kills).toBe(kills)
      expect(result.lost).toBe(0)
      expect(result.delivered).toBe(result.expected)
      expect(result.duplicates).toBeLessThanOrEqual(kills * PER_KILL)
    },
    full ? 900_000 : 300_000,
  )
})
