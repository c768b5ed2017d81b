import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { startReceiver } from './helpers/receiver'
import { postgresUrl } from './helpers/stores'

const CHILD = new URL('./fixtures/crash-child.mjs', import.meta.url).pathname
const COUNT = 3000

function run(
  args: string[],
  env: Record<string, string> = {},
): {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
} {
  const child = spawn(process.execPath, [CHILD, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  })
  let output = ''
  child.stdout!.on('data', (c) => {
    output += c
  })
  child.stderr!.on('data', (c) => {
    output += c
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, output: () => output, exited }
}

describe('crash recovery', () => {
  const cleanups: Array<() => Promise<void> | void> = []
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c()
  })

  it('delivers every message at least once across a SIGKILL and a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clockhook-crash-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const file = join(dir, 'crash.db')
    const seen = new Map<string, number>()
    const receiver = await startReceiver((_q, res, r) => {
      const id = String(r.headers['webhook-id'])
      seen.set(id, (seen.get(id) ?? 0) + 1)
      setTimeout(() => res.writeHead(200).end(), 2)
    })
    cleanups.push(() => receiver.close())

    const first = run(['send', file, receiver.url, String(COUNT)])
    cleanups.push(() => {
      first.child.kill('SIGKILL')
    })
    const deadline = Date.now() + 60_000
    while (!(first.output().includes('sent') && seen.size >= 500)) {
      if (Date.now() > deadline) throw new Error(`first child stalled: ${first.output()}`)
      if (first.child.exitCode !== null) throw new Error(`first child exited: ${first.output()}`)
      await new Promise((r) => setTimeout(r, 10))
    }
    first.child.kill('SIGKILL')
    await first.exited
    const atKill = seen.size
    expect(atKill).toBeLessThan(COUNT)

    const second = run(['drain', file, receiver.url])
    cleanups.push(() => {
      second.child.kill('SIGKILL')
    })
    const code = await second.exited
    expect(code, second.output()).toBe(0)

    const database = new Database(file, { readonly: true })
    const ids = database.prepare('select id from clockhook_messages').all() as Array<{ id: string }>
    const failed = database
      .prepare("select count(*) as n from clockhook_deliveries where status != 'succeeded'")
      .get() as { n: number }
    database.close()
    expect(ids).toHaveLength(COUNT)
    const missing = ids.filter(({ id }) => !seen.has(id))
    expect(missing).toEqual([])
    expect(failed.n).toBe(0)
    const duplicates = [...seen.values()].filter((n) => n > 1).length
    console.log(
      `crash test: ${atKill} delivered before SIGKILL, ${COUNT - atKill} after restart, ${duplicates} delivered twice (at-least-once)`,
    )
  }, 120_000)

  // Leases of ten minutes: only the heartbeat can free them within the test's time.
  for (const kind of ['sqlite', 'postgres'] as const) {
    it.skipIf(kind === 'postgres' && !postgresUrl)(
      `re-sends what a SIGKILLed worker held once its heartbeat stops, not after its lease (${kind})`,
      async () => {
        const dir = mkdtempSync(join(tmpdir(), 'clockhook-crash-'))
        cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
        const file = join(dir, 'held.db')
        const env: Record<string, string> = {
          CRASH_LEASE_MS: '600000',
          CRASH_HEARTBEAT_MS: '200',
        }
        if (kind === 'postgres') {
          const schema = `clockhook_crash_${Math.random().toString(36).slice(2, 10)}`
          const admin = new pg.Client({ connectionString: postgresUrl })
          await admin.connect()
          await admin.query(`create schema ${schema}`)
          cleanups.push(async () => {
            await admin.query(`drop schema ${schema} cascade`)
            await admin.end()
          })
          Object.assign(env, { CRASH_STORE: 'postgres', CRASH_SCHEMA: schema })
        }
        // the first worker's requests hang: it dies holding every lease
        let answering = false
        const seen = new Map<string, number>()
        const receiver = await startReceiver((_q, res, r) => {
          const id = String(r.headers['webhook-id'])
          seen.set(id, (seen.get(id) ?? 0) + 1)
          if (answering) res.writeHead(200).end()
        })
        cleanups.push(() => receiver.close())

        // 8 = the starting share of an endpoint at concurrency 32: all in flight at once
        const first = run(['send', file, receiver.url, '8'], env)
        cleanups.push(() => {
          first.child.kill('SIGKILL')
        })
        await receiver.waitFor(8, 30_000)
        first.child.kill('SIGKILL')
        await first.exited
        answering = true

        const second = run(['drain', file, receiver.url], env)
        cleanups.push(() => {
          second.child.kill('SIGKILL')
        })
        const code = await second.exited
        expect(code, second.output()).toBe(0)
        expect(seen.size).toBe(8)
        for (const n of seen.values()) expect(n).toBe(2)
      },
      60_000,
    )
  }
})
