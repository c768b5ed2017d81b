import { WebhookError } from '../errors'

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/

export function encodeBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!)
  return btoa(binary)
}

/** Decodes standard base64 (padding optional); anything else is an `invalid_secret` error. */
export function decodeBase64(text: string, what: string): Uint8Array {
  if (!STRICT_BASE64.test(text)) {
    throw new WebhookError(`${what} is not valid base64`, { code: 'invalid_secret' })
  }
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export function base64UrlToBase64(text: string): string {
  return text.replace(/-/g, '+').replace(/_/g, '/')
}
