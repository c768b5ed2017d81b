import fc from 'fast-check'

/** The part of JSON Schema (OpenAPI 3.1) the request schemas of openapi.json use. */
export interface Schema {
  type?: string | string[]
  properties?: Record<string, Schema>
  required?: string[]
  additionalProperties?: boolean | Schema
  items?: Schema
  enum?: unknown[]
  anyOf?: Schema[]
  format?: string
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  minItems?: number
  maxItems?: number
}

/**
 * An id to be picked when the request is made, from the ids that exist then: tenant A's
 * (collected from the answers so far) or tenant B's; `prefix` picks one kind (`null`: any),
 * `mangle` spoils it (another prefix, case, a character more or less).
 */
export class IdRef {
  constructor(
    readonly owner: 'a' | 'b',
    readonly prefix: string | null,
    readonly n: number,
    readonly mangle: Mangle | null,
  ) {}
  [fc.toStringMethod]() {
    return `<${this.owner}:${this.prefix ?? '*'}#${this.n}${this.mangle ? `:${this.mangle}` : ''}>`
  }
}
export type Mangle = 'swap-prefix' | 'lower' | 'append' | 'truncate' | 'space' | 'suffix-slash'

/** JSON text written as is (numbers JSON.stringify cannot write: `1e999`, `-0`, 30 digits). */
export class RawJson {
  constructor(readonly text: string) {}
  [fc.toStringMethod]() {
    return `raw(${this.text})`
  }
}

export const PREFIXES = [
  'wkr_',
  'te_',
  'shf_',
  'doc_',
  'wh_',
  'msg_',
  'dlv_',
  'key_',
  'aud_',
  'pts_',
  'ten_',
] as const
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

const HUGE = 'x'.repeat(100_000)

/** Strings a careless or hostile client sends. */
export const EDGE_STRINGS: string[] = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '\udbff\udfff',
  '👩‍👩‍👧‍👦',
  '🇺🇳🏳️‍🌈',
  '\u202eevil\u202c.exe',
  'مرحبا بالعالم',
  'שלום עולם',
  'e\u0301\u0301\u0301\u0301\u0301',
  'Z\u0364\u0354\u0367\u0311\u0313a\u0308\u0356\u032d',
  '\u200b\u200c\u200d',
  '\ufeffBOM',
  '\u2028\u2029',
  '\uffff\ufffe',
  '\ufffd',
  '𝕏𝔂𝖟',
  'ＡＢＣ１２３',
  'İıßẞ',
  '\r\nX-Injected: 1',
  '\u0007\u001b[31m',
  '%00',
  '%ZZ',
  '%2e%2e%2f',
  "' or 1=1 --",
  '"; drop table workers; --',
  '../../etc/passwd',
  '$' + '{7*7}{{7*7}}',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  'true',
  '-1',
  '1e999',
  '9'.repeat(40),
  HUGE,
  '😀'.repeat(50_000),
  'é'.repeat(60_000),
  'a'.repeat(201),
  'a'.repeat(4097),
]
export const nasty = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30, unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20, unit: 'binary' }) },
)

const EDGE_DATES = [
  '2024-02-29',
  '2026-02-29',
  '2026-02-30',
  '2026-04-31',
  '2026-13-01',
  '2026-00-10',
  '0000-01-01',
  '9999-12-31',
  '2026-1-1',
  '20261124',
  '2026-11-24T00:00:00Z',
  '+002026-11-24',
  '２０２６-11-24',
]
const EDGE_DATETIMES = [
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '0000-01-01T00:00:00+23:59',
  '9999-12-31T23:59:59-23:59',
  '2026-12-31T23:59:60Z',
  '2026-11-24T08:00:00',
  '2026-11-24t08:00:00z',
  '2026-11-24T08:00:00.123456789Z',
  '2026-11-24T24:00:00Z',
  '2026-11-24 08:00:00Z',
  '1970-01-01T00:00:00Z',
  '1969-12-31T23:59:59Z',
  '2038-01-19T03:14:08Z',
  '+275760-09-13T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '2026-11-24T08:00:00+25:00',
  '2026-02-29T00:00:00Z',
  '2026-11-24',
]
/** Date-times a server accepts: mostly around now (clock-ins and outs), some anywhere. */
const validDateTime = fc.oneof(
  fc
    .integer({ min: -3 * 86_400, max: 86_400 })
    .map((s) => new Date(Date.now() + s * 1000).toISOString()),
  fc
    .date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom(
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '2026-11-24T08:00:00+14:00',
    '2026-11-24T08:00:00.5-12:00',
  ),
)
const validDate = fc.oneof(
  fc
    .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('0000-01-01', '9999-12-31', '2024-02-29'),
)

/** How a request names a URL: loopback receivers (fast to fail), and strange ones. */
export const urls = (receiver: string) => {
  const port = new URL(receiver).port
  return {
    // https too: a tenant may come to require it (PATCH /v1/settings)
    valid: fc.constantFrom(
      receiver,
      `https://127.0.0.1:${port}/hooks`,
      `https://[::1]:${port}/v6`,
      'https://localhost:1/x',
      `${receiver}?a=1&b=%00`,
      `https://127.0.0.1:${port}/tls`,
      'http://127.0.0.1:1/refused',
      'http://[::1]:1/v6',
      'http://localhost:1/x',
      `http://user:pass@127.0.0.1:${port}/creds`,
      `${receiver}#fragment`,
    ),
    edge: fc.constantFrom(
      'ftp://127.0.0.1/x',
      'javascript:alert(1)',
      'data:text/plain,hi',
      'file:///etc/passwd',
      'http://',
      'http://127.0.0.1:99999/',
      'http://127.0.0.1:0/',
      'http://0.0.0.0:1/',
      '//127.0.0.1/x',
      '127.0.0.1',
      'http://exa mple.com/',
      'http://例え.テスト:1/',
      'http://xn--r8jz45g.xn--zckzah:1/',
      `http://127.0.0.1:1/${'a'.repeat(2100)}`,
      `http://127.0.0.1:1/${'a'.repeat(2020)}`,
      'http://127.0.0.1:1/\u0000',
      'http://127.0.0.1:1/%zz',
      'HTTP://127.0.0.1:1/UPPER',
      'http://[::ffff:127.0.0.1]:1/',
      'http://2130706433:1/',
    ),
  }
}

const numberEdges = (s: Schema): unknown[] => {
  const out: unknown[] = [
    0,
    -1,
    0.5,
    1.5,
    2 ** 31 - 1,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53,
    2 ** 53 + 2,
    1e21,
    1e308,
    -1e308,
    5e-324,
    new RawJson('1e999'),
    new RawJson('-1e999'),
    new RawJson('-0'),
    new RawJson('123456789012345678901234567890'),
    new RawJson('1.0'),
    new RawJson('1E2'),
  ]
  if (s.minimum !== undefined) out.push(s.minimum, s.minimum - 1, s.minimum - 0.5)
  if (s.maximum !== undefined) out.push(s.maximum, s.maximum + 1, s.maximum + 0.5)
  return out
}

const types = (s: Schema): string[] =>
  s.anyOf
    ? s.anyOf.flatMap(types)
    : Array.isArray(s.type)
      ? s.type
      : s.type
        ? [s.type]
        : s.enum
          ? [typeof s.enum[0]]
          : []

/** What a field is, told by its name: ids and URLs come from pools. */
export interface FieldContext {
  /** An id of the kind (`wkr_`, `wh_`, …): tenant A's or B's, maybe spoiled, or a bad one. */
  id(prefix: string | null): fc.Arbitrary<unknown>
  urls: { valid: fc.Arbitrary<string>; edge: fc.Arbitrary<string> }
}

/** The pool of tenant A's workers that are clocked in (a pseudo-prefix). */
export const OPEN = 'open:wkr_'
const ID_FIELDS: Record<string, string> = { worker_id: 'wkr_', webhook_ids: 'wh_' }

/** A value the schema accepts (mostly: ids may name nothing, URLs may be unreachable). */
export function valid(s: Schema, name: string, ctx: FieldContext): fc.Arbitrary<unknown> {
  if (s.anyOf) return fc.oneof(...s.anyOf.map((sub) => valid(sub, name, ctx)))
  if (s.enum) return fc.constantFrom(...s.enum)
  const ts = types(s)
  if (ts.length > 1) return fc.oneof(...ts.map((t) => valid({ ...s, type: t }, name, ctx)))
  switch (ts[0]) {
    case 'null':
      return fc.constant(null)
    case 'boolean':
      return fc.boolean()
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 1000 })
    case 'number':
      return fc.double({
        min: s.minimum ?? -1000,
        max: s.maximum ?? 1000,
        noNaN: true,
        noDefaultInfinity: true,
      })
    case 'array':
      return fc.array(valid(s.items ?? {}, singular(name), ctx), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 4, 4),
      })
    case 'object':
      return objectOf(s, ctx, 'valid')
    default:
      return validString(s, name, ctx)
  }
}

const singular = (name: string) => (name === 'webhook_ids' ? 'webhook_id' : name)

function validString(s: Schema, name: string, ctx: FieldContext): fc.Arbitrary<unknown> {
  const idPrefix = ID_FIELDS[name] ?? (name === 'webhook_id' ? 'wh_' : undefined)
  // a worker that is clocked in now and then, so clock-outs and corrections get far
  if (idPrefix === 'wkr_') return fc.oneof(ctx.id(idPrefix), ctx.id(OPEN))
  if (idPrefix) return ctx.id(idPrefix)
  if (s.format === 'date') return validDate
  if (s.format === 'date-time') return validDateTime
  if (s.format === 'uri') return ctx.urls.valid
  if (s.format === 'email')
    return fc.constantFrom('ada@example.com', 'o.brien+tag@example.co.uk', 'x@y.zz')
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern))
  return fc.oneof(
    fc.string({ minLength: Math.max(1, s.minLength ?? 0), maxLength: 24 }),
    fc.string({ minLength: Math.max(1, s.minLength ?? 0), maxLength: 12, unit: 'grapheme' }),
  )
}

/** Values at and past the schema's edges, and of other types. */
export function edge(s: Schema, name: string, ctx: FieldContext): fc.Arbitrary<unknown> {
  const ts = types(s)
  const pool: fc.Arbitrary<unknown>[] = [wrongType(ts)]
  if (ts.includes('string') || ts.length === 0) {
    pool.push(nasty)
    if (s.maxLength !== undefined)
      pool.push(
        fc.constantFrom(
          'a'.repeat(s.maxLength),
          'a'.repeat(s.maxLength + 1),
          '😀'.repeat(Math.ceil(s.maxLength / 2)),
          `${'a'.repeat(s.maxLength - 1)}😀`,
          ` ${'a'.repeat(s.maxLength)} `,
        ),
      )
    if (s.format === 'date') pool.push(fc.constantFrom(...EDGE_DATES))
    if (s.format === 'date-time') pool.push(fc.constantFrom(...EDGE_DATETIMES))
    if (s.format === 'uri') pool.push(ctx.urls.edge)
    if (s.format === 'email')
      pool.push(
        fc.emailAddress(),
        fc.constantFrom(
          'a@',
          '@b',
          'a@b',
          `${'a'.repeat(320)}@example.com`,
          'a b@c.d',
          'ünïcödé@exämple.com',
          'a+b@[127.0.0.1]',
        ),
      )
    if (s.pattern) pool.push(fc.constantFrom('24:00', '9:00', '12:60', '12:00:00', 'X-', 'x-'))
    const idPrefix = ID_FIELDS[name]
    if (idPrefix) pool.push(ctx.id(idPrefix), ctx.id(null))
  }
  if (ts.includes('integer') || ts.includes('number')) pool.push(fc.constantFrom(...numberEdges(s)))
  if (ts.includes('array'))
    pool.push(
      fc.constantFrom([], [null], [[]], [{}]),
      fc.array(valid(s.items ?? {}, singular(name), ctx), {
        minLength: (s.maxItems ?? 50) + 1,
        maxLength: (s.maxItems ?? 50) + 3,
      }),
      valid(s.items ?? {}, singular(name), ctx).map((v) => Array(60).fill(v)),
      fc.array(edge(s.items ?? {}, singular(name), ctx), { minLength: 1, maxLength: 3 }),
    )
  if (ts.includes('object')) pool.push(objectOf(s, ctx, 'edge'), fc.constant(deep(70)))
  if (s.enum || s.anyOf)
    pool.push(fc.constantFrom('CLOCK.IN', 'clock.in ', 'clock.**', '3', 3, 0, 1.0000001, '1'))
  return fc.oneof(...pool)
}

const deep = (n: number): unknown => (n === 0 ? 1 : { a: deep(n - 1) })

/** A JSON value of a type the field does not take. */
function wrongType(ts: string[]): fc.Arbitrary<unknown> {
  const all: Array<[string, fc.Arbitrary<unknown>]> = [
    ['string', fc.constantFrom('1', 'true', 'null', '')],
    ['integer', fc.constantFrom(1, 0, -7)],
    ['number', fc.constantFrom(3.25, -0.5)],
    ['boolean', fc.boolean()],
    ['null', fc.constant(null)],
    ['array', fc.constantFrom([], ['x'], [1, 2])],
    ['object', fc.constantFrom({}, { a: 1 }, { name: 'x' })],
  ]
  const other = all.filter(([t]) => !ts.includes(t) && !(t === 'integer' && ts.includes('number')))
  return fc.oneof(...(other.length > 0 ? other : all).map(([, a]) => a))
}

/** Field names a mass-assignment or a typo would use. */
const EXTRA_KEYS = [
  'id',
  'tenant_id',
  'created_at',
  'secret',
  'key',
  'hash',
  'scopes',
  'admin',
  'deleted_at',
  'status',
  '__proto__',
  'constructor',
  '',
  'Name',
  'name ',
  '\u0000',
  '\ud800',
  'worker_id',
]

/**
 * An object for the schema. `valid`: every required field, optional ones or not, each
 * value accepted by the schema. Otherwise, each field is valid, at or past an edge, of
 * another type or missing (required ones too), and unknown fields may be added.
 */
export function objectOf(
  s: Schema,
  ctx: FieldContext,
  mode: 'valid' | 'edge',
): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(s.properties ?? {})
  const required = new Set(s.required ?? [])
  const fields = props.map(([name, sub]) => {
    const value = valid(sub, name, ctx)
    const present =
      mode === 'valid'
        ? value
        : fc.oneof({ weight: 3, arbitrary: value }, { weight: 2, arbitrary: edge(sub, name, ctx) })
    const skip = mode === 'valid' ? (required.has(name) ? 0 : 1) : required.has(name) ? 1 : 3
    return fc
      .oneof(
        { weight: 4, arbitrary: present.map((v) => [v]) },
        {
          weight: skip,
          arbitrary: fc.constant([] as unknown[]),
        },
      )
      .map((v) => v.map((x) => [name, x] as [string, unknown]))
  })
  const extras =
    mode === 'valid'
      ? fc.constant([] as Array<[string, unknown]>)
      : fc.oneof(
          { weight: 4, arbitrary: fc.constant([] as Array<[string, unknown]>) },
          {
            weight: 1,
            arbitrary: fc.array(
              fc.tuple(
                fc.oneof(fc.constantFrom(...EXTRA_KEYS), nasty),
                nasty as fc.Arbitrary<unknown>,
              ),
              { minLength: 1, maxLength: 2 },
            ),
          },
        )
  const additional =
    typeof s.additionalProperties === 'object'
      ? fc.array(
          fc.tuple(
            fc.oneof(
              fc.stringMatching(/^X-[A-Za-z0-9-]{1,20}$/),
              fc.constantFrom(
                'Authorization',
                'Content-Length',
                'Host',
                'webhook-signature',
                'Bad Header',
                'x-ünï',
                'X-Line\r\nBreak',
                '',
                'a'.repeat(101),
              ),
            ),
            mode === 'valid'
              ? valid(s.additionalProperties, 'header', ctx)
              : fc.oneof(
                  valid(s.additionalProperties, 'header', ctx),
                  nasty,
                  wrongType(['string']),
                ),
          ),
          { maxLength: 3 },
        )
      : fc.constant([] as Array<[string, unknown]>)
  return fc
    .tuple(fc.tuple(...fields), extras, additional)
    .map(([fs, ex, add]) => Object.fromEntries([...fs.flat(), ...ex, ...add]))
}

/** Ids of every prefix and shape that name nothing. */
export const badId: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...PREFIXES, 'WKR_', 'wkr', 'wkr__', 'whsec_', 'ck_', 'ckp_', ''),
      fc.oneof(
        fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/),
        fc.constantFrom(
          '',
          CROCKFORD.slice(0, 25),
          `${CROCKFORD.slice(0, 26)}0`,
          '01arz3ndektsv4rrffq69g5fav',
          'x'.repeat(100),
          '\u0000',
          '%00',
          '😀',
          ' ',
          '../x',
          "' or '1'='1",
          '%',
          '*',
          '?',
          '#',
        ),
      ),
    )
    .map(([p, s]) => p + s),
  fc.constantFrom('.', '..', '%2e%2e', '%2F', 'a/b', '0', '-1', 'null', 'undefined', '%ZZ'),
  nasty,
)
