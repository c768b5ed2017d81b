import { generateSecret, Webhook } from '@clockhook/signer'

let counter = 0

/** A signed Clockhook-style delivery: body, headers, and the secret that signed it. */
export function signed(
  secret: string,
  options: { type?: string; data?: unknown; id?: string; at?: Date; body?: string } = {},
) {
  const id = options.id ?? `msg_test_${++counter}_${Math.random().toString(36).slice(2)}`
  const body =
    options.body ??
    JSON.stringify({
      type: options.type ?? 'clock.in',
      timestamp: '2026-11-24T08:00:00.000Z',
      data: options.data ?? {
        entry_id: 'te_1',
        worker_id: 'wkr_1',
        worker_name: 'Ada',
        clock_in: '2026-11-24T08:00:00.000Z',
        location_id: null,
      },
    })
  const headers = new Webhook(secret).signHeaders(id, options.at ?? new Date(), body)
  return { id, body, headers: { ...headers, 'content-type': 'application/json' } }
}

export { generateSecret }
