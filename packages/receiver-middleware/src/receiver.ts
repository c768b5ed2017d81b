import {
  createVerifier,
  type Verifier,
  WebhookError,
  type WebhookPayload,
  type WebhookSecret,
  WebhookVerificationError,
} from '@clockhook/signer/verify'
import { tooLarge } from './body'
import { createMemoryDedupeStore, type DedupeStore } from './dedupe'
import { ReceiverOptionsError, WebhookReceiverError } from './errors'
import type { EventOf, EventType, RegisteredEvents } from './events'
import { type IncomingHeaders, readHeader } from './headers'

export interface ReceiverOptions {
  /**
   * The webhook's signing secret (`whsec_…`, or a `whpk_…` Ed25519 public key). Typed to take
   * `process.env.…` as it is: an undefined secret throws `ReceiverOptionsError` at start-up.
   */
  secret?: WebhookSecret | undefined
  /**
   * Several secrets, any of which may sign: the old and the new one during a rotation. Each
   * may be `process.env.…`; an undefined one throws `ReceiverOptionsError` at start-up.
   */
  secrets?: readonly (WebhookSecret | undefined)[] | undefined
  /** How far `webhook-timestamp` may be from now, in seconds, either way. Default 300. */
  toleranceSec?: number
  /** Where handled `webhook-id`s are remembered; `false` turns de-duplication off. Default: in memory, 24 h. */
  dedupe?: DedupeStore | false
  /** Larger bodies are refused with 413. Default 1 MiB. */
  maxBodyBytes?: number
  /** The clock in milliseconds; for tests. Default `Date.now`. */
  now?: () => number
}

/** What to answer the sender, for any framework: JSON `body` with HTTP `status`. */
export interface WebhookResult {
  status: number
  body: WebhookResponseBody
}

export type WebhookResponseBody =
  | { received: true; duplicate?: true }
  | { error: { code: WebhookReceiverError['code']; message: string } }

/** A verified, claimed delivery that the adapter must finish with `settle`. */
export interface ClaimedDelivery<Events extends object> {
  kind: 'claimed'
  event: EventOf<Events>
  /** Runs the receiver's handlers; resolves to the failure, if one threw (already reported). */
  runHandlers(): Promise<WebhookReceiverError | undefined>
  /** Marks the id handled (`true`) or lets a retry run it again (`false`). Runs once. */
  settle(handled: boolean): Promise<void>
}

/** What `receive` found: a delivery to handle, a duplicate to acknowledge, or a refusal. */
export type Reception<Events extends object> =
  | ClaimedDelivery<Events>
  | { kind: 'duplicate'; result: WebhookResult }
  | { kind: 'rejected'; error: WebhookReceiverError; result: WebhookResult }

export type EventHandler<Event> = (event: Event) => unknown
export type ErrorHandler<Events extends object> = (
  error: WebhookReceiverError,
  event: EventOf<Events> | undefined,
) => unknown

/** Verifies, de-duplicates and dispatches deliveries. Made by `createReceiver`. */
export interface Receiver<Events extends object = RegisteredEvents> {
  /** Runs `handler` for deliveries of `types`, in the order handlers were added. */
  on<Types extends EventType<Events>>(
    types: Types | readonly Types[],
    handler: EventHandler<EventOf<Events, Types>>,
  ): this
  /** Runs `handler` for every delivery, after the type-specific handlers. */
  onAny(handler: EventHandler<EventOf<Events>>): this
  /** Called for every refused or failed delivery (logging, alerting); its errors are ignored. */
  onError(handler: ErrorHandler<Events>): this
  /** The whole pipeline on a raw body: verify, de-duplicate, run handlers, say what to answer. */
  handle(rawBody: WebhookPayload, headers: IncomingHeaders): Promise<WebhookResult>
  /** Verifies only (no de-duplication, no handlers); throws `WebhookReceiverError`. */
  verify(rawBody: WebhookPayload, headers: IncomingHeaders): Promise<EventOf<Events>>
  /** For adapters: verify and claim, leaving handlers and settling to the caller. */
  receive(rawBody: WebhookPayload, headers: IncomingHeaders): Promise<Reception<Events>>
  /** For adapters: reports a refusal found outside `receive` and says what to answer. */
  reject(error: WebhookReceiverError): WebhookResult
  /** The body limit in bytes, for adapters that read the body themselves. */
  readonly maxBodyBytes: number
}

const MIB = 1024 * 1024
export const RECEIVED: WebhookResult = { status: 200, body: { received: true } }
const DUPLICATE: WebhookResult = { status: 200, body: { received: true, duplicate: true } }

function checkOptions(options: ReceiverOptions) {
  if (options === null || typeof options !== 'object') {
    throw new ReceiverOptionsError('createReceiver needs an options object: { secret }')
  }
  const { secret, secrets } = options
  if (secret !== undefined && secrets !== undefined) {
    throw new ReceiverOptionsError('Pass either `secret` or `secrets`, not both.')
  }
  const all = secrets ?? (secret === undefined ? [] : [secret])
  if (!Array.isArray(all) || all.length === 0 || all.some((s) => !s)) {
    throw new ReceiverOptionsError(
      'A signing secret is required: { secret: process.env.WEBHOOK_SECRET } (a `whsec_…` string), or { secrets: [old, new] } during a rotation. Is the environment variable set?',
    )
  }
  const maxBodyBytes = options.maxBodyBytes ?? MIB
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new ReceiverOptionsError('`maxBodyBytes` must be a positive whole number of bytes.')
  }
  const toleranceSec = options.toleranceSec ?? 300
  if (!Number.isFinite(toleranceSec) || toleranceSec < 0) {
    throw new ReceiverOptionsError('`toleranceSec` must be a number of seconds, 0 or more.')
  }
  const dedupe = options.dedupe === undefined ? createMemoryDedupeStore() : options.dedupe
  if (
    dedupe !== false &&
    (typeof dedupe !== 'object' ||
      typeof dedupe?.claim !== 'function' ||
      typeof dedupe.commit !== 'function' ||
      typeof dedupe.release !== 'function')
  ) {
    throw new ReceiverOptionsError(
      '`dedupe` must be a store with claim, commit and release, or false.',
    )
  }
  return { secrets: all as readonly WebhookSecret[], maxBodyBytes, toleranceSec, dedupe }
}

function makeVerifier(
  secrets: readonly WebhookSecret[],
  options: ReceiverOptions,
  tolerance: number,
) {
  try {
    return createVerifier(secrets, { tolerance, ...(options.now ? { now: options.now } : {}) })
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err)
    throw new ReceiverOptionsError(`The signing secret is not usable: ${reason}`, { cause: err })
  }
}

function byteLength(payload: WebhookPayload, limit: number): number {
  if (typeof payload !== 'string') return payload.byteLength
  if (payload.length > limit || payload.length * 3 <= limit) return payload.length
  return new TextEncoder().encode(payload).byteLength
}

function verificationFailure(err: unknown): WebhookReceiverError {
  if (err instanceof WebhookVerificationError) {
    // a verification error built without a code (by a custom verifier) is a bad signature
    const code = err.code === 'unspecified' ? 'no_matching_signature' : err.code
    return new WebhookReceiverError(code, err.message, { cause: err })
  }
  if (err instanceof WebhookError) {
    return new WebhookReceiverError('invalid_payload', err.message, { cause: err })
  }
  throw err
}

function toEvent<Events extends object>(parsed: unknown, id: string): EventOf<Events> {
  if (
    parsed === null ||
    typeof parsed !== 'object' ||
    Array.isArray(parsed) ||
    typeof (parsed as { type?: unknown }).type !== 'string' ||
    !('data' in parsed)
  ) {
    throw new WebhookReceiverError(
      'invalid_event',
      'The body is signed JSON but not an event envelope { type, timestamp, data }.',
    )
  }
  const { type, timestamp, data } = parsed as { type: string; timestamp?: unknown; data: unknown }
  return {
    id,
    type,
    timestamp: typeof timestamp === 'string' ? timestamp : '',
    data,
  } as EventOf<Events>
}

/** The JSON answer for a refusal. */
export function errorResult(error: WebhookReceiverError): WebhookResult {
  return { status: error.status, body: { error: { code: error.code, message: error.message } } }
}

/**
 * Makes a receiver: verifies Standard Webhooks signatures (with every secret given, for
 * rotations), refuses stale or oversized requests, runs each `webhook-id` once, and says
 * what to answer. Options are checked now, so a missing secret fails at start-up.
 *
 * @example
 * import { createReceiver } from '@clockhook/receiver-middleware'
 *
 * const receiver = createReceiver({ secret: process.env.CLOCKHOOK_WEBHOOK_SECRET })
 *   .on('clock.in', async (event) => { await payroll.start(event.data) })
 *   .on(['worker.created', 'worker.updated'], (event) => directory.sync(event.data))
 *
 * const { status, body } = await receiver.handle(rawBody, headers)
 */
export function createReceiver<Events extends object = RegisteredEvents>(
  options: ReceiverOptions,
): Receiver<Events> {
  const { secrets, maxBodyBytes, toleranceSec, dedupe } = checkOptions(options)
  const verifier: Verifier = makeVerifier(secrets, options, toleranceSec)
  const handlers: { types: ReadonlySet<string> | undefined; run: EventHandler<never> }[] = []
  const errorHandlers: ErrorHandler<Events>[] = []

  const report = async (error: WebhookReceiverError, event?: EventOf<Events>) => {
    for (const handler of errorHandlers) {
      try {
        await handler(error, event)
      } catch {}
    }
  }

  const verify = async (rawBody: WebhookPayload, headers: IncomingHeaders) => {
    if (byteLength(rawBody, maxBodyBytes) > maxBodyBytes) throw tooLarge(maxBodyBytes)
    let parsed: unknown
    try {
      parsed = await verifier(rawBody, headers)
    } catch (err) {
      throw verificationFailure(err)
    }
    const id = readHeader(headers, 'webhook-id') ?? readHeader(headers, 'svix-id') ?? ''
    return toEvent<Events>(parsed, id)
  }

  const runHandlers = async (event: EventOf<Events>) => {
    for (const handler of handlers) {
      if (handler.types && !handler.types.has(event.type)) continue
      try {
        await (handler.run as EventHandler<EventOf<Events>>)(event)
      } catch (err) {
        const failure = new WebhookReceiverError(
          'handler_failed',
          `The handler for ${event.type} failed; the sender will retry.`,
          { cause: err },
        )
        await report(failure, event)
        return failure
      }
    }
    return undefined
  }

  const claimDelivery = (event: EventOf<Events>): ClaimedDelivery<Events> => {
    let settled = false
    return {
      kind: 'claimed',
      event,
      runHandlers: () => runHandlers(event),
      async settle(handled) {
        if (settled || !dedupe) return
        settled = true
        try {
          await (handled ? dedupe.commit(event.id) : dedupe.release(event.id))
        } catch (err) {
          await report(
            new WebhookReceiverError('dedupe_failed', 'The dedupe store failed to settle.', {
              cause: err,
            }),
            event,
          )
        }
      },
    }
  }

  const receiver: Receiver<Events> = {
    maxBodyBytes,
    on(types, handler) {
      const list: readonly string[] = typeof types === 'string' ? [types] : types
      handlers.push({ types: new Set(list), run: handler as EventHandler<never> })
      return this
    },
    onAny(handler) {
      handlers.push({ types: undefined, run: handler as EventHandler<never> })
      return this
    },
    onError(handler) {
      errorHandlers.push(handler)
      return this
    },
    verify,
    reject(error) {
      void report(error)
      return errorResult(error)
    },
    async receive(rawBody, headers) {
      let event: EventOf<Events>
      try {
        event = await verify(rawBody, headers)
      } catch (err) {
        if (!(err instanceof WebhookReceiverError)) throw err
        return { kind: 'rejected', error: err, result: receiver.reject(err) }
      }
      if (!dedupe) return claimDelivery(event)
      let claim: Awaited<ReturnType<DedupeStore['claim']>>
      try {
        claim = await dedupe.claim(event.id)
      } catch (err) {
        const error = new WebhookReceiverError('dedupe_failed', 'The dedupe store failed.', {
          cause: err,
        })
        await report(error, event)
        return { kind: 'rejected', error, result: errorResult(error) }
      }
      if (claim === 'handled') return { kind: 'duplicate', result: DUPLICATE }
      if (claim === 'in_progress') {
        const error = new WebhookReceiverError(
          'in_progress',
          `Delivery ${event.id} is being handled by another request; retry later.`,
        )
        return { kind: 'rejected', error, result: errorResult(error) }
      }
      return claimDelivery(event)
    },
    async handle(rawBody, headers) {
      const reception = await receiver.receive(rawBody, headers)
      if (reception.kind !== 'claimed') return reception.result
      const failure = await reception.runHandlers()
      await reception.settle(!failure)
      return failure ? errorResult(failure) : RECEIVED
    },
  }
  return receiver
}

/** Whether a value is a receiver made by `createReceiver` (rather than its options). */
export function isReceiver(value: unknown): value is Receiver<object> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Receiver<object>).receive === 'function' &&
    typeof (value as Receiver<object>).on === 'function'
  )
}

const receiversByOptions = new WeakMap<object, Receiver<object>>()

/**
 * The receiver to use for an adapter's argument: the receiver itself, or one made from
 * options — once per options object, so its dedupe memory outlives a single request.
 */
export function resolveReceiver<Events extends object>(
  source: Receiver<Events> | ReceiverOptions,
): Receiver<Events> {
  if (isReceiver(source)) return source as unknown as Receiver<Events>
  let receiver = receiversByOptions.get(source)
  if (!receiver) {
    receiver = createReceiver<object>(source)
    receiversByOptions.set(source, receiver)
  }
  return receiver as unknown as Receiver<Events>
}
