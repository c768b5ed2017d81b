import { verifyWebhooks } from '@clockhook/receiver-middleware/hono'
import { Hono } from 'hono'

/** The app, runtime-free: `server.ts` serves it on Node; `export default app` works on Workers, Deno and Bun. */
export function createApp(secret: string | undefined) {
  const app = new Hono()
  app.post('/webhooks', verifyWebhooks({ secret }), async (c) => {
    const event = c.get('webhook')
    if (event.type === 'clock.in' || event.type === 'clock.out') {
      console.log(`${event.type} ${JSON.stringify(event.data)} (${event.id})`)
    } else {
      console.log(`${event.type} (${event.id})`)
    }
    // The raw body is still there for anything that needs it (an audit log, a queue).
    const raw = await c.req.text()
    return c.json({ stored_bytes: raw.length })
  })
  return app
}
