// Serves the route handler on Node, the way Next.js would: Web Request in, Response out.
import { serve } from '@hono/node-server'
import { POST } from './app/webhooks/clockhook/route.ts'

function route(request: Request): Promise<Response> | Response {
  const { pathname } = new URL(request.url)
  if (pathname !== '/webhooks/clockhook') return new Response('not found', { status: 404 })
  if (request.method !== 'POST')
    return new Response(null, { status: 405, headers: { allow: 'POST' } })
  return POST(request)
}

serve({ fetch: route, port: Number(process.env.PORT ?? 3000), hostname: '127.0.0.1' }, (info) =>
  console.log(`listening on http://127.0.0.1:${info.port}`),
)
