import { appendFileSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databases } from './databases'
import {
  badId,
  edge,
  type FieldContext,
  IdRef,
  type Mangle,
  nasty,
  OPEN,
  objectOf,
  PREFIXES,
  RawJson,
  type Schema,
  urls,
} from './fuzz/generators'
import { type Snapshot, type Snapshotter, snapshotter } from './fuzz/snapshot'
import { apiClient, startRecorder, startTestServer, type TestServer } from './support'

/**
 * Requests generated from openapi.json against a real server on SQLite and Postgres, with
 * tenant A's admin key: every operation, path ids of every shape (A's real ones, tenant
 * B's real ones, spoiled and bad ones), queries and bodies from the operation's schemas
 * (right fields with edge values and wrong types, missing and unknown fields, huge and
 * unicode strings, NUL, lone surrogates, numbers out of range, malformed JSON). Every
 * answer is checked: never a 5xx, the error shape, nothing of B's changed or shown, and no
 * partial writes — the row count of every table before and after each request.
 *
 * FUZZ_RUNS (default 1 000: what CI runs; `pnpm test:fuzz` runs 10 000) and FUZZ_SEED.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1_000)
const SEED = Number(process.env.FUZZ_SEED ?? 20261124)
const ADMIN = 'ck_fuzz_admin_key_that_is_long_enough_0123456789'
const OPERATOR = 'fuzz_operator_key_that_is_long_enough_0123456789'

interface Operation {
  method: string
  path: string
  body: Schema | undefined
  query: Array<{ name: string; schema: Schema }>
}
const openapi = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content?: { 'application/json'?: { schema?: Schema } } }
        parameters?: Array<{ in: string; name: string; schema: Schema }>
      }
    >
  >
}
const operations: Operation[] = Object.entries(openapi.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({
    path,
    method: method.toUpperCase(),
    body: op.requestBody?.content?.['application/json']?.schema,
    query: (op.parameters ?? [])
      .filter((p) => p.in === 'query')
      .map((p) => ({ name: p.name, schema: p.schema })),
  })),
)
const templates = operations.map((o) => ({
  key: `${o.method} ${o.path}`,
  method: o.method,
  match: new RegExp(`^${o.path.replace('{id}', '[^/]+')}$`),
}))

/** The kind of id a path takes. */
const PATH_PREFIX: Record<string, string> = {
  '/v1/workers/': 'wkr_',
  '/v1/time-entries/': 'te_',
  '/v1/webhooks/': 'wh_',
  '/v1/deliveries/': 'dlv_',
  '/v1/api-keys/': 'key_',
}
const prefixOf = (path: string) =>
  Object.entries(PATH_PREFIX).find(([p]) => path.startsWith(p))?.[1] ?? null

/**
 * What a successful request may change, as row-count deltas: a number is exact, a pair a
 * range, `*` anything; a table not named must not change. An event is one message and a
 * delivery per subscribed webhook.
 */
type Delta = number | readonly [number, number] | '*'
const M = 'clockhook_messages'
const D = 'clockhook_deliveries'
const ATT = 'clockhook_attempts'
const E = 'clockhook_endpoints'
const event = { [M]: 1, [D]: '*' } as const
const maybeEvent = { [M]: [0, 1], [D]: '*' } as const
const WRITES: Record<string, Record<string, Delta>> = {
  'POST /v1/workers': { workers: 1, ...event },
  'PATCH /v1/workers/{id}': { ...maybeEvent },
  'DELETE /v1/workers/{id}': { ...event },
  'POST /v1/workers/{id}/documents': { documents: 1 },
  'POST /v1/time-entries/clock-in': { time_entries: 1, ...event },
  'POST /v1/time-entries/clock-out': { ...event },
  'PATCH /v1/time-entries/{id}': { ...maybeEvent },
  'DELETE /v1/time-entries/{id}': { time_entries: -1, ...event },
  'POST /v1/shifts': { shifts: 1, ...event },
  'POST /v1/webhooks': { [E]: 1, audit_log: 1 },
  'PATCH /v1/webhooks/{id}': { audit_log: 1 },
  'DELETE /v1/webhooks/{id}': { [E]: -1, audit_log: 1, [D]: '*', [ATT]: '*' },
  'GET /v1/webhooks/{id}/secret': { audit_log: 1 },
  'POST /v1/webhooks/{id}/rotate-secret': { audit_log: 1 },
  'POST /v1/webhooks/{id}/test': { [M]: 1, [D]: 1, [ATT]: 1 },
  'POST /v1/webhooks/{id}/recover': { [D]: '*' },
  'POST /v1/deliveries/{id}/resend': {},
  'POST /v1/api-keys': { api_keys: 1, audit_log: 1 },
  'PATCH /v1/api-keys/{id}': { audit_log: 1 },
  'DELETE /v1/api-keys/{id}': { audit_log: 1 },
  'POST /v1/api-keys/{id}/regenerate': { audit_log: 1 },
  'PATCH /v1/settings': { audit_log: [0, 1] },
  'POST /v1/portal-sessions': { portal_sessions: 1, audit_log: 1 },
}
const allows = (d: Delta | undefined, change: number) =>
  d === undefined
    ? change === 0
    : d === '*'
      ? true
      : typeof d === 'number'
        ? change === d
        : change >= d[0] && change <= d[1]

const ID = /\b(?:wkr|te|shf|doc|wh|msg|dlv|key|aud|pts|ten)_[0-9A-HJKMNP-TV-Z]{26}\b/g

/** Percent-encodes every byte (a lone surrogate becomes U+FFFD, as on the wire); keeps a literal `%`. */
const encode = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) => (b === 0x25 ? '%' : `%${b.toString(16).padStart(2, '0')}`))
    .join('')

type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; bytes: number[] }

const MALFORMED = [
  '{',
  '{"name":',
  '[1,2',
  'nul',
  '{"a":1}{"b":2}',
  '\ufeff{"name":"x"}',
  '{"name":"x",}',
  "{'name':'x'}",
  '   ',
  '"just a string"',
  'NaN',
  '{"name":"\\ud800"}',
  '{"name":"a\\u0000b"}',
  '{"__proto__":{"admin":true},"name":"x"}',
  '{"name":"x","name":"y"}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `{"name":"${'x'.repeat(300_000)}"}`,
]
const CONTENT_TYPES = [
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  'application/merge-patch+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
]

for (const database of databases)
  describe.skipIf(!database.available)(`fuzzed requests on ${database.name}`, () => {
    let server: TestServer
    let recorder: Awaited<ReturnType<typeof startRecorder>>
    let snap: Snapshotter
    /** Tenant A's ids by prefix, from every answer so far (not its admin key: no lock-out). */
    const aIds = new Map<string, string[]>()
    /** Tenant B's ids by prefix, made before the run. */
    const bIds = new Map<string, string[]>()
    /** What tenant B holds that must never appear in an answer to A: ids, keys, secrets. */
    const bSecrets: string[] = []
    let aAdminKeyId = ''
    const api = apiClient(() => server.url, ADMIN)

    /** A's ids answered 404: deleted or revoked, never collected again (events still name them). */
    const gone = new Set<string>()
    const remember = (map: Map<string, string[]>, id: string, prefix = `${id.split('_')[0]}_`) => {
      if (gone.has(id)) return
      const list = map.get(prefix) ?? []
      if (list.includes(id)) return
      list.push(id)
      if (list.length > 300) list.shift()
      map.set(prefix, list)
    }

    const forget = (map: Map<string, string[]>, id: string, prefix = `${id.split('_')[0]}_`) => {
      const list = map.get(prefix)
      if (list?.includes(id)) list.splice(list.indexOf(id), 1)
    }

    beforeAll(async () => {
      recorder = await startRecorder()
      server = await startTestServer({
        database,
        env: {
          CLOCKHOOK_BOOTSTRAP_ADMIN_KEY: ADMIN,
          CLOCKHOOK_OPERATOR_KEY: OPERATOR,
          CLOCKHOOK_ALLOW_PRIVATE_URLS: '1',
          CLOCKHOOK_RATE_LIMIT: '100000',
          // no delivery worker in the process: nothing writes but the requests (the
          // document sweep, deliveries and heartbeats would change row counts on their own)
          CLOCKHOOK_ROLE: 'api',
        },
      })
      const tenant = await api('POST', '/v1/tenants', { name: 'Tenant B' }, OPERATOR)
      expect(tenant.status).toBe(201)
      const bKey: string = tenant.body.admin_key
      bSecrets.push(bKey)
      remember(bIds, tenant.body.id)
      // the same world in both tenants: workers (one clocked in, one clocked out), a shift,
      // a document, a webhook with a test delivery, an API key, a portal link
      for (const [key, ids] of [
        [ADMIN, aIds],
        [bKey, bIds],
      ] as const) {
        const call = async (method: string, path: string, body?: unknown) => {
          const r = await api(method, path, body, key)
          expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300)
          for (const id of JSON.stringify(r.body ?? '').match(ID) ?? []) remember(ids, id)
          return r.body
        }
        const w1 = await call('POST', '/v1/workers', { name: 'Ada', email: 'ada@example.com' })
        const w2 = await call('POST', '/v1/workers', { name: 'Bo' })
        await call('POST', '/v1/time-entries/clock-in', { worker_id: w1.id })
        await call('POST', '/v1/time-entries/clock-in', {
          worker_id: w2.id,
          timestamp: new Date(Date.now() - 3_600_000).toISOString(),
        })
        await call('POST', '/v1/time-entries/clock-out', { worker_id: w2.id })
        await call('POST', '/v1/shifts', {
          worker_id: w1.id,
          shift_date: '2026-11-24',
          start_time: '08:00',
          end_time: '16:00',
        })
        await call('POST', `/v1/workers/${w1.id}/documents`, {
          kind: 'permit',
          expires_on: '2030-01-01',
        })
        const hook = await call('POST', '/v1/webhooks', {
          name: 'hook',
          url: recorder.url,
          headers: { 'X-Receiver-Token': 'receiver-credential' },
        })
        if (key !== ADMIN) bSecrets.push(hook.secret, 'receiver-credential-b')
        await call('POST', `/v1/webhooks/${hook.id}/test`)
        await call('POST', '/v1/api-keys', { name: 'reader', scopes: ['workers:read'] })
        await call('POST', '/v1/portal-sessions', {})
        await call('GET', '/v1/audit-log')
        await call('GET', '/v1/api-keys')
      }
      // B's receiver credential is its own: A's stays `receiver-credential`
      await api(
        'PATCH',
        `/v1/webhooks/${bIds.get('wh_')![0]}`,
        { headers: { 'X-Receiver-Token': 'receiver-credential-b' } },
        bKey,
      )
      // A's own admin key is never a target: revoking it would end the run
      const keys = await api('GET', '/v1/api-keys')
      aAdminKeyId = keys.body.data.find((k: { scopes: string[] }) => k.scopes.includes('admin')).id
      aIds.set(
        'key_',
        (aIds.get('key_') ?? []).filter((id) => id !== aAdminKeyId),
      )
      bSecrets.push(...[...bIds.values()].flat())
      snap = await snapshotter(server, tenant.body.id)
    })
    afterAll(async () => {
      await snap?.close()
      await server?.cleanup()
      await recorder?.close()
    })

    it(
      `never answers a 5xx, never writes in part, never reaches tenant B (${RUNS} runs)`,
      async () => {
        const idRef = (prefix: string | null): fc.Arbitrary<unknown> =>
          fc.oneof(
            { weight: 8, arbitrary: ref('a', prefix) },
            { weight: 3, arbitrary: ref('b', prefix) },
            { weight: 1, arbitrary: ref('a', null) },
            { weight: 1, arbitrary: ref('b', null) },
            {
              weight: 1,
              arbitrary: fc
                .tuple(
                  fc.constantFrom<'a' | 'b'>('a', 'b'),
                  fc.nat(),
                  fc.constantFrom<Mangle>(
                    'swap-prefix',
                    'lower',
                    'append',
                    'truncate',
                    'space',
                    'suffix-slash',
                  ),
                )
                .map(([o, n, m]) => new IdRef(o, prefix, n, m)),
            },
            { weight: 2, arbitrary: badId },
          )
        const ref = (owner: 'a' | 'b', prefix: string | null) =>
          fc.nat().map((n) => new IdRef(owner, prefix, n, null))
        const ctx: FieldContext = { id: idRef, urls: urls(recorder.url) }

        const bodyFor = (op: Operation): fc.Arbitrary<Body> => {
          const json = (a: fc.Arbitrary<unknown>) =>
            a.map((value): Body => ({ kind: 'json', value }))
          const other = fc.oneof(
            json(fc.oneof(nasty, fc.constantFrom(null, 0, true, [], [{}], 1e308))),
            fc.constantFrom(...MALFORMED).map((text): Body => ({ kind: 'text', text })),
            fc
              .constantFrom(
                [0xff, 0xfe],
                [0xc0, 0x80],
                [0x7b, 0x22, 0xff, 0x22, 0x7d],
                [0xed, 0xa0, 0x80],
              )
              .map((bytes): Body => ({ kind: 'bytes', bytes: [...bytes] })),
          )
          if (!op.body)
            return fc.oneof(
              { weight: 6, arbitrary: fc.constant<Body>({ kind: 'none' }) },
              { weight: 1, arbitrary: json(fc.constant({})) },
              { weight: 1, arbitrary: other },
            )
          return fc.oneof(
            { weight: 6, arbitrary: json(objectOf(op.body, ctx, 'valid')) },
            { weight: 5, arbitrary: json(objectOf(op.body, ctx, 'edge')) },
            { weight: 1, arbitrary: fc.constant<Body>({ kind: 'none' }) },
            { weight: 2, arbitrary: other },
          )
        }
        const queryFor = (op: Operation): fc.Arbitrary<Array<[string, unknown]>> => {
          const known = op.query.map(({ name, schema }) =>
            fc.tuple(
              fc.constant(name),
              name === 'cursor' || name === 'worker_id'
                ? idRef(name === 'worker_id' ? 'wkr_' : null)
                : // a positive wait is a long-poll that holds the run for seconds: only edges
                  name === 'wait'
                  ? fc.constantFrom('0', '-1', '31', '1.5', 'abc', '', '1e999', '0x0', '-0')
                  : fc.oneof(queryValue(schema), edge(schema, name, ctx)),
            ),
          )
          const unknown = fc.tuple(
            fc.oneof(fc.constantFrom('limit', 'id', 'tenant_id'), nasty),
            nasty,
          )
          return fc.array(fc.oneof(...known, unknown), { maxLength: known.length > 0 ? 4 : 1 })
        }
        const queryValue = (schema: Schema) =>
          schema.enum
            ? fc.constantFrom(...schema.enum)
            : schema.type === 'integer' || schema.type === 'number'
              ? fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 100 })
              : schema.format === 'date-time'
                ? fc.date({ noInvalidDate: true }).map((d) => d.toISOString())
                : schema.pattern
                  ? fc.stringMatching(new RegExp(schema.pattern))
                  : fc.string({ maxLength: 12 })

        // writes twice as often as reads: they are where partial writes and leaks would be
        const operation = fc.oneof(
          ...operations.map((op) => ({
            weight: op.method === 'GET' ? 1 : 2,
            arbitrary: fc.constant(op),
          })),
        )
        const request = operation.chain((op) =>
          fc.record({
            op: fc.constant(op),
            id: op.path.includes('{id}') ? idRef(prefixOf(op.path)) : fc.constant(null),
            query: queryFor(op),
            body: bodyFor(op),
            contentType: fc.oneof(
              { weight: 12, arbitrary: fc.constant('application/json') },
              { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
              { weight: 1, arbitrary: fc.constant(null) },
            ),
            idempotencyKey: fc.oneof(
              { weight: 12, arbitrary: fc.constant(null) },
              { weight: 3, arbitrary: fc.constantFrom('fuzz-1', 'fuzz-2', 'fuzz-3') },
              { weight: 1, arbitrary: fc.constantFrom('', ' ', 'x'.repeat(256), 'ü', 'a b') },
            ),
            requestId: fc.option(fc.constantFrom('r'.repeat(200), 'req-1', 'ü', ''), {
              freq: 4,
            }),
          }),
        )

        /** Resolves id references against the ids there are now; notes B's ids it used. */
        const resolver = () => {
          /** B's ids, by where they were used: `(path)`, `worker_id`, `webhook_ids`, … */
          const usedB: Array<{ id: string; at: string }> = []
          let usedA: string | undefined
          const pick = (r: IdRef, at: string) => {
            const pools = r.owner === 'a' ? aIds : bIds
            const list =
              (r.prefix === OPEN && !pools.get(OPEN)?.length ? pools.get('wkr_') : undefined) ??
              (r.prefix ? pools.get(r.prefix) : undefined) ??
              [...pools.values()].flat()
            // newest first: older ids are more often deleted by now
            const id =
              list.length > 0
                ? list[list.length - 1 - (r.n % list.length)]!
                : `${r.prefix ?? 'wkr_'}none`
            if (!r.mangle) {
              if (r.owner === 'b') usedB.push({ id, at })
              else if (at === '(path)' && r.prefix !== null) usedA = id
              return id
            }
            const [prefix = '', rest = ''] = id.split(/_(.*)/s)
            switch (r.mangle) {
              case 'swap-prefix':
                return `${PREFIXES[(r.n + 1) % PREFIXES.length]}${rest}`
              case 'lower':
                return `${prefix}_${rest.toLowerCase()}`
              case 'append':
                return `${id}0`
              case 'truncate':
                return id.slice(0, -1)
              case 'space':
                return ` ${id}`
              case 'suffix-slash':
                return `${id}/`
            }
          }
          const resolve = (v: unknown, at = ''): unknown =>
            v instanceof IdRef
              ? pick(v, at)
              : Array.isArray(v)
                ? v.map((x) => resolve(x, at))
                : v !== null && typeof v === 'object' && !(v instanceof RawJson)
                  ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x, k)]))
                  : v
          return { resolve, usedB, usedA: () => usedA }
        }
        const stringify = (value: unknown) => {
          const raws: string[] = []
          const text = JSON.stringify(value, (_k, v) => {
            if (v instanceof RawJson) {
              raws.push(v.text)
              return `@@raw${raws.length - 1}@@`
            }
            return v
          })
          return text === undefined
            ? ''
            : text.replace(/"@@raw(\d+)@@"/g, (_m, i: string) => raws[Number(i)]!)
        }
        const asQueryText = (v: unknown) =>
          typeof v === 'string' ? v : v instanceof RawJson ? v.text : stringify(v)

        let slowest = { ms: 0, what: '' }
        const started = performance.now()
        const statuses = new Map<number, number>()
        const details = await fc.check(
          fc.asyncProperty(request, async (r) => {
            const { resolve, usedB, usedA } = resolver()
            const id = r.id === null ? null : String(resolve(r.id, '(path)'))
            const path = id === null ? r.op.path : r.op.path.replace('{id}', encode(id))
            const query = r.query.map(
              ([k, v]) => [k, asQueryText(resolve(v, `query:${k}`))] as const,
            )
            const search = query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')
            const url = `${server.url}${path}${search ? `?${search}` : ''}`
            const body =
              r.op.method === 'GET' || r.body.kind === 'none'
                ? undefined
                : r.body.kind === 'json'
                  ? stringify(resolve(r.body.value))
                  : r.body.kind === 'text'
                    ? r.body.text
                    : Buffer.from(r.body.bytes)
            const headers: Record<string, string> = { authorization: `Bearer ${ADMIN}` }
            if (body !== undefined && r.contentType) headers['content-type'] = r.contentType
            if (r.idempotencyKey !== null) headers['idempotency-key'] = r.idempotencyKey
            if (r.requestId !== null) headers['x-request-id'] = r.requestId
            const shown = () =>
              `${r.op.method} ${cut(url.replace(server.url, ''), 600)}\n  headers ${cut(JSON.stringify(headers), 600)}\n  body ${typeof body === 'string' ? cut(body, 1500) : body}`

            const before = await snap.take()
            const t0 = performance.now()
            const res = await fetch(url, { method: r.op.method, headers, body })
            const text = await res.text()
            const ms = performance.now() - t0
            if (ms > slowest.ms)
              slowest = { ms, what: `${r.op.method} ${r.op.path} → ${res.status}` }
            const after = await snap.take()
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
            // FUZZ_LOG=<file>: one line per request, to see what the fuzzer reaches
            if (process.env.FUZZ_LOG)
              appendFileSync(
                process.env.FUZZ_LOG,
                `${database.name} ${res.status} ${r.op.method} ${r.op.path} ${cut(text, 200).replaceAll('\n', ' ')}\n`,
              )
            const fail = (why: string) =>
              new Error(`${why}\n  ${shown()}\n  → ${res.status} ${cut(text, 1000)}`)

            if (res.status >= 500) throw fail('a 5xx')
            // Node's HTTP parser refuses a request line and headers over 16 KiB before the app
            if (res.status === 431 && url.length + JSON.stringify(headers).length > 16_384) return
            if (res.status >= 400) {
              let parsed: { error?: { code?: unknown; message?: unknown } } | undefined
              try {
                parsed = JSON.parse(text)
              } catch {
                throw fail('an error answer that is not JSON')
              }
              if (
                typeof parsed?.error?.code !== 'string' ||
                typeof parsed.error.message !== 'string'
              )
                throw fail('an error answer without the error shape')
            }
            // tenant B: its ids in the path (or as the worker/webhooks a body names) are 4xx,
            // nothing of B's changes, and nothing of B's is shown that the request did not name
            const named = usedB.filter((u) => ['(path)', 'worker_id', 'webhook_ids'].includes(u.at))
            if (named.length > 0 && res.status < 400)
              throw fail(`tenant B's ${named[0]!.id} (${named[0]!.at}) answered ${res.status}`)
            for (const [table, rows] of Object.entries(after.other))
              if (rows !== before.other[table]) throw fail(`tenant B's ${table} changed`)
            const asked = `${id}\n${query.map(([k, v]) => `${k}=${v}`).join('\n')}\n${typeof body === 'string' ? body : ''}`
            for (const secret of bSecrets)
              if (text.includes(secret) && !asked.includes(secret))
                throw fail(`the answer shows tenant B's ${secret.slice(0, 4)}…`)

            // no partial writes
            const pathname = new URL(url).pathname
            const template = templates.find(
              (t) => t.method === r.op.method && t.match.test(pathname),
            )
            const allowed: Record<string, Delta> =
              res.status < 300 && res.headers.get('idempotent-replayed') !== 'true'
                ? { ...(template ? WRITES[template.key] : {}) }
                : {}
            // a POST with an Idempotency-Key keeps the answer of a request that ran (4xx too)
            const keyed =
              r.op.method === 'POST' &&
              r.idempotencyKey !== null &&
              /^[\x21-\x7e]{1,255}$/.test(r.idempotencyKey) &&
              res.headers.get('idempotent-replayed') !== 'true'
            if (keyed) allowed.idempotency_requests = [0, 1]
            const changed = diff(before, after).filter(([t, d]) => !allows(allowed[t], d))
            if (changed.length > 0)
              throw fail(
                `rows changed that a ${res.status} to ${template?.key ?? 'no route'} may not change: ${changed.map(([t, d]) => `${t} ${d > 0 ? '+' : ''}${d}`).join(', ')}`,
              )

            // an id of A's that is gone (deleted, revoked) is not tried again
            const goneId = usedA()
            if (res.status === 404 && goneId) {
              forget(aIds, goneId)
              gone.add(goneId)
            }
            // who is clocked in: clock-outs and corrections then find an open entry
            if (res.status < 300 && r.op.path.startsWith('/v1/time-entries/clock-')) {
              const workerId = (JSON.parse(text) as { worker_id: string }).worker_id
              if (r.op.path.endsWith('in')) remember(aIds, workerId, OPEN)
              else forget(aIds, workerId, OPEN)
            }
            if (res.status < 300)
              for (const found of text.match(ID) ?? [])
                if (found !== aAdminKeyId && !bSecrets.includes(found)) remember(aIds, found)
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        )
        // fast-check's own report would print the (huge) generated values: say what failed
        if (details.failed)
          throw new Error(
            `after ${details.numRuns} requests: ${(details.errorInstance as Error | null)?.message ?? 'failed'}\n  (FUZZ_SEED=${details.seed} FUZZ_RUNS=${RUNS} runs it again)`,
          )
        const seconds = (performance.now() - started) / 1000
        console.log(
          `fuzz ${database.name}: ${RUNS} requests in ${seconds.toFixed(1)} s (${((seconds * 1000) / RUNS).toFixed(1)} ms each; slowest ${slowest.ms.toFixed(0)} ms ${slowest.what}); statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
        )
      },
      Math.max(120_000, RUNS * 200),
    )
  })

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s)

function diff(before: Snapshot, after: Snapshot): Array<[string, number]> {
  return Object.keys(after.counts)
    .map((t): [string, number] => [t, after.counts[t]! - (before.counts[t] ?? 0)])
    .filter(([, d]) => d !== 0)
}
