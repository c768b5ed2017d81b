/** What every non-list method resolves to: the answer's JSON body as `data`, plus its metadata. */
export interface APIResponse<T> {
  /** The response body (`null` for a `204 No Content`). */
  data: T
  /** The `x-request-id` header: quote it when reporting a problem. */
  requestId: string | null
  status: number
  headers: Headers
}

/** Options every method accepts as its last argument. */
export interface RequestOptions {
  /** Aborts the call (and its retries). */
  signal?: AbortSignal
  /** Per-attempt timeout in ms; overrides the client's `timeoutMs`. */
  timeoutMs?: number
  /** Retries after the first attempt; overrides the client's `maxRetries`. */
  maxRetries?: number
  /** The `Idempotency-Key` of a POST; default: a new random key per call, reused by its retries. */
  idempotencyKey?: string
  /** Extra request headers. */
  headers?: Record<string, string>
}
