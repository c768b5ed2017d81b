import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { startReceiver } from './helpers/receiver'

const CHILD = new URL('./fixtures/crash-child.mjs', import.meta.url).pathname
const COUNT = 3000

function run(args: string[]): {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
} {
  const child = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
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
})
