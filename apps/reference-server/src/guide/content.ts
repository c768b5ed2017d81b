import { DEFAULT_RETRY_SCHEDULE_MS } from '@clockhook/dispatcher'
import { eventCatalog } from '../events'
import { LATEST_STABLE_VERSION } from '../tenant-versions'
import { GO_RECEIVER, NODE_RECEIVER, PHP_RECEIVER, PYTHON_RECEIVER } from './snippets'

/** A piece of the guide; text may hold `inline code` between backticks. */
export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'h3'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'code'; title: string; code: string }
  | { kind: 'table'; head: string[]; rows: string[][] }

export interface Section {
  id: string
  title: string
  blocks: Block[]
}

export interface Guide {
  title: string
  subtitle: string
  sections: Section[]
}

/** The request timeout of a delivery unless a webhook sets a shorter one. */
const TIMEOUT_SECONDS = 30

function duration(ms: number): string {
  if (ms === 0) return 'at once'
  if (ms < 60_000) return `${ms / 1000} s`
  if (ms < 3_600_000) return `${ms / 60_000} min`
  return `${ms / 3_600_000} h`
}

interface JsonSchema {
  type?: string | string[]
  anyOf?: JsonSchema[]
  items?: JsonSchema
  enum?: unknown[]
  properties?: Record<string, JsonSchema>
  required?: string[]
}

function typeOf(s: JsonSchema): string {
  if (s.anyOf) return s.anyOf.map(typeOf).join(' or ')
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ')
  if (s.type === 'array') return `array of ${s.items ? typeOf(s.items) : 'values'}`
  if (s.type === 'object' && s.properties)
    return `object { ${Object.keys(s.properties).join(', ')} }`
  if (s.type === 'integer') return 'integer'
  return Array.isArray(s.type) ? s.type.join(' or ') : (s.type ?? 'any')
}

function fieldRows(schema: JsonSchema): string[][] {
  const required = new Set(schema.required ?? [])
  return Object.entries(schema.properties ?? {}).map(([name, s]) => [
    name,
    typeOf(s),
    required.has(name) ? 'always' : 'optional',
  ])
}

/**
 * The integration guide, built from the event catalog (every type, every field, every
 * payload version) and the dispatcher's retry schedule: the HTML page and the PDF are
 * two renderings of this one document.
 */
export function integrationGuide(): Guide {
  const catalog = eventCatalog()
  const schedule = DEFAULT_RETRY_SCHEDULE_MS
  const total = schedule.reduce((a, b) => a + b, 0)
  return {
    title: 'Clockhook integration guide',
    subtitle:
      'Receiving time-tracking events: signatures, payloads, retries and the pull API. Generated from the event catalog of this server.',
    sections: [
      {
        id: 'overview',
        title: '1. How Clockhook sends events',
        blocks: [
          {
            kind: 'p',
            text: 'When something happens (a worker clocks in, an attendance correction, a new shift), Clockhook sends an HTTPS `POST` with a JSON body to every webhook subscribed to that event type. Each delivery follows the Standard Webhooks specification: the body is an envelope, and three headers identify and sign it.',
          },
          {
            kind: 'code',
            title: 'A delivery (example values)',
            code: `POST /webhooks HTTP/1.1
content-type: application/json
webhook-id: msg_2x9c81f0a3b4c5d6e7
webhook-timestamp: 1764000000
webhook-signature: v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=

{"type":"clock.in","timestamp":"2026-11-24T08:00:00.000Z","data":{"entry_id":"te_...","worker_id":"wkr_...","worker_name":"Ada","clock_in":"2026-11-24T08:00:00.000Z","location_id":null}}`,
          },
          {
            kind: 'table',
            head: ['Header', 'Meaning'],
            rows: [
              [
                '`webhook-id`',
                'The message id: the same on every retry and resend. Use it to skip duplicates.',
              ],
              [
                '`webhook-timestamp`',
                'Unix seconds when this attempt was signed. Refuse old ones (replay protection).',
              ],
              [
                '`webhook-signature`',
                'One or more `v1,<base64 HMAC-SHA256>` separated by spaces (several during a secret rotation).',
              ],
            ],
          },
        ],
      },
      {
        id: 'verify',
        title: '2. Verifying signatures',
        blocks: [
          {
            kind: 'p',
            text: 'Every webhook has a signing secret `whsec_<base64>`: shown once when the webhook is created, revealed later by an admin in the console. The signature is the HMAC-SHA256, keyed with the base64-decoded part after `whsec_`, of `<webhook-id>.<webhook-timestamp>.<raw body>`, encoded in base64. To accept a delivery:',
          },
          {
            kind: 'list',
            items: [
              'Use the raw body, byte for byte, as it arrived. Parsing the JSON and serialising it again changes the bytes and the signature no longer matches.',
              'Compare signatures in constant time (`timingSafeEqual`, `hmac.compare_digest`, `hash_equals`, `hmac.Equal`), never with `==`.',
              'Refuse a `webhook-timestamp` more than 5 minutes from your clock: a captured request cannot be replayed later. Keep your server clock synchronised (NTP).',
              'Accept the delivery if any of the signatures in the header is valid. During a secret rotation Clockhook signs with the old and the new secret until the grace period ends, so you can switch secrets without missing a delivery.',
              'Answer 400 or 401 when verification fails. Clockhook retries, and the failures show in the console.',
            ],
          },
          { kind: 'h3', text: 'Node.js' },
          {
            kind: 'code',
            title: 'receiver.mjs (Node.js 18+, no dependencies)',
            code: NODE_RECEIVER,
          },
          { kind: 'h3', text: 'Python' },
          {
            kind: 'code',
            title: 'receiver.py (Python 3.9+, standard library)',
            code: PYTHON_RECEIVER,
          },
          { kind: 'h3', text: 'PHP' },
          { kind: 'code', title: 'webhooks.php (PHP 8)', code: PHP_RECEIVER },
          { kind: 'h3', text: 'Go' },
          { kind: 'code', title: 'receiver.go (Go 1.21+, standard library)', code: GO_RECEIVER },
          {
            kind: 'p',
            text: 'Libraries for the Standard Webhooks scheme exist for most languages (`standardwebhooks` on npm and PyPI, for example), and Clockhook ships `@clockhook/receiver-middleware` for Express, Fastify, Hono and fetch handlers.',
          },
        ],
      },
      {
        id: 'legacy',
        title: '3. Receivers written for a raw-body HMAC',
        blocks: [
          {
            kind: 'p',
            text: "Some payroll integrations were written for a signature over the body alone, such as GitHub's `X-Hub-Signature-256: sha256=<hex>`. That scheme signs neither a time nor an id, so a request captured once (from a log, a proxy or a misdirected retry) verifies forever and can be replayed at will. The Standard Webhooks headers sign the id and the time with the body: a replayed request is refused once it is older than your tolerance, and a duplicate is recognised by its `webhook-id`.",
          },
          {
            kind: 'p',
            text: 'Port such a receiver by computing the HMAC over `<webhook-id>.<webhook-timestamp>.<raw body>` instead of the body, decoding the secret from base64 and comparing base64 instead of hex: the snippets above are complete examples.',
          },
          {
            kind: 'p',
            text: "Until it is ported, set the webhook's `legacy_signature_header` (in the console: Legacy signature header, e.g. `X-Clockhook-Signature`). Every delivery then also carries `sha256=<hex HMAC-SHA256 of the raw body>` in that header, keyed with the `whsec_…` secret exactly as written (the whole string, as bytes). Compare it in constant time; the Standard Webhooks headers are sent alongside, so you can move over whenever you are ready.",
          },
        ],
      },
      {
        id: 'payload',
        title: '4. Payload format and versions',
        blocks: [
          {
            kind: 'p',
            text: 'The body is `{ "type", "timestamp", "data" }`: `type` is the event type, `timestamp` when it happened (ISO-8601, UTC), `data` the event itself. Field names are `snake_case`; ids carry a type prefix (`wkr_`, `te_`, `shf_`, `doc_`). New fields may be added to `data` at any time: ignore the ones you do not know.',
          },
          {
            kind: 'table',
            head: ['Version', 'Difference'],
            rows: [
              ['1', 'A worker is named by two fields: `worker_id` and `worker_name`.'],
              [
                '2',
                'A worker is one object: `worker: { id, name }`. Every other field is the same as in version 1.',
              ],
            ],
          },
          {
            kind: 'p',
            text: `The version of a delivery is the webhook's own version when it has one, else the organisation's default version (Settings), else the latest stable version (now ${LATEST_STABLE_VERSION}). Pin a version on your webhook to be safe from a change of the default.`,
          },
        ],
      },
      {
        id: 'catalog',
        title: '5. Event catalog',
        blocks: catalog.flatMap((t): Block[] => {
          const v1 = t.schemas['1'] as JsonSchema
          const v2 = t.schemas['2'] as JsonSchema
          const differs = JSON.stringify(v1) !== JSON.stringify(v2)
          return [
            { kind: 'h3', text: t.type },
            { kind: 'p', text: t.description },
            {
              kind: 'table',
              head: ['Field (version 1)', 'Type', 'Present'],
              rows: fieldRows(v1),
            },
            ...(differs
              ? [
                  {
                    kind: 'p' as const,
                    text: `Version 2: ${Object.keys(v2.properties ?? {})
                      .map((f) => `\`${f}\``)
                      .join(', ')}; \`worker\` is \`{ id, name }\`.`,
                  },
                ]
              : []),
          ]
        }),
      },
      {
        id: 'retries',
        title: '6. Retries, timeouts and answering fast',
        blocks: [
          {
            kind: 'p',
            text: `A delivery succeeds when your endpoint answers 2xx within ${TIMEOUT_SECONDS} seconds (or the shorter timeout set on the webhook). Anything else is a failure: a timeout, a connection error, a 3xx (redirects are not followed), a 4xx or a 5xx. A failed delivery is tried again on this schedule, each delay counted from the previous attempt, with up to 20 % random spread:`,
          },
          {
            kind: 'table',
            head: ['Attempt', 'After the previous one'],
            rows: schedule.map((ms, i) => [String(i + 1), i === 0 ? 'at once' : duration(ms)]),
          },
          {
            kind: 'list',
            items: [
              `After ${schedule.length} attempts (about ${Math.round(total / 3_600_000)} hours) the delivery is marked FAILED. Resend it, or "recover failed since...", from the console once your endpoint works again.`,
              'A `Retry-After` header on a 429 or 503 answer is honoured (up to one hour).',
              'Answering 410 Gone disables the webhook at once. A webhook failing without a single success for 5 days is disabled automatically; both are in the audit log.',
              'Answer 2xx as soon as the signature is verified, then process the event asynchronously (a queue, a job table). Slow processing inside the request leads to timeouts and duplicate deliveries.',
            ],
          },
        ],
      },
      {
        id: 'idempotency',
        title: '7. Duplicates and ordering',
        blocks: [
          {
            kind: 'p',
            text: 'Delivery is at least once: a retry after a timeout, a resend or a recovery can bring the same message again, always with the same `webhook-id`. Store the ids you processed under a unique key and skip a message you already have.',
          },
          {
            kind: 'p',
            text: 'Deliveries run in parallel and may arrive out of order. Use `timestamp` to order events about the same worker, or turn on "Deliver in order" on the webhook: then one delivery is in flight at a time, in the order the events happened.',
          },
        ],
      },
      {
        id: 'pull',
        title: '8. The pull API',
        blocks: [
          {
            kind: 'p',
            text: 'Systems that cannot receive webhooks, or that want to catch up after an outage, read the same envelopes from the pull API with an API key that has the `events:read` scope:',
          },
          {
            kind: 'code',
            title: 'Reading events in order',
            code: `GET /v1/events?after=<next_cursor>&types=clock.in,clock.out&limit=100&wait=30
Authorization: Bearer ck_...

{ "data": [ { "id": "msg_...", "type": "clock.in", "timestamp": "...", "data": { ... } } ],
  "next_cursor": "42", "has_more": false }`,
          },
          {
            kind: 'list',
            items: [
              'Keep `next_cursor` and pass it as `after` next time: the order is gap-free, so nothing is missed.',
              '`wait` (seconds, up to 30) holds an empty answer until an event arrives (long polling).',
              '`id` is the same as the `webhook-id` of the deliveries: both paths can be mixed safely.',
              'The full API reference is at `/docs` on this server, the OpenAPI document at `/openapi.json`.',
            ],
          },
        ],
      },
      {
        id: 'troubleshooting',
        title: '9. Troubleshooting',
        blocks: [
          {
            kind: 'table',
            head: ['Symptom', 'Cause and fix'],
            rows: [
              [
                'Every signature check fails',
                'The body was parsed and serialised again before verifying (frameworks do this): verify the raw bytes. Check that the secret is the whole `whsec_...` string of this webhook.',
              ],
              [
                'Checks fail after a few minutes',
                'Your clock is off: a `webhook-timestamp` outside the tolerance is refused. Synchronise with NTP.',
              ],
              [
                'Checks fail after a secret rotation',
                'Deploy the new secret before the grace period ends; until then both signatures are sent.',
              ],
              [
                'Deliveries time out',
                `Your endpoint answers after more than ${TIMEOUT_SECONDS} s: answer 2xx first, process afterwards.`,
              ],
              [
                'Deliveries fail with a 3xx',
                'Redirects are not followed: use the final URL (often https:// instead of http://).',
              ],
              [
                'The same event arrives twice',
                'At-least-once delivery: skip messages whose `webhook-id` you already stored.',
              ],
              [
                'Nothing arrives',
                'Check in the console that the webhook is enabled and subscribed to the event type, use "Send test webhook" and read the HTTP status and the response preview in Recent deliveries.',
              ],
              [
                'The webhook shows Failing',
                'Every attempt failed recently: open a delivery to read the error, fix the endpoint, then "Recover failed since..." to receive what was missed.',
              ],
            ],
          },
        ],
      },
    ],
  }
}
