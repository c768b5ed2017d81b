import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databases } from './databases'
import { startRecorder, startTestServer, type TestServer } from './support'

const ADMIN = 'ck_fuzz_admin_key_that_is_long_enough_0123456789'
const openapi = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { requestBody?: unknown }>>
}
const operations = Object.entries(openapi.paths).flatMap(([path, methods]) =>
  Object.keys(methods).map((method) => ({ path, method: method.toUpperCase() })),
)

/** Strings a careless or hostile client sends: NUL, lone surrogates, huge numbers, SQL, paths. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udc00y',
    "' or 1=1 --",
    '../../etc/passwd',
    '%00',
    '%ZZ',
    '9'.repeat(40),
    '-1',
    '',
    ' ',
    'wkr_\u0000',
    '1e999',
  ),
)
const jsonish: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    nasty,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(nasty, tie('value'), { maxKeys: 4 }),
  ),
})).value
const FIELDS = [
  'name',
  'url',
  'events',
  'worker_id',
  'timestamp',
  'scopes',
  'headers',
  'since',
  'email',
  'enabled',
  'version',
  'timeout_seconds',
  'grace_period_seconds',
  'expires_on',
  'kind',
  'shift_date',
  'start_time',
  'end_time',
]
const body = fc.oneof(
  fc.constant(undefined),
  jsonish.map((v) => JSON.stringify(v)),
  fc.dictionary(fc.constantFrom(...FIELDS), jsonish, { maxKeys: 6 }).map((v) => JSON.stringify(v)),
  nasty,
)
const QUERY_KEYS = [
  'limit',
  'cursor',
  'after',
  'types',
  'wait',
  'status',
  'worker_id',
  'from',
  'to',
]
/** Percent-encodes every byte (a lone surrogate becomes U+FFFD, as on the wire); keeps a literal `%`. */
const encode = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) => (b === 0x25 ? '%' : `%${b.toString(16).padStart(2, '0')}`))
    .join('')
const query = fc
  .array(fc.tuple(fc.constantFrom(...QUERY_KEYS), nasty), { maxLength: 3 })
  .map((pairs) =>
    pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${k}=${encode(v)}`).join('&')}`,
  )

for (const database of databases)
  describe.skipIf(!database.available)(`fuzzed requests on ${database.name}`, () => {
    let server: TestServer
    let recorder: Awaited<ReturnType<typeof startRecorder>>
    const real: string[] = []

    beforeAll(async () => {
      recorder = await startRecorder()
      server = await startTestServer({
        database,
        env: {
          CLOCKHOOK_BOOTSTRAP_ADMIN_KEY: ADMIN,
          CLOCKHOOK_ALLOW_PRIVATE_URLS: '1',
          CLOCKHOOK_RATE_LIMIT: '100000',
        },
      })
      const post = async (path: string, payload: unknown) => {
        const res = await fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
          body: JSON.stringify(payload),
        })
        return (await res.json()) as { id: string }
      }
      const worker = await post('/v1/workers', { name: 'Fuzzed' })
      const hook = await post('/v1/webhooks', {
        name: 'fuzz',
        url: recorder.url,
        events: ['clock.in'],
      })
      real.push(worker.id, hook.id)
    })
    afterAll(async () => {
      await server?.cleanup()
      await recorder?.close()
    })

    it('never answers a 5xx, and every error has the error shape', async () => {
      const id = fc.oneof(nasty.map(encode), fc.constantFrom(...real), fc.constant('%00'))
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...operations),
          id,
          query,
          body,
          async (operation, idValue, search, payload) => {
            const path = operation.path.replace('{id}', idValue)
            const res = await fetch(`${server.url}${path}${search}`, {
              method: operation.method,
              headers: {
                authorization: `Bearer ${ADMIN}`,
                ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
              },
              body: operation.method === 'GET' ? undefined : payload,
            })
            const text = await res.text()
            expect(res.status, `${operation.method} ${path}${search} ${payload}`).toBeLessThan(500)
            if (res.status >= 400) {
              const parsed = JSON.parse(text) as { error: { code: string; message: string } }
              expect(typeof parsed.error.code).toBe('string')
              expect(typeof parsed.error.message).toBe('string')
            }
          },
        ),
        { numRuns: 400, seed: Number(process.env.FUZZ_SEED ?? 20261124) },
      )
    }, 120_000)
  })
