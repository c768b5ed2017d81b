import { WebhookError } from '../errors'
import type { WebhookPayload } from './bytes'
import { payloadBytes } from './bytes'
import type { Key } from './keys'

export interface SignPrimitives<R> {
  hmac(key: Key & { kind: 'hmac' }, prefix: string, body: Uint8Array | string): R
  ed25519Sign(key: Key & { kind: 'ed25519-secret' }, prefix: string, body: Uint8Array | string): R
}

export function unixSeconds(timestamp: Date): number {
  if (!(timestamp instanceof Date) || !(timestamp.getTime() >= 0)) {
    throw new WebhookError(
      'timestamp must be a valid Date, not before 1970 (webhook-timestamp holds whole seconds since the epoch)',
      { code: 'invalid_argument' },
    )
  }
  return Math.floor(timestamp.getTime() / 1000)
}

/** A message id as given to `sign`: text, or a number (signed as its decimal text, like the peers). */
export type MessageId = string | number | bigint

/** The id as signed: numbers become their decimal text; empty or whitespace-holding ids are refused. */
export function messageIdText(msgId: MessageId): string {
  const id =
    typeof msgId === 'string'
      ? msgId
      : (typeof msgId === 'number' && Number.isFinite(msgId)) || typeof msgId === 'bigint'
        ? String(msgId)
        : undefined
  if (id === undefined || id.length === 0 || /\s/.test(id)) {
    throw new WebhookError(
      'msgId must be a non-empty string (or a finite number) without whitespace: it is sent as the webhook-id header',
      { code: 'invalid_argument' },
    )
  }
  return id
}

export interface SignInput {
  prefix: string
  body: Uint8Array | string
}

export function signInput(msgId: MessageId, timestamp: Date, payload: WebhookPayload): SignInput {
  return {
    prefix: `${messageIdText(msgId)}.${unixSeconds(timestamp)}.`,
    body: payloadBytes(payload),
  }
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
      'only whpk_ public keys were given: they verify, but signing needs a whsec_ or whsk_ secret',
      { code: 'invalid_secret' },
    )
  }
  return header.slice(1)
}
