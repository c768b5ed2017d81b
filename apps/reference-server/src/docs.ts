import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { OpenAPIHono } from '@hono/zod-openapi'

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Clockhook API reference</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="reference"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>
  window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#reference', deepLinking: true })
</script>
</body>
</html>`

/** `/docs`: the API reference, served from node_modules (works offline, no CDN). */
export function registerDocs(app: OpenAPIHono): void {
  const dir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))
  const cache = new Map<string, string>()
  app.get('/docs', (c) => c.html(PAGE))
  app.get('/docs/assets/:file', (c) => {
    const file = c.req.param('file')
    const type = ASSETS[file]
    if (!type) return c.notFound()
    let text = cache.get(file)
    if (text === undefined) {
      text = readFileSync(join(dir, file), 'utf8')
      cache.set(file, text)
    }
    return c.body(text, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' })
  })
}
