import type { Attempt, Delivery, Endpoint } from '@clockhook/dispatcher'
import { z } from '@hono/zod-openapi'
import type { Caller } from '../auth'
import { ApiError } from '../errors'
import { SUBSCRIBABLE_TYPES } from '../events'

// The wire shapes of webhooks, deliveries and attempts, and the mapping from the
// dispatcher's endpoints, deliveries and attempts to them.

/** What a non-admin key sees instead of a custom header's value (a receiver credential). */
export const MASK = '••••••'

export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

export const Webhook = z
  .object({
    id: z.string(),
    name: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    enabled: z.boolean(),
    disabled_reason: z.string().nullable(),
    version: z.number().int().nullable(),
    headers: z.record(z.string(), z.string()).openapi({
      description: `Custom request headers; values are shown only to \`admin\` keys, others see \`${MASK}\``,
    }),
    description: z.string().nullable(),
    timeout_seconds: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Request timeout; `null` = the server default (30 s)' }),
    ordered: z
      .boolean()
      .openapi({ description: 'At most one delivery in flight, in the order events happened' }),
    rate_limit_per_second: z.number().int().nullable().openapi({
      description:
        'Deliveries per second at most, across every worker process (a burst of one second’s worth first); `null` = no limit',
    }),
    max_concurrency: z.number().int().nullable().openapi({
      description:
        'Deliveries in flight at once at most, across every worker process; `null` = no limit',
    }),
    legacy_signature_header: z.string().nullable().openapi({
      description:
        'A header that also carries `sha256=<hex HMAC-SHA256 of the raw body>` keyed with the `whsec_…` secret as written (GitHub-style receivers); `null` = off',
    }),
    status: z.enum(['active', 'disabled', 'failing']).openapi({
      description:
        '`failing`: disabled automatically, or every attempt has failed since `failing_since`; `disabled`: turned off',
    }),
    failing_since: z.string().nullable(),
    error_rate: z.number().openapi({
      description: 'Failed attempts / attempts over the last 24 h (0 without attempts)',
    }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Webhook')

export const DeliverySchema = z
  .object({
    id: z.string(),
    message_id: z.string(),
    event_type: z.string(),
    status: z.enum(['pending', 'succeeded', 'retrying', 'failed']),
    attempts: z.number().int(),
    last_http_status: z.number().int().nullable(),
    last_error: z.string().nullable(),
    next_attempt_at: z.string().nullable(),
    is_test: z.boolean(),
    created_at: z.string(),
  })
  .openapi('Delivery')

export const AttemptSchema = z
  .object({
    id: z.string(),
    attempted_at: z.string(),
    duration_ms: z.number().int(),
    succeeded: z.boolean(),
    http_status: z.number().int().nullable(),
    error_kind: z.string().nullable(),
    error_message: z.string().nullable(),
    trigger: z.string(),
    request_headers: z.record(z.string(), z.string()),
    request_preview: z.string(),
    response_preview: z.string().nullable(),
  })
  .openapi('Attempt')

/** The dispatcher's input from the wire's tuning fields that were sent. */
export function tuningOf(input: {
  ordered?: boolean | undefined
  rate_limit_per_second?: number | null | undefined
  max_concurrency?: number | null | undefined
}) {
  return {
    ...(input.ordered !== undefined ? { ordered: input.ordered } : {}),
    ...(input.rate_limit_per_second !== undefined
      ? { rateLimitPerSecond: input.rate_limit_per_second }
      : {}),
    ...(input.max_concurrency !== undefined ? { maxConcurrency: input.max_concurrency } : {}),
  }
}

/** `*` (every event) and `group.*` (e.g. `clock.*`) for each group in the catalog. */
const WILDCARDS = ['*', ...new Set(SUBSCRIBABLE_TYPES.map((t) => `${t.split('.')[0]}.*`))]
export const eventType = z
  .enum([...SUBSCRIBABLE_TYPES, ...WILDCARDS] as [string, ...string[]])
  .openapi({ description: 'An event type, `group.*` for a whole group, or `*` for every event' })
export const headerMap = z.record(z.string().max(100), z.string().max(4096))
export const WebhookInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    url: z.url().max(2048),
    events: z
      .array(eventType)
      .min(1)
      .max(50)
      .optional()
      .openapi({ description: 'What to send; every event type when left out (`["*"]`)' }),
    enabled: z.boolean().optional(),
    version: z
      .union([z.literal(1), z.literal(2)])
      .nullable()
      .optional(),
    headers: headerMap.optional(),
    description: z.string().max(2000).nullable().optional(),
    timeout_seconds: z.number().int().min(1).max(30).nullable().optional(),
    ordered: z.boolean().optional(),
    rate_limit_per_second: z.number().int().min(1).max(10_000).nullable().optional(),
    max_concurrency: z.number().int().min(1).max(1_000).nullable().optional(),
    legacy_signature_header: z
      .string()
      .regex(
        /^[xX]-[a-zA-Z0-9-]{1,60}$/,
        'must be a header name starting with X-, e.g. X-Clockhook-Signature',
      )
      .refine((h) => !/^x-(forwarded|real-ip)/i.test(h), 'a proxy header cannot carry it')
      .nullable()
      .optional(),
  })
  .strict()

/** A webhook's status as the console shows it. */
export function webhookStatus(e: Endpoint): 'active' | 'disabled' | 'failing' {
  if (!e.enabled)
    return e.disabledReason === 'failing' || e.disabledReason === 'gone' ? 'failing' : 'disabled'
  return e.failingSince === null ? 'active' : 'failing'
}

/** The warnings of a webhook URL the server accepts: an `http://` URL travels unencrypted. */
export function urlWarnings(url: string, requireHttps: boolean): string[] {
  if (!url.toLowerCase().startsWith('http://')) return []
  if (requireHttps)
    throw new ApiError(400, 'validation_failed', 'this tenant requires https:// webhook URLs', [
      { path: 'url', message: 'must start with https:// (the tenant settings require HTTPS)' },
    ])
  return [
    'The URL uses http://: payloads and signatures travel unencrypted. Use https:// in production.',
  ]
}

/** The wire webhook; `headers` are the dispatcher's masked values unless revealed ones are given. */
export const toWebhook = (
  e: Endpoint,
  errorRate: number,
  headers: Record<string, string> = e.headers,
) => ({
  id: e.id,
  name: String(e.metadata.name ?? ''),
  url: e.url,
  events: e.eventTypes ?? ['*'],
  enabled: e.enabled,
  disabled_reason: e.disabledReason,
  version: e.version,
  headers,
  description: e.description,
  timeout_seconds: e.timeoutMs === null ? null : Math.round(e.timeoutMs / 1000),
  ordered: e.ordered,
  rate_limit_per_second: e.rateLimitPerSecond,
  max_concurrency: e.maxConcurrency,
  legacy_signature_header: legacyHeaderOf(e),
  status: webhookStatus(e),
  failing_since: iso(e.failingSince),
  error_rate: errorRate,
  created_at: new Date(e.createdAt).toISOString(),
  updated_at: new Date(e.updatedAt).toISOString(),
})

export const toDelivery = (d: Delivery) => ({
  id: d.id,
  message_id: d.messageId,
  event_type: d.eventType,
  status: d.status,
  attempts: d.attempts,
  last_http_status: d.lastHttpStatus,
  last_error: d.lastError,
  next_attempt_at: d.status === 'pending' || d.status === 'retrying' ? iso(d.nextAttemptAt) : null,
  is_test: d.isTest,
  created_at: new Date(d.createdAt).toISOString(),
})

export const toAttempt = (a: Attempt) => ({
  id: a.id,
  attempted_at: new Date(a.attemptedAt).toISOString(),
  duration_ms: a.durationMs,
  succeeded: a.succeeded,
  http_status: a.httpStatus,
  error_kind: a.errorKind,
  error_message: a.errorMessage,
  trigger: a.trigger,
  request_headers: a.requestHeaders,
  request_preview: a.requestPreview,
  response_preview: a.responsePreview,
})

/**
 * A header sent back with the masked value (as a non-admin key reads it) keeps its stored
 * value — the dispatcher does that — so the mask is only refused for a header that has no
 * stored value to keep.
 */
export function refuseMaskForNewHeaders(next: Record<string, string>, current: Endpoint): void {
  const known = new Set(Object.keys(current.headers).map((k) => k.toLowerCase()))
  for (const [name, value] of Object.entries(next))
    if (value === MASK && !known.has(name.toLowerCase()))
      throw new ApiError(400, 'validation_failed', `header ${name}: send its real value`)
}

/**
 * Custom header values are receiver credentials only `admin` keys may read. Pointing a
 * webhook that has some at another origin would send them there, so a key without
 * `admin` may only do it while sending the headers again with their real values.
 */
export function guardCredentialsOnMove(
  caller: Caller,
  current: Endpoint,
  input: { url?: string; headers?: Record<string, string> },
): void {
  if (input.url === undefined || caller.scopes.includes('admin')) return
  if (Object.keys(current.headers).length === 0) return
  if (new URL(input.url).origin === new URL(current.url).origin) return
  if (input.headers && !Object.values(input.headers).includes(MASK)) return
  throw new ApiError(
    403,
    'forbidden',
    'this webhook has custom headers (receiver credentials): moving it to another origin needs an admin key, or the headers sent again with their real values',
  )
}

/** The webhook's opt-in GitHub-style signature header, kept in the endpoint's metadata. */
export const legacyHeaderOf = (e: { metadata: Record<string, unknown> }): string | null =>
  typeof e.metadata.legacy_signature_header === 'string' ? e.metadata.legacy_signature_header : null

/** The endpoint metadata after a PATCH of `name` and/or `legacy_signature_header`. */
export function metadataOf(
  current: Record<string, unknown>,
  input: { name?: string | undefined; legacy_signature_header?: string | null | undefined },
): Record<string, unknown> {
  const { legacy_signature_header: _old, ...rest } = current
  const legacy =
    input.legacy_signature_header === undefined
      ? legacyHeaderOf({ metadata: current })
      : (input.legacy_signature_header?.toLowerCase() ?? null)
  return {
    ...rest,
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(legacy ? { legacy_signature_header: legacy } : {}),
  }
}
