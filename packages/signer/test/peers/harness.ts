// Runs the cases ported from the peers' test suites against one build of the signer:
// the TypeScript source (ESM, through vitest), the built ESM and the built CJS (loaded
// with a plain Node `require`, as a CommonJS user would). Every verification is made
// three ways — `verify`, `verifyAsync` and the verify-only entry's `createVerifier` —
// and the three must agree.
import { createHmac } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { expect } from 'vitest'
import * as sourceMain from '../../src/index'
import * as sourceVerify from '../../src/verify'

export type Main = typeof sourceMain
export type VerifyEntry = typeof sourceVerify

export interface Build {
  name: string
  main: Main
  edge: VerifyEntry
}

const dist = (file: string) => fileURLToPath(new URL(`../../dist/${file}`, import.meta.url))

/** The three builds. The dist ones need `pnpm build` (turbo runs it before `test`). */
export async function loadBuilds(): Promise<Build[]> {
  for (const file of ['index.js', 'index.cjs', 'verify.js', 'verify.cjs']) {
    if (!existsSync(dist(file))) {
      throw new Error(`dist/${file} is missing: run \`pnpm --filter @clockhook/signer build\``)
    }
  }
  const require = createRequire(import.meta.url)
  const esm = (file: string) => import(/* @vite-ignore */ pathToFileURL(dist(file)).href)
  return [
    { name: 'source (ESM)', main: sourceMain, edge: sourceVerify },
    {
      name: 'dist (ESM)',
      main: (await esm('index.js')) as Main,
      edge: (await esm('verify.js')) as VerifyEntry,
    },
    {
      // the files the package's `exports` "require" condition names (the test runner adds
      // the `@clockhook/source` condition, so the specifier would resolve to src here)
      name: 'dist (CJS)',
      main: require(dist('index.cjs')) as Main,
      edge: require(dist('verify.cjs')) as VerifyEntry,
    },
  ]
}

// The peers' shared fixture (every language's suite uses it).
export const MSG_ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek'
export const PAYLOAD = '{"test": 2432232314}'
export const SECRET = 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
export const TOLERANCE = 300
/** A fixed "now", half a second past a whole second, as a real clock usually is. */
export const NOW_MS = 1_760_000_000_500
export const NOW = Math.floor(NOW_MS / 1000)

/** HMAC-SHA256 computed independently of the signer, as the peers' test helpers do. */
export function referenceSignature(
  secret: string,
  id: string,
  timestamp: number | string,
  payload: string,
) {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64')
  return createHmac('sha256', key).update(`${id}.${timestamp}.${payload}`).digest('base64')
}

/** The peers' `TestPayload`: a correctly signed message at `timestamp`. */
export function testPayload(
  options: {
    timestamp?: number
    payload?: string
    secret?: string
    brand?: 'webhook' | 'svix'
  } = {},
) {
  const timestamp = options.timestamp ?? NOW
  const payload = options.payload ?? PAYLOAD
  const secret = options.secret ?? SECRET
  const brand = options.brand ?? 'webhook'
  const signature = referenceSignature(secret, MSG_ID, timestamp, payload)
  const header: Record<string, unknown> = {
    [`${brand}-id`]: MSG_ID,
    [`${brand}-signature`]: `v1,${signature}`,
    [`${brand}-timestamp`]: String(timestamp),
  }
  return { id: MSG_ID, timestamp, payload, secret, signature, header }
}

export type Outcome =
  | { ok: true; value: unknown }
  | { ok: false; name: string; code: string; message: string; verificationError: boolean }

export interface VerifyCall {
  secret?: string | Uint8Array
  payload: string | Uint8Array
  headers: unknown
  tolerance?: number
  nowMs?: number
  jsonParse?: boolean
}

function settle(build: Build, error: unknown): Outcome {
  if (!(error instanceof Error)) throw error
  const code = (error as { code?: unknown }).code
  return {
    ok: false,
    name: error.name,
    code: typeof code === 'string' ? code : '(none)',
    message: error.message,
    verificationError: error instanceof build.main.WebhookVerificationError,
  }
}

/** Verifies sync, async and on the edge entry; fails the test unless all three agree. */
export async function verifyAll(build: Build, call: VerifyCall): Promise<Outcome> {
  const secret = call.secret ?? SECRET
  const options = { now: () => call.nowMs ?? NOW_MS, tolerance: call.tolerance }
  const verifyOptions = call.jsonParse === undefined ? undefined : { jsonParse: call.jsonParse }
  const headers = call.headers as Parameters<Main['Webhook']['prototype']['verify']>[1]
  const attempts: Array<() => unknown> = [
    () => new build.main.Webhook(secret, options).verify(call.payload, headers, verifyOptions),
    () => new build.main.Webhook(secret, options).verifyAsync(call.payload, headers, verifyOptions),
    () => build.edge.createVerifier(secret, options)(call.payload, headers, verifyOptions),
  ]
  const outcomes: Outcome[] = []
  for (const attempt of attempts) {
    try {
      outcomes.push({ ok: true, value: await attempt() })
    } catch (error) {
      outcomes.push(settle(build, error))
    }
  }
  expect(outcomes[1], 'verifyAsync disagrees with verify').toEqual(outcomes[0])
  expect(outcomes[2], 'the verify-only entry disagrees with verify').toEqual(outcomes[0])
  return outcomes[0]!
}

/** Expects a `WebhookVerificationError` whose message starts with the peers' text. */
export async function expectRejected(
  build: Build,
  call: VerifyCall,
  reference: string,
  code?: string,
): Promise<Outcome> {
  const outcome = await verifyAll(build, call)
  expect(outcome).toMatchObject({ ok: false, verificationError: true })
  if (outcome.ok) throw new Error('unreachable')
  expect(outcome.message.startsWith(`${reference}: `), outcome.message).toBe(true)
  if (code) expect(outcome.code).toBe(code)
  return outcome
}

export async function expectAccepted(build: Build, call: VerifyCall): Promise<unknown> {
  const outcome = await verifyAll(build, call)
  expect(outcome, outcome.ok ? '' : outcome.message).toMatchObject({ ok: true })
  return outcome.ok ? outcome.value : undefined
}

export const MISSING = 'Missing required headers'
export const INVALID_HEADERS = 'Invalid Signature Headers'
export const TOO_OLD = 'Message timestamp too old'
export const TOO_NEW = 'Message timestamp too new'
export const NO_MATCH = 'No matching signature found'
