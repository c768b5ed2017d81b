import { serve } from '@hono/node-server'
import { createApp } from './app.ts'

const app = createApp(process.env.CLOCKHOOK_WEBHOOK_SECRET)

serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 3000), hostname: '127.0.0.1' }, (info) =>
  console.log(`listening on http://127.0.0.1:${info.port}`),
)
