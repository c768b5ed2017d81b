import type { HttpClient, HttpResult } from '../http'
import { newId } from '../ids'
import type { Config } from '../options'
import { defaultRender } from '../options'
import { nextRetryDelay, parseRetryAfter } from '../schedule'
import type { SecretBox } from '../secrets'
import { maskHeaders, publicEndpoint } from '../secrets'
import type { AttemptOutcome, ClaimedDelivery, StoredMessage } from '../store/types'
import type { Attempt, AttemptTrigger, DeliveryStatus, Message } from '../types'

const REQUEST_PREVIEW_BYTES = 4096

export const messageOf = ({ isTest: _t, ...m }: StoredMessage): Message => m

/** What one attempt needs: the options, the secrets, and the HTTP client (made on first use). */
export interface AttemptDeps {
  config: Config
  secrets: SecretBox
  http(): HttpClient
}

/**
 * One HTTP attempt of a claimed delivery: render, sign, POST, then classify the answer
 * into the delivery's next state. `undefined` when stop() cut the request short (nothing
 * to record: the delivery is given back).
 */
export async function attemptDelivery(
  deps: AttemptDeps,
  claim: ClaimedDelivery,
  trigger: AttemptTrigger,
): Promise<AttemptOutcome | undefined> {
  const { config, secrets } = deps
  const { delivery, endpoint, message } = claim
  const attemptedAt = config.clock.now()
  const started = performance.now()
  let body = ''
  let headers: Record<string, string> = {}
  let credentials: string[] = []
  let result: HttpResult
  try {
    // the default body reads only the message's fields: no copies of message and endpoint
    body =
      config.render === defaultRender
        ? (defaultRender(message, undefined as never) as string)
        : await config.render(messageOf(message), publicEndpoint(endpoint))
    if (typeof body !== 'string') throw new TypeError('render must return a string')
    const signed = secrets
      .signerFor(endpoint, attemptedAt)
      .signHeaders(message.id, new Date(), body)
    const custom = secrets.headersFor(endpoint)
    credentials = secrets.credentialsFor(endpoint)
    const extra = config.extraHeaders
      ? lowerCased(
          await config.extraHeaders({
            endpoint: publicEndpoint(endpoint),
            message: messageOf(message),
            body,
            secret: secrets.liveSecrets(endpoint, attemptedAt)[0]!.secret,
          }),
        )
      : {}
    const fixed = { 'content-type': 'application/json', 'user-agent': config.userAgent }
    const sent = { ...custom, ...extra, ...fixed, ...signed }
    result = await deps
      .http()
      .post(endpoint.url, sent, body, endpoint.timeoutMs ?? config.timeoutMs)
    // what was sent, with the custom values masked (signatures are no secret)
    headers =
      credentials.length === 0 && isEmpty(custom)
        ? sent
        : { ...maskHeaders(custom), ...extra, ...fixed, ...signed }
  } catch (err) {
    body = ''
    result = {
      httpStatus: null,
      headers: {},
      responsePreview: null,
      errorKind: 'render',
      errorMessage: `could not render or sign the message: ${(err as Error).message}`,
    }
  }
  if (result.aborted) return undefined
  const record: Attempt = {
    id: newId('atm_'),
    deliveryId: delivery.id,
    endpointId: endpoint.id,
    trigger,
    attemptedAt,
    durationMs: Math.round(performance.now() - started),
    succeeded: result.errorKind === null,
    httpStatus: result.httpStatus,
    errorKind: result.errorKind,
    errorMessage: result.errorMessage,
    requestHeaders: headers,
    requestPreview: body.slice(0, REQUEST_PREVIEW_BYTES),
    // a receiver that echoes its request back must not put a credential into the log
    responsePreview: withoutCredentials(result.responsePreview, credentials),
  }
  return {
    deliveryId: delivery.id,
    leaseToken: claim.leaseToken,
    ...classify(config, claim, record, result),
    attempt: record,
  }
}

/**
 * The retry decision: a success is final; a failure is retried on the schedule (no sooner
 * than the receiver's `Retry-After`, capped) until the schedule runs out; a test send or a
 * 410 Gone is never retried.
 */
function classify(
  config: Config,
  { delivery }: ClaimedDelivery,
  attempt: Attempt,
  result: HttpResult,
): { status: DeliveryStatus; nextAttemptAt: number | null } {
  if (attempt.succeeded) return { status: 'succeeded', nextAttemptAt: null }
  const delay =
    delivery.isTest || result.httpStatus === 410
      ? null
      : nextRetryDelay(config.retrySchedule, delivery.attempts + 1, config.jitter)
  if (delay === null) return { status: 'failed', nextAttemptAt: null }
  const header = result.headers['retry-after']
  const retryAfter = parseRetryAfter(Array.isArray(header) ? header[0] : header, Date.now())
  const wait = Math.max(delay, Math.min(retryAfter ?? 0, config.retryAfterCapMs))
  return { status: 'retrying', nextAttemptAt: attempt.attemptedAt + wait }
}

const isEmpty = (o: Record<string, string>) => {
  for (const _ in o) return false
  return true
}

const lowerCased = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))

/** The text with every custom header value (a receiver credential) masked. */
function withoutCredentials(text: string | null, credentials: string[]): string | null {
  if (text === null || credentials.length === 0) return text
  let out = text
  for (const value of credentials) out = out.split(value).join('••••••')
  return out
}
