/** Where a delivery stands. `pending` and `retrying` are still to be attempted. */
export type DeliveryStatus = 'pending' | 'succeeded' | 'retrying' | 'failed'

/** Why an attempt failed, when it did. */
export type AttemptErrorKind =
  | 'http_status'
  | 'timeout'
  | 'connection'
  | 'dns'
  | 'ssrf_blocked'
  | 'redirect'
  | 'invalid_url'
  | 'render'

/** What started an attempt. */
export type AttemptTrigger = 'scheduled' | 'resend' | 'test'

/** A signing secret of an endpoint; an old one stays valid until `expiresAt` (rotation). */
export interface EndpointSecret {
  secret: string
  /** Epoch ms after which this secret stops signing; `null` for the current one. */
  expiresAt: number | null
}

/** A subscription: where to POST which events, and how. */
export interface Endpoint {
  id: string
  tenantId: string
  url: string
  description: string | null
  /** Event types this endpoint receives; `null` = all. */
  eventTypes: string[] | null
  enabled: boolean
  /** Why the endpoint was disabled, when it was (`gone`, `failing`, or a host's reason). */
  disabledReason: string | null
  /** Payload version the host renders for this endpoint; `null` = the host's default. */
  version: number | null
  /** Extra request headers sent with every delivery; values masked (`getEndpointHeaders` reveals them). */
  headers: Record<string, string>
  /** Messages per second at most; `null` = no limit. */
  rateLimitPerSecond: number | null
  /** Deliveries in flight at once at most; `null` = the dispatcher's concurrency. */
  maxConcurrency: number | null
  /** At most one delivery in flight, in send order. */
  ordered: boolean
  /** Per-endpoint request timeout; `null` = the dispatcher's. */
  timeoutMs: number | null
  metadata: Record<string, unknown>
  /** Epoch ms since which every attempt has failed; `null` when healthy. */
  failingSince: number | null
  createdAt: number
  updatedAt: number
}

/** An event to deliver. `payload` is the JSON value of the envelope's `data`. */
export interface Message {
  id: string
  tenantId: string
  type: string
  /** Epoch ms of the event. */
  timestamp: number
  payload: unknown
  /** Position in the pull API's order; assigned once the message is committed. */
  sequence: number | null
  createdAt: number
}

/** One message × one endpoint. */
export interface Delivery {
  id: string
  messageId: string
  endpointId: string
  tenantId: string
  eventType: string
  status: DeliveryStatus
  attempts: number
  /** When the next attempt is due (epoch ms); `null` once final. */
  nextAttemptAt: number | null
  lastHttpStatus: number | null
  lastError: string | null
  isTest: boolean
  createdAt: number
  updatedAt: number
}

/** One HTTP attempt of a delivery. */
export interface Attempt {
  id: string
  deliveryId: string
  endpointId: string
  trigger: AttemptTrigger
  attemptedAt: number
  durationMs: number
  succeeded: boolean
  httpStatus: number | null
  errorKind: AttemptErrorKind | null
  errorMessage: string | null
  /** The request headers sent, custom header values masked (the signature is shown). */
  requestHeaders: Record<string, string>
  /** The start of the request body. */
  requestPreview: string
  /** The start of the response body (a few KiB at most). */
  responsePreview: string | null
}

/** A page of a list: pass `nextCursor` back as `cursor` for the next one. */
export interface Page<T> {
  data: T[]
  nextCursor: string | null
  hasMore: boolean
}
