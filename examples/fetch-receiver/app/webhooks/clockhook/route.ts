// A Next.js App Router route handler: app/webhooks/clockhook/route.ts.
// The same POST function works in a Cloudflare Worker, Deno.serve or Bun.serve.
import { createReceiver } from '@clockhook/receiver-middleware'
import { handleWebhook } from '@clockhook/receiver-middleware/fetch'

// Built once per process, so its dedupe memory spans requests.
const receiver = createReceiver({ secret: process.env.CLOCKHOOK_WEBHOOK_SECRET })
  .on(['clock.in', 'clock.out'], (event) => {
    console.log(`${event.type} ${JSON.stringify(event.data)} (${event.id})`)
  })
  .on('worker.created', (event) => {
    console.log(`${event.type} (${event.id})`)
  })
  .onError((error) => {
    console.error(`refused a delivery: ${error.status} ${error.code}`)
  })

export function POST(request: Request): Promise<Response> {
  return handleWebhook(request, receiver)
}
