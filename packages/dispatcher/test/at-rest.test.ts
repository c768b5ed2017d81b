import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import type { DispatcherOptions, SecretCipher } from '../src/index'
import { createDispatcher } from '../src/index'
import type { Receiver } from './helpers/receiver'
import { eventually, startReceiver } from './helpers/receiver'
import { createPostgres, createSqlite, postgresUrl } from './helpers/stores'

/** AES-256-GCM, as a host would seal with its master key. */
function aesGcm(): SecretCipher {
  const key = randomBytes(32)
  return {
    seal(plain) {
      const iv = randomBytes(12)
      const c = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()])
      return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')
    },
    open(sealed) {
      const raw = Buffer.from(sealed, 'base64')
      const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12))
      d.setAuthTag(raw.subarray(12, 28))
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8')
    },
  }
}

const BEARER = 'Bearer rcv-credential-7f3a9c'
const API_KEY = 'apikey-rotated-b51e04'

/** Creates an endpoint with credentials, delivers, changes them, delivers again. */
async function exercise(options: DispatcherOptions, receiver: Receiver) {
  const d = createDispatcher({ ...options, ssrf: { allowedCidrs: ['127.0.0.1/32'] } })
  await d.start()
  try {
    const { endpoint, secret } = await d.createEndpoint({
      url: receiver.url,
      headers: { Authorization: BEARER, 'X-Team': 'payroll' },
    })
    expect(endpoint.headers).toEqual({ authorization: '••••••', 'x-team': '••••••' })
    expect(await d.getEndpoint(endpoint.id)).toMatchObject({ headers: endpoint.headers })
    expect(await d.getEndpointHeaders(endpoint.id)).toEqual({
      authorization: BEARER,
      'x-team': 'payroll',
    })
    const first = await d.send({ type: 'clock.in', data: { n: 1 } })
    await receiver.waitFor(1)
    expect(receiver.requests[0]!.headers.authorization).toBe(BEARER)
    // read back masked, written back unchanged: the stored value stays
    await d.updateEndpoint(endpoint.id, {
      headers: { ...(await d.getEndpoint(endpoint.id)).headers, 'x-api-key': API_KEY },
    })
    expect(await d.getEndpointHeaders(endpoint.id)).toEqual({
      authorization: BEARER,
      'x-team': 'payroll',
      'x-api-key': API_KEY,
    })
    const { secret: rotated } = await d.rotateSecret(endpoint.id)
    await d.send({ type: 'clock.in', data: { n: 2 } })
    await receiver.waitFor(2)
    expect(receiver.requests[1]!.headers).toMatchObject({
      authorization: BEARER,
      'x-api-key': API_KEY,
    })
    const detail = await eventually(async () => {
      const x = await d.getDelivery(first.deliveryIds[0]!)
      return x.attempts.length === 1 && x
    })
    expect(detail.attempts[0]!.requestHeaders).toMatchObject({
      authorization: '••••••',
      'x-team': '••••••',
      'content-type': 'application/json',
    })
    expect(detail.attempts[0]!.requestHeaders['webhook-signature']).toMatch(/^v1,/)
    return [secret, rotated, BEARER, API_KEY, 'rcv-credential-7f3a9c']
  } finally {
    await d.stop()
  }
}

describe('nothing secret is stored in clear', () => {
  const cleanups: Array<() => Promise<void>> = []
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c()
  })

  it('on SQLite: no byte of the database files holds a secret or a header value', async () => {
    const receiver = await startReceiver()
    cleanups.push(() => receiver.close())
    const handle = createSqlite()
    cleanups.push(() => handle.cleanup())
    await handle.store.migrate()
    const secrets = await exercise({ store: handle.store, secretCipher: aesGcm() }, receiver)
    const dir = dirname(handle.file)
    const files = readdirSync(dir).map((f) => join(dir, f))
    expect(files.some((f) => f.endsWith('-wal'))).toBe(true)
    const bytes = Buffer.concat(files.map((f) => readFileSync(f)))
    expect(bytes.includes(Buffer.from('clock.in'))).toBe(true) // the files were read
    for (const s of secrets) expect(bytes.includes(Buffer.from(s)), s).toBe(false)
  })

  it('on SQLite without a cipher, header values are still masked in attempts', async () => {
    const receiver = await startReceiver()
    cleanups.push(() => receiver.close())
    const handle = createSqlite()
    cleanups.push(() => handle.cleanup())
    await handle.store.migrate()
    await exercise({ store: handle.store }, receiver)
    const rows = await sql<{
      request_headers: string
    }>`select request_headers from clockhook_attempts`.execute(handle.kysely!)
    expect(rows.rows).toHaveLength(2)
    for (const r of rows.rows) expect(r.request_headers).not.toContain('rcv-credential')
  })

  it('masks a credential that a receiver echoes back in its answer', async () => {
    const echo = await startReceiver((req, res) => {
      res.writeHead(400, { 'content-type': 'text/plain' })
      res.end(`you sent authorization=${req.headers.authorization}`)
    })
    cleanups.push(() => echo.close())
    const handle = createSqlite()
    cleanups.push(() => handle.cleanup())
    await handle.store.migrate()
    const d = createDispatcher({
      store: handle.store,
      ssrf: { allowedCidrs: ['127.0.0.1/32'] },
      pollIntervalMs: 20,
    })
    const { endpoint } = await d.createEndpoint({
      url: echo.url,
      headers: { authorization: 'Bearer echoed-credential-42' },
    })
    const detail = await d.sendTest(endpoint.id)
    const preview = detail.attempts[0]!.responsePreview!
    expect(preview).toContain('you sent authorization=')
    expect(preview).not.toContain('echoed-credential-42')
    expect(preview).toContain('••••••')
  })

  it.skipIf(!postgresUrl)('on Postgres: no table holds a secret or a header value', async () => {
    const receiver = await startReceiver()
    cleanups.push(() => receiver.close())
    const handle = await createPostgres()
    cleanups.push(() => handle.cleanup())
    const secrets = await exercise({ store: handle.store, secretCipher: aesGcm() }, receiver)
    const tables = await handle.pool.query<{ table_name: string }>(
      'select table_name from information_schema.tables where table_schema = $1',
      [handle.schema],
    )
    expect(tables.rows.length).toBeGreaterThanOrEqual(5)
    let dump = ''
    for (const { table_name } of tables.rows) {
      const rows = await handle.pool.query<{ t: string }>(
        `select t::text as t from ${table_name} t`,
      )
      dump += rows.rows.map((r) => r.t).join('\n')
    }
    expect(dump).toContain('clock.in')
    for (const s of secrets) expect(dump.includes(s), s).toBe(false)
  })
})
