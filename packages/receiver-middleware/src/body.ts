import { WebhookReceiverError } from './errors'

export function tooLarge(maxBodyBytes: number): WebhookReceiverError {
  return new WebhookReceiverError(
    'payload_too_large',
    `The request body is larger than the receiver's limit of ${maxBodyBytes} bytes.`,
  )
}

/** Throws `payload_too_large` when a `content-length` header already says too much. */
export function checkContentLength(value: string | null | undefined, maxBodyBytes: number): void {
  if (value == null) return
  const length = Number(value)
  if (Number.isFinite(length) && length > maxBodyBytes) throw tooLarge(maxBodyBytes)
}

/**
 * Reads a Web stream to its end, counting bytes: stops and cancels the stream at
 * `maxBodyBytes`, so a large body is never held in memory.
 */
export async function readLimited(
  stream: ReadableStream<Uint8Array> | null,
  maxBodyBytes: number,
): Promise<Uint8Array> {
  if (!stream) return new Uint8Array(0)
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBodyBytes) {
      await reader.cancel().catch(() => {})
      throw tooLarge(maxBodyBytes)
    }
    chunks.push(value)
  }
  if (chunks.length === 1) return chunks[0]!
  const body = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}
