import type { OpenAPIHono } from '@hono/zod-openapi'
import { eventCatalog } from './events'
import { IDEMPOTENCY_TTL_MS } from './idempotency'

type Json = Record<string, unknown>
type Operation = {
  parameters?: Json[]
  requestBody?: Json
  responses: Record<string, Json>
  security?: Json[]
}

const DESCRIPTION = `Clockhook delivers time-tracking events — clock-ins, clock-outs, shifts, worker
documents — to the systems that subscribe to them, as signed webhooks, and lets the same
systems pull the same events instead.

## Authentication
Send an API key as \`Authorization: Bearer ck_…\`. A key belongs to one tenant and has
scopes (\`workers:read\`, \`workers:write\`, \`time:read\`, \`time:write\`, \`events:read\`,
\`webhooks:read\`, \`webhooks:write\`, \`admin\`); a missing or unknown key is a 401, a key
without the route's scope a 403. Failed authentications are limited per client address.

## Webhooks: signing
Every delivery is an HTTP POST of the event envelope \`{ type, timestamp, data }\` with the
[Standard Webhooks](https://www.standardwebhooks.com/) headers: \`webhook-id\` (the event's
id, stable across retries: de-duplicate on it), \`webhook-timestamp\` (seconds) and
\`webhook-signature\` (\`v1,<base64 HMAC-SHA256 of id.timestamp.body>\` with the webhook's
\`whsec_\` secret; during a rotation's grace period two signatures, space-separated).
Verify the raw body with \`@clockhook/signer\`, \`standardwebhooks\` or \`svix\`, and refuse a
timestamp more than 5 minutes away. The events and their payloads are listed under
*Webhooks* below, per payload version.

## Webhooks: retries
A 2xx answer within the webhook's timeout (30 s unless \`timeout_seconds\` says less) is a
success. Anything else is retried: immediately, then after 5 s, 5 min, 30 min, 2 h, 5 h,
10 h and 10 h (with jitter), then the delivery is \`failed\`. A 410 disables the webhook; a
webhook failing continuously for days is disabled and the audit log says why. Failed
deliveries can be resent one by one or recovered in bulk.

## Pull API
\`GET /v1/events\` answers the same envelopes in order; follow \`next_cursor\`, and add
\`wait\` (seconds) to hold an empty answer until something happens.

## Conventions
JSON everywhere, \`snake_case\` fields, ISO-8601 UTC times, ids with a type prefix. Lists
answer \`{ data, next_cursor, has_more }\`: pass \`next_cursor\` as \`cursor\`. Every error is
\`{ "error": { "code", "message", "details"? } }\`. Every POST takes an
\`Idempotency-Key\`: the answer is kept ${IDEMPOTENCY_TTL_MS / 3_600_000} h for the API key
that sent it and replayed with \`idempotent-replayed: true\`.`

const TAGS = [
  ['Workers', 'The people who clock in and out.'],
  ['Time entries', 'Clock-ins and clock-outs.'],
  ['Shifts', 'Planned shifts.'],
  ['Documents', 'Worker documents with an expiry date.'],
  ['Webhooks', 'Integration settings: where to send which events, and how.'],
  ['Deliveries', 'Every attempt to deliver an event to a webhook; resend and recover.'],
  ['Events', 'The pull API and the event catalog.'],
  ['API keys', 'Scoped keys for this API (admin).'],
  ['Audit', 'Who changed what (admin).'],
  ['Settings', "The tenant's name, default payload version, retention and HTTPS rule (admin)."],
  ['Portal', 'Short-lived console links for an outside partner, limited to some webhooks (admin).'],
  ['Operator', 'Tenants, for the operator of the server.'],
].map(([name, description]) => ({ name: name!, description: description! }))

const PARAMETER_DESCRIPTIONS: Record<string, string> = {
  id: 'The id, with its type prefix.',
  limit: 'How many items a page holds.',
  cursor: 'The `next_cursor` of the previous page; leave out for the first page.',
  after: 'The `next_cursor` of the previous answer; leave out to start from the first event.',
  types: 'Comma-separated event types to keep (all when left out).',
  wait: 'Seconds to hold an empty answer until an event arrives (long-poll, at most 30).',
  status: 'Only deliveries in this state.',
  worker_id: 'Only this worker’s items.',
  from: 'Only entries clocked in at or after this time.',
  to: 'Only entries clocked in before this time.',
}

const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
const requestIdHeader = {
  'x-request-id': {
    description: 'The request id (yours when you sent a valid one); quote it when asking for help.',
    schema: { type: 'string' },
  },
}
const ERRORS: Record<string, string> = {
  '400': 'The request is not valid: `validation_failed` with `details`, or `invalid_json`.',
  '401': 'No API key, or an unknown or revoked one (`unauthorized`).',
  '403': 'The key lacks the scope this route needs (`forbidden`).',
  '404': 'Not found — or another tenant’s (`not_found`).',
  '409':
    'A conflict with the current state (`conflict`), or a request with this `Idempotency-Key` is still running (`request_in_progress`).',
  '413': 'The body is over 256 KiB (`payload_too_large`).',
  '415': 'The body is not `application/json`.',
  '422': 'This `Idempotency-Key` was used with another body (`idempotency_key_reused`).',
  '429':
    'Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds.',
  '500': 'Something failed on our side (`internal_error`); safe to retry.',
}

function errorStatuses(method: string, path: string, op: Operation): string[] {
  const statuses = ['400', '401', '403', '429', '500']
  if (path.includes('{')) statuses.push('404')
  if (method === 'post') statuses.push('409', '422')
  if (op.requestBody) statuses.push('413', '415')
  if (op.responses['409']) statuses.push('409')
  return [...new Set(statuses)].sort()
}

function errorResponse(status: string): Json {
  return {
    description: ERRORS[status],
    headers: {
      ...requestIdHeader,
      ...(status === '429'
        ? { 'retry-after': { description: 'Seconds to wait.', schema: { type: 'integer' } } }
        : {}),
    },
    content: errorContent,
  }
}

/** Documents every operation's shared parameters, headers and error answers. */
function completeOperation(method: string, path: string, op: Operation): void {
  for (const p of op.parameters ?? []) {
    const name = String(p.name)
    if (!p.description && PARAMETER_DESCRIPTIONS[name]) p.description = PARAMETER_DESCRIPTIONS[name]
  }
  op.parameters = [
    ...(op.parameters ?? []),
    {
      name: 'x-request-id',
      in: 'header',
      required: false,
      description:
        'Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back.',
      schema: { type: 'string', maxLength: 100 },
    },
    ...(method === 'post'
      ? [
          {
            name: 'idempotency-key',
            in: 'header',
            required: false,
            description:
              'Makes a retry safe: the first answer is kept 24 h for your API key and replayed for the same key, method, path and body.',
            schema: { type: 'string', minLength: 1, maxLength: 255 },
          },
        ]
      : []),
  ]
  for (const [status, response] of Object.entries(op.responses)) {
    if (!status.startsWith('2')) continue
    response.headers = {
      ...requestIdHeader,
      ...(method === 'post'
        ? {
            'idempotent-replayed': {
              description: '`true` when this is a stored answer to an earlier request.',
              schema: { type: 'string', enum: ['true'] },
            },
          }
        : {}),
    }
  }
  for (const status of errorStatuses(method, path, op))
    op.responses[status] ??= errorResponse(status)
}

/** The OpenAPI 3.1 `webhooks` section: every event type, each payload version. */
function webhooksSection(): Json {
  const webhooks: Json = {}
  for (const event of eventCatalog()) {
    const distinct = Object.entries(event.schemas).filter(
      ([, data], i, all) => i === 0 || JSON.stringify(data) !== JSON.stringify(all[0]![1]),
    )
    const versions = distinct.map(([version, data]) => ({
      title:
        distinct.length === 1
          ? `${event.type}, every payload version`
          : `${event.type}, payload version ${version}`,
      type: 'object',
      required: ['type', 'timestamp', 'data'],
      properties: {
        type: { const: event.type },
        timestamp: { type: 'string', format: 'date-time', description: 'When it happened.' },
        data,
      },
    }))
    webhooks[event.type] = {
      post: {
        operationId: `${event.type.replace(/[._](\w)/g, (_, c: string) => c.toUpperCase())}Event`,
        summary: event.type,
        description: `${event.description} ${
          event.type === 'webhook.test'
            ? 'Sent only by the test action, to that one webhook.'
            : `Sent to every enabled webhook subscribed to \`${event.type}\`.`
        } The payload version is the webhook's pin, else the tenant's default, else version 1; version 2 groups \`worker_id\` and \`worker_name\` into \`worker: { id, name }\`.`,
        tags: ['Webhooks'],
        security: [],
        parameters: [
          {
            name: 'webhook-id',
            in: 'header',
            required: true,
            description: 'The event id (`msg_…`), the same on every retry: de-duplicate on it.',
            schema: { type: 'string' },
          },
          {
            name: 'webhook-timestamp',
            in: 'header',
            required: true,
            description:
              'Unix seconds when this attempt was signed; refuse one more than 5 minutes away.',
            schema: { type: 'string' },
          },
          {
            name: 'webhook-signature',
            in: 'header',
            required: true,
            description:
              '`v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}">` with the secret; space-separated when several secrets sign (rotation).',
            schema: { type: 'string' },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: versions.length === 1 ? versions[0] : { anyOf: versions },
            },
          },
        },
        responses: {
          '200': { description: 'Any 2xx within the timeout: delivered.' },
          '410': { description: 'Gone: the webhook is disabled and nothing more is sent.' },
          default: { description: 'Anything else, or no answer in time: retried on schedule.' },
        },
      },
    }
  }
  return webhooks
}

/** The whole OpenAPI 3.1 document of the app: its routes, completed with what every route shares. */
export function openApiDocument(app: OpenAPIHono): Json {
  const doc = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Clockhook API',
      version: '1.0.0',
      description: DESCRIPTION,
      license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
    },
    servers: [{ url: '/', description: 'This server' }],
    tags: TAGS,
  }) as unknown as Json & { paths: Record<string, Record<string, Operation>> }
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) completeOperation(method, path, op)
  return { ...doc, webhooks: webhooksSection() }
}
