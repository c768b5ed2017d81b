import type { WebhookPayload } from './internal/bytes'
import { checkTolerance } from './internal/checks'
import { createWebEngine } from './internal/engine-web'
import type { WebhookHeaders } from './internal/headers'
import type { KeyFormat, WebhookSecret } from './internal/keys'
import { parseKeys } from './internal/keys'
import type { VerifyOptions } from './internal/verify-flow'
import { runAsync, verifySteps } from './internal/verify-flow'

export type { WebhookErrorCode, WebhookErrorOptions, WebhookVerificationErrorCode } from './errors'
export { WebhookError, WebhookVerificationError } from './errors'
export type { WebhookHeaders, WebhookHeaderValue } from './internal/headers'
export type { VerifyOptions, WebhookPayload, WebhookSecret }

export interface VerifierOptions extends KeyFormat {
  /** How far `webhook-timestamp` may be from now, in seconds, either way. Default 300. */
  tolerance?: number
  /** The current time in milliseconds; for tests. Default `Date.now`. */
  now?: () => number
}

/**
 * Verifies a request and resolves to its parsed JSON body (`undefined` when empty, or
 * with `{ jsonParse: false }`).
 */
export type Verifier = <T = unknown>(
  payload: WebhookPayload,
  headers: WebhookHeaders,
  options?: VerifyOptions,
) => Promise<T>

/**
 * A verifier for edge runtimes (Workers, Deno, Bun, browsers): Web Crypto only, no Node
 * APIs. Secrets are parsed and imported once, then reused for every request. `secret` may
 * be `undefined` (an unset environment variable): that throws `invalid_secret` here.
 *
 * @example
 * import { createVerifier, type Verifier } from '@clockhook/signer/verify'
 * let verify: Verifier | undefined
 * export default {
 *   async fetch(req: Request, env: { WEBHOOK_SECRET: string }) {
 *     verify ??= createVerifier(env.WEBHOOK_SECRET)
 *     const event = await verify(await req.text(), req.headers)
 *     return new Response(null, { status: 204 })
 *   },
 * }
 */
export function createVerifier(
  secret: WebhookSecret | readonly (WebhookSecret | undefined)[] | undefined,
  options: VerifierOptions = {},
): Verifier {
  const keys = parseKeys(secret, options)
  const toleranceSeconds = checkTolerance(options.tolerance)
  const now = options.now ?? Date.now
  const engine = createWebEngine()
  const derived = new WeakMap<object, Promise<Uint8Array>>()
  const primitives = {
    hmac: engine.hmac,
    ed25519Verify: engine.ed25519Verify,
    publicKeyOf(key: { seed: Uint8Array; publicKey: Uint8Array | undefined }) {
      if (key.publicKey) return key.publicKey
      let pending = derived.get(key)
      if (!pending) {
        pending = engine.ed25519PublicKey(key.seed)
        derived.set(key, pending)
      }
      return pending
    },
  }
  return async function verifyWebhookRequest<T>(
    payload: WebhookPayload,
    headers: WebhookHeaders,
    verifyOptions?: VerifyOptions,
  ) {
    const jsonParse = verifyOptions?.jsonParse !== false
    const input = { keys, payload, headers, nowMs: now(), toleranceSeconds, jsonParse }
    return (await runAsync(verifySteps(input, primitives))) as T
  }
}

/**
 * One-shot verification on Web Crypto. Prefer `createVerifier` when verifying many requests.
 *
 * @example
 * // in a Worker's fetch(req, env):
 * const event = await verifyWebhook(await req.text(), req.headers, env.WEBHOOK_SECRET)
 */
export function verifyWebhook<T = unknown>(
  payload: WebhookPayload,
  headers: WebhookHeaders,
  secret: WebhookSecret | readonly (WebhookSecret | undefined)[] | undefined,
  options?: VerifierOptions & VerifyOptions,
): Promise<T> {
  return createVerifier(secret, options)<T>(payload, headers, options)
}
