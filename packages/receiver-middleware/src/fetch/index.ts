import { checkContentLength, readLimited } from '../body'
import { WebhookReceiverError } from '../errors'
import type { RegisteredEvents } from '../events'
import {
  type Receiver,
  type ReceiverOptions,
  resolveReceiver,
  type WebhookResult,
} from '../receiver'

export type { Receiver, ReceiverOptions, WebhookResult } from '../receiver'

/** A `WebhookResult` as a JSON `Response`. */
export function toResponse(result: WebhookResult): Response {
  return new Response(JSON.stringify(result.body), {
    status: result.status,
    headers: { 'content-type': 'application/json' },
  })
}

/**
 * Handles a delivery on the Web `Request`/`Response` API: Next.js route handlers, Cloudflare
 * Workers, Deno, Bun. Reads the body counting bytes (413 past `maxBodyBytes`), verifies it,
 * runs the receiver's handlers once per `webhook-id`, and answers JSON. Pass a receiver built
 * once at module level (or an options object defined once: it is reused, with its dedupe memory).
 *
 * @example
 * // app/webhooks/clockhook/route.ts
 * import { createReceiver } from '@clockhook/receiver-middleware'
 * import { handleWebhook } from '@clockhook/receiver-middleware/fetch'
 *
 * const receiver = createReceiver({ secret: process.env.CLOCKHOOK_WEBHOOK_SECRET })
 *   .on('clock.in', async (event) => { await startShift(event.data) })
 *
 * export function POST(request: Request) {
 *   return handleWebhook(request, receiver)
 * }
 */
export async function handleWebhook<Events extends object = RegisteredEvents>(
  request: Request,
  source: Receiver<Events> | ReceiverOptions,
): Promise<Response> {
  const receiver = resolveReceiver(source)
  let body: Uint8Array
  try {
    checkContentLength(request.headers.get('content-length'), receiver.maxBodyBytes)
    body = await readLimited(request.body, receiver.maxBodyBytes)
  } catch (err) {
    if (err instanceof WebhookReceiverError) return toResponse(receiver.reject(err))
    throw err
  }
  return toResponse(await receiver.handle(body, request.headers))
}
