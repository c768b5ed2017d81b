import { decodeBase64 } from './base64'
import type { WebhookPayload } from './bytes'
import { constantTimeEqual, payloadBytes } from './bytes'
import { checkTimestamp, noMatch, parsePayload, signatureEntries } from './checks'
import type { WebhookHeaders } from './headers'
import { readWebhookHeaders } from './headers'
import type { Key } from './keys'

/**
 * Per-call options of `verify` (the `standardwebhooks` shape).
 *
 * @example
 * wh.verify(rawBody, req.headers, { jsonParse: false }) // signature checked, body left as is
 */
export interface VerifyOptions {
  /**
   * `false`: only check the signature and return `undefined`, leaving the body unparsed
   * (as in `standardwebhooks`), e.g. for a body that is not JSON. Default `true`.
   */
  jsonParse?: boolean
}

/** The primitives a verification needs, sync (`T = R`) or async (`T = Promise<R>`). */
export interface VerifyPrimitives {
  hmac(
    key: Key & { kind: 'hmac' },
    prefix: string,
    body: Uint8Array | string,
  ): string | Promise<string>
  ed25519Verify(
    publicKey: Uint8Array,
    prefix: string,
    body: Uint8Array | string,
    signature: Uint8Array,
  ): boolean | Promise<boolean>
  publicKeyOf(key: Key & { kind: 'ed25519-secret' }): Uint8Array | Promise<Uint8Array>
}

export interface VerifyInput {
  keys: readonly Key[]
  payload: WebhookPayload
  headers: WebhookHeaders
  nowMs: number
  toleranceSeconds: number
  /** `false`: verify only, resolve to `undefined` without parsing (as `standardwebhooks`). */
  jsonParse: boolean
}

function decodeSignature(text: string): Uint8Array | undefined {
  try {
    return decodeBase64(text, 'signature')
  } catch {
    return undefined
  }
}

/**
 * The one verification procedure, written once as a generator: each primitive call is
 * yielded, so the sync driver passes results straight back and the async one awaits them.
 */
export function* verifySteps(
  input: VerifyInput,
  primitives: VerifyPrimitives,
): Generator<unknown, unknown, unknown> {
  const headers = readWebhookHeaders(input.headers)
  const body = payloadBytes(input.payload)
  checkTimestamp(headers.timestamp, input.nowMs, input.toleranceSeconds)
  const prefix = `${headers.id}.${headers.timestamp}.`
  const { v1, v1a } = signatureEntries(headers.signature)

  for (const key of input.keys) {
    if (key.kind === 'hmac') {
      if (v1.length === 0) continue
      const expected = (yield primitives.hmac(key, prefix, body)) as string
      let matched = false
      for (const candidate of v1) matched = constantTimeEqual(expected, candidate) || matched
      if (matched) return input.jsonParse ? parsePayload(body) : undefined
    } else if (v1a.length > 0) {
      const publicKey =
        key.kind === 'ed25519-public'
          ? key.publicKey
          : ((yield primitives.publicKeyOf(key)) as Uint8Array)
      for (const candidate of v1a) {
        const signature = decodeSignature(candidate)
        if (signature?.length !== 64) continue
        if ((yield primitives.ed25519Verify(publicKey, prefix, body, signature)) as boolean) {
          return input.jsonParse ? parsePayload(body) : undefined
        }
      }
    }
  }
  throw noMatch(headers.signature)
}

export function runSync<R>(steps: Generator<unknown, R, unknown>): R {
  let next = steps.next()
  while (!next.done) next = steps.next(next.value)
  return next.value
}

export async function runAsync<R>(steps: Generator<unknown, R, unknown>): Promise<R> {
  let next = steps.next()
  while (!next.done) next = steps.next(await next.value)
  return next.value
}
