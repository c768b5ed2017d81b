import type { Webhook } from '@clockhook/signer'
import type { WebhookEvent } from '../types'

/** The outcome of forwarding one event to the local URL. */
export type ForwardResult =
  | { ok: true; status: number; ms: number }
  | { ok: false; status: number | undefined; ms: number; error: string }

/**
 * POSTs one event to `url` exactly as a webhook delivery looks: the envelope
 * `{ type, timestamp, data }` as the body, signed with Standard Webhooks headers.
 */
export async function forwardEvent(
  event: WebhookEvent,
  url: string,
  signer: Webhook,
  timeoutMs: number,
): Promise<ForwardResult> {
  const body = JSON.stringify({ type: event.type, timestamp: event.timestamp, data: event.data })
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'clockhook-listen',
        ...signer.signHeaders(event.id, new Date(), body),
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    })
    await res.arrayBuffer()
    if (res.ok) return { ok: true, status: res.status, ms: elapsed() }
    return { ok: false, status: res.status, ms: elapsed(), error: `HTTP ${res.status}` }
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause
    const reason =
      (err as Error).name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : (cause?.code ?? cause?.message ?? (err as Error).message)
    return { ok: false, status: undefined, ms: elapsed(), error: reason }
  }
}
