import { WebhookError } from '../errors'

/** What a webhook body may be given as: the raw bytes, never parsed JSON. */
export type WebhookPayload = string | Uint8Array | ArrayBuffer

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: false })

export function utf8(text: string): Uint8Array {
  return encoder.encode(text)
}

export function payloadBytes(payload: WebhookPayload): Uint8Array | string {
  if (typeof payload === 'string') return payload
  if (payload instanceof Uint8Array) return payload
  if (payload instanceof ArrayBuffer) return new Uint8Array(payload)
  throw new WebhookError(
    'payload must be the raw body as a string, Uint8Array or ArrayBuffer (not parsed JSON)',
    { code: 'invalid_argument' },
  )
}

/** The bytes that get signed: `{id}.{timestamp}.{body}`. */
export function signedContent(prefix: string, body: Uint8Array | string): Uint8Array {
  if (typeof body === 'string') return encoder.encode(prefix + body)
  const head = encoder.encode(prefix)
  const out = new Uint8Array(head.length + body.length)
  out.set(head, 0)
  out.set(body, head.length)
  return out
}

export function payloadText(body: Uint8Array | string): string {
  return typeof body === 'string' ? body : decoder.decode(body)
}

/** Compares two strings in time that depends only on their length. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}
