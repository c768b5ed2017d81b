import { ClockhookError, ConnectionError, TimeoutError } from './core/errors'
import { type PageBody, PagePromise } from './core/pagination'
import { defaultRetryPolicy, type RetryPolicy, withRetries } from './core/retry'
import type { APIResponse, RequestOptions } from './core/types'
import { ApiKeys } from './resources/api-keys'
import { AuditLog } from './resources/audit-log'
import { Deliveries } from './resources/deliveries'
import { Documents } from './resources/documents'
import { EventTypes } from './resources/event-types'
import { Events } from './resources/events'
import { PortalSessions } from './resources/portal-sessions'
import { Settings } from './resources/settings'
import { Shifts } from './resources/shifts'
import { TimeEntries } from './resources/time-entries'
import { Webhooks } from './resources/webhooks'
import { Workers } from './resources/workers'

/** Options of `new Clockhook(…)`. */
export interface ClockhookOptions {
  /**
   * An API key (`ck_…`); sent as `Authorization: Bearer`. Default: the `CLOCKHOOK_API_KEY`
   * environment variable (where there is a `process.env`). Typed `string | undefined` so
   * `process.env.…` can be passed as it is; a missing key throws at construction.
   */
  apiKey?: string | undefined
  /**
   * Where the API is, e.g. `http://127.0.0.1:8080` (a path prefix is kept). Default: the
   * `CLOCKHOOK_BASE_URL` environment variable.
   */
  baseUrl?: string | undefined
  /** Per-attempt timeout in ms. Default 60 000. */
  timeoutMs?: number | undefined
  /** Retries after the first attempt of a call. Default 2. */
  maxRetries?: number | undefined
  /** A `fetch` implementation. Default: the global `fetch`. */
  fetch?: typeof globalThis.fetch | undefined
}

export type QueryValue = string | number | boolean | readonly string[] | null | undefined

/** A request as resources describe it. */
export interface RequestSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  path: string
  query?: Record<string, QueryValue> | undefined
  body?: unknown
}

/**
 * The Clockhook API client. One property per resource; every method takes an optional
 * `RequestOptions` last (`signal`, `timeoutMs`, `maxRetries`, `idempotencyKey`, `headers`).
 *
 * `apiKey` and `baseUrl` default to the `CLOCKHOOK_API_KEY` and `CLOCKHOOK_BASE_URL`
 * environment variables where the runtime has a `process.env` (Node, Bun, Deno).
 *
 * @example
 * import { Clockhook } from '@clockhook/sdk'
 * const clockhook = new Clockhook({ apiKey: process.env.CLOCKHOOK_API_KEY, baseUrl: 'http://127.0.0.1:8080' })
 * // or, with CLOCKHOOK_API_KEY and CLOCKHOOK_BASE_URL set: new Clockhook()
 * const { data: worker } = await clockhook.workers.create({ name: 'Ada' })
 * await clockhook.timeEntries.clockIn({ worker_id: worker.id })
 */
export class Clockhook {
  readonly baseUrl: string
  readonly timeoutMs: number
  readonly maxRetries: number

  readonly workers: Workers
  readonly timeEntries: TimeEntries
  readonly shifts: Shifts
  readonly documents: Documents
  readonly webhooks: Webhooks
  readonly deliveries: Deliveries
  readonly events: Events
  readonly eventTypes: EventTypes
  readonly apiKeys: ApiKeys
  readonly auditLog: AuditLog
  readonly settings: Settings
  readonly portalSessions: PortalSessions

  readonly #apiKey: string
  readonly #fetch: typeof globalThis.fetch

  constructor(options: ClockhookOptions = {}) {
    if (options === null || typeof options !== 'object') {
      throw invalidOption('new Clockhook(options) takes an options object: { apiKey, baseUrl }')
    }
    const env = readEnv()
    const apiKey = options.apiKey ?? env?.CLOCKHOOK_API_KEY
    const baseUrl = options.baseUrl ?? env?.CLOCKHOOK_BASE_URL
    if (typeof apiKey !== 'string' || apiKey === '') {
      throw invalidOption(
        'apiKey is required (an API key, ck_…): pass { apiKey } or set the CLOCKHOOK_API_KEY environment variable',
      )
    }
    if (baseUrl === undefined || baseUrl === '') {
      throw invalidOption(
        'baseUrl is required: pass { baseUrl }, e.g. http://127.0.0.1:8080, or set the CLOCKHOOK_BASE_URL environment variable',
      )
    }
    if (typeof baseUrl !== 'string' || !URL.canParse(baseUrl)) {
      throw invalidOption('baseUrl must be an absolute URL, e.g. http://127.0.0.1:8080')
    }
    this.#apiKey = apiKey
    this.baseUrl = baseUrl.replace(/\/+$/, '')
    this.timeoutMs = checkCount(options.timeoutMs ?? 60_000, 'timeoutMs', 1)
    this.maxRetries = checkCount(options.maxRetries ?? defaultRetryPolicy.maxRetries, 'maxRetries')
    const custom = options.fetch
    this.#fetch = custom ?? ((input, init) => globalThis.fetch(input, init))

    this.workers = new Workers(this)
    this.timeEntries = new TimeEntries(this)
    this.shifts = new Shifts(this)
    this.documents = new Documents(this)
    this.webhooks = new Webhooks(this)
    this.deliveries = new Deliveries(this)
    this.events = new Events(this)
    this.eventTypes = new EventTypes(this)
    this.apiKeys = new ApiKeys(this)
    this.auditLog = new AuditLog(this)
    this.settings = new Settings(this)
    this.portalSessions = new PortalSessions(this)
  }

  /**
   * Sends one API call with retries: every attempt of a POST carries the same
   * `Idempotency-Key`. Resolves to the parsed body; rejects with a `ClockhookError`.
   */
  request<T>(spec: RequestSpec, options: RequestOptions = {}): Promise<APIResponse<T>> {
    const url = this.#url(spec.path, spec.query)
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...options.headers,
      authorization: `Bearer ${this.#apiKey}`,
    }
    if (spec.body !== undefined) headers['content-type'] = 'application/json'
    if (spec.method === 'POST') {
      headers['idempotency-key'] = options.idempotencyKey ?? crypto.randomUUID()
    }
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body)
    const timeoutMs = options.timeoutMs ?? this.timeoutMs
    const policy: RetryPolicy = {
      ...defaultRetryPolicy,
      maxRetries: checkCount(options.maxRetries ?? this.maxRetries, 'maxRetries'),
    }
    return withRetries(
      () =>
        this.#attempt<T>(url, { method: spec.method, headers, body }, timeoutMs, options.signal),
      policy,
      options.signal,
    )
  }

  /** A list call: `await` it for the first page, `for await` it for every item. */
  list<Item>(
    path: string,
    query: Record<string, QueryValue> | undefined,
    options: RequestOptions = {},
    cursorParam = 'cursor',
  ): PagePromise<Item> {
    return new PagePromise<Item>((cursor) =>
      this.request<PageBody<Item>>(
        {
          method: 'GET',
          path,
          query: cursor === undefined ? query : { ...query, [cursorParam]: cursor },
        },
        options,
      ),
    )
  }

  async #attempt<T>(
    url: string,
    init: { method: string; headers: Record<string, string>; body: string | undefined },
    timeoutMs: number,
    callerSignal: AbortSignal | undefined,
  ): Promise<APIResponse<T>> {
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout
    let response: Response
    let text: string
    try {
      response = await this.#fetch(url, { ...init, signal })
      text = await response.text()
    } catch (err) {
      if (callerSignal?.aborted) throw callerSignal.reason
      if (timeout.aborted) throw new TimeoutError(timeoutMs)
      const reason = err instanceof Error ? err.message : String(err)
      throw new ConnectionError(`could not reach ${new URL(url).origin}: ${reason}`, err)
    }
    let data: unknown = null
    if (text !== '') {
      try {
        data = JSON.parse(text)
      } catch (err) {
        if (response.ok) {
          throw new ClockhookError({
            status: response.status,
            code: 'invalid_response',
            message: `the API answered ${response.status} with a body that is not JSON`,
            requestId: response.headers.get('x-request-id'),
            headers: response.headers,
            cause: err,
          })
        }
      }
    }
    if (!response.ok) throw ClockhookError.fromResponse(response.status, data, response.headers)
    return {
      data: data as T,
      requestId: response.headers.get('x-request-id'),
      status: response.status,
      headers: response.headers,
    }
  }

  #url(path: string, query: Record<string, QueryValue> | undefined): string {
    const url = new URL(this.baseUrl + path)
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null) continue
      url.searchParams.set(key, Array.isArray(value) ? value.join(',') : String(value))
    }
    return url.toString()
  }
}

/** `process.env` where there is one: the SDK also runs in browsers and Workers. */
function readEnv(): Record<string, string | undefined> | undefined {
  const env = (globalThis as { process?: { env?: unknown } }).process?.env
  return env !== null && typeof env === 'object'
    ? (env as Record<string, string | undefined>)
    : undefined
}

function invalidOption(message: string): ClockhookError {
  return new ClockhookError({ status: undefined, code: 'invalid_options', message })
}

function checkCount(value: number, name: string, min = 0): number {
  if (!Number.isInteger(value) || value < min) {
    throw invalidOption(`${name} must be an integer ≥ ${min}`)
  }
  return value
}
