// An app embedding @clockhook/dispatcher on its own SQLite database: a time entry and its
// `clock.in` event commit in one transaction, and the dispatcher delivers the event.
//
//   node index.ts                          # to a built-in receiver that verifies the signature
//   WEBHOOK_URL=http://127.0.0.1:3000/webhooks node index.ts   # to your own receiver
//
// It prints the endpoint's signing secret, then the delivery once it has succeeded.

import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDispatcher, type Delivery, sqliteStore } from '@clockhook/dispatcher'
import { Webhook } from '@clockhook/signer'
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'

/** The app's own tables, typed for kysely. */
interface AppSchema {
  time_entries: { id: string; worker_id: string; clock_in: string }
}

export interface EmbedResult {
  secret: string
  messageId: string
  delivery: Delivery
}

/**
 * Runs the app once: an endpoint for `url` (or for a built-in verifying receiver), a
 * transactional clock-in, and the delivery's outcome.
 */
export async function main(
  options: { url?: string; log?: (line: string) => void } = {},
): Promise<EmbedResult> {
  const log = options.log ?? console.log
  const dir = mkdtempSync(join(tmpdir(), 'clockhook-embed-'))
  const database = new Database(join(dir, 'app.db'))
  const db = new Kysely<AppSchema>({ dialect: new SqliteDialect({ database }) })
  await sql`create table time_entries (id text primary key, worker_id text, clock_in text)`.execute(
    db,
  )
  let secret = ''
  const receiver = options.url ? undefined : await verifyingReceiver(() => secret, log)
  const url =
    options.url ?? `http://127.0.0.1:${(receiver!.address() as AddressInfo).port}/webhooks`

  // The dispatcher's tables live beside the app's; it shares the app's kysely instance.
  const store = sqliteStore({ database, kysely: db })
  await store.migrate()
  const dispatcher = createDispatcher({ store, ssrf: { allowedCidrs: ['127.0.0.1/32'] } })
  await dispatcher.start()
  try {
    const endpoint = await dispatcher.createEndpoint({ url, eventTypes: ['clock.*'] })
    secret = endpoint.secret
    log(`endpoint ${endpoint.endpoint.id} signs with ${secret}`)

    // The business write and its event commit together (or not at all).
    const { messageId, deliveryIds } = await db.transaction().execute(async (trx) => {
      const entry = { id: 'te_1', worker_id: 'wkr_1', clock_in: new Date().toISOString() }
      await trx.insertInto('time_entries').values(entry).execute()
      return dispatcher.send(
        { type: 'clock.in', data: { entry_id: entry.id, worker_id: entry.worker_id } },
        { trx },
      )
    })

    const delivery = await new Promise<Delivery>((resolve, reject) => {
      const off = dispatcher.on('attempt', ({ delivery }) => {
        if (delivery.id !== deliveryIds[0]) return
        off()
        if (delivery.status === 'succeeded') resolve(delivery)
        else reject(new Error(`the delivery ${delivery.status}: ${delivery.lastError}`))
      })
    })
    log(`delivered ${messageId} (${delivery.id}) in ${delivery.attempts} attempt(s)`)
    return { secret, messageId, delivery }
  } finally {
    await dispatcher.stop()
    receiver?.close()
    await db.destroy()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A payroll system's endpoint: verifies each request on its raw bytes. */
async function verifyingReceiver(secret: () => string, log: (line: string) => void) {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      try {
        const event = new Webhook(secret()).verify(
          Buffer.concat(chunks),
          req.headers as Record<string, string>,
        )
        log(`the receiver verified: ${JSON.stringify(event)}`)
        res.writeHead(204).end()
      } catch {
        res.writeHead(401).end()
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return server
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main({ url: process.env.WEBHOOK_URL })
}
