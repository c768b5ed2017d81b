// Embedding the dispatcher: SQLite, a transactional send, a receiver that verifies.
// Run it: pnpm --filter @clockhook/dispatcher build && node examples/embed.ts

import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDispatcher, sqliteStore } from '@clockhook/dispatcher'
import { Webhook } from '@clockhook/signer'
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'

interface AppSchema {
  time_entries: { id: string; worker_id: string; clock_in: string }
}

export async function main(log: (line: string) => void = console.log): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'clockhook-example-'))
  const database = new Database(join(dir, 'app.db'))
  const db = new Kysely<AppSchema>({ dialect: new SqliteDialect({ database }) })
  await sql`create table time_entries (id text primary key, worker_id text, clock_in text)`.execute(
    db,
  )

  // 1. The receiver: a payroll system that verifies what it gets.
  let secret = ''
  let resolveEvent: (event: unknown) => void = () => {}
  const received = new Promise((resolve) => {
    resolveEvent = resolve
  })
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      const event = new Webhook(secret).verify(
        Buffer.concat(chunks),
        req.headers as Record<string, string>,
      )
      res.writeHead(204).end()
      resolveEvent(event)
    })
  })
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
  const { port } = receiver.address() as AddressInfo

  // 2. The dispatcher, on the app's own database and kysely instance.
  const store = sqliteStore({ database, kysely: db as Kysely<unknown> })
  await store.migrate()
  const dispatcher = createDispatcher({ store, ssrf: { allowedCidrs: ['127.0.0.1/32'] } })
  await dispatcher.start()
  const endpoint = await dispatcher.createEndpoint({
    url: `http://127.0.0.1:${port}/webhooks`,
    eventTypes: ['clock.*'],
  })
  secret = endpoint.secret

  // 3. The business write and the event commit together.
  await db.transaction().execute(async (trx) => {
    const entry = { id: 'te_1', worker_id: 'wkr_1', clock_in: new Date().toISOString() }
    await trx.insertInto('time_entries').values(entry).execute()
    await dispatcher.send(
      { type: 'clock.in', data: { entry_id: entry.id, worker_id: entry.worker_id } },
      { trx },
    )
  })

  const event = await received
  log(`the receiver verified: ${JSON.stringify(event)}`)
  await dispatcher.stop()
  receiver.close()
  await db.destroy()
  rmSync(dir, { recursive: true, force: true })
  return event
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
