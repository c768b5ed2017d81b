import { WebhookError } from '../errors'
import type { WebhookPayload } from './bytes'
import { payloadBytes } from './bytes'
import type { Key } from './keys'

export interface SignPrimitives<R> {
  hmac(key: Key & { kind: 'hmac' }, prefix: string, body: Uint8Array | string): R
  ed25519Sign(key: Key & { kind: 'ed25519-secret' }, prefix: string, body: Uint8Array | string): R
}

export function unixSeconds(timestamp: Date): number {
  if (!(timestamp instanceof Date) || Number.isNaN(timestamp.getTime())) {
    throw new WebhookError('invalid_argument', 'timestamp must be a valid Date')
  }
  return Math.floor(timestamp.getTime() / 1000)
}

export function checkMessageId(msgId: string): void {
  if (typeof msgId !== 'string' || msgId.length === 0 || /\s/.test(msgId)) {
    throw new WebhookError('invalid_argument', 'msgId must be a non-empty string without spaces')
  }
}

export interface SignInput {
  prefix: string
  body: Uint8Array | string
}

export function signInput(msgId: string, timestamp: Date, payload: WebhookPayload): SignInput {
  checkMessageId(msgId)
  return { prefix: `${msgId}.${unixSeconds(timestamp)}.`, body: payloadBytes(payload) }
}

/** The `webhook-signature` value: one entry per key that can sign, space-separated. */
export function signSync(
  keys: readonly Key[],
  input: SignInput,
  primitives: SignPrimitives<string>,
): string {
  let header = ''
  for (const key of keys) {
    if (key.kind === 'hmac') header += ` v1,${primitives.hmac(key, input.prefix, input.body)}`
    else if (key.kind === 'ed25519-secret') {
      header += ` v1a,${primitives.ed25519Sign(key, input.prefix, input.body)}`
    }
  }
  return checkedHeader(header)
}

/** `signSync` over async primitives (Web Crypto). */
export async function signAsync(
  keys: readonly Key[],
  input: SignInput,
  primitives: SignPrimitives<Promise<string>>,
): Promise<string> {
  let header = ''
  for (const key of keys) {
    if (key.kind === 'hmac') header += ` v1,${await primitives.hmac(key, input.prefix, input.body)}`
    else if (key.kind === 'ed25519-secret') {
      header += ` v1a,${await primitives.ed25519Sign(key, input.prefix, input.body)}`
    }
  }
  return checkedHeader(header)
}

function checkedHeader(header: string): string {
  if (header === '') {
    throw new WebhookError(
      'invalid_secret',
      'only whpk_ public keys were given: they verify, but signing needs a whsec_ or whsk_ secret',
    )
  }
  return header.slice(1)
}
