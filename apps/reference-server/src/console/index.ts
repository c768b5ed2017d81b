import type { OpenAPIHono } from '@hono/zod-openapi'
import { CONSOLE_CSS, CONSOLE_HTML } from './page'
import { CONSOLE_JS } from './script'

/**
 * `/console`: a web console over the JSON API. The API key stays in the tab's
 * sessionStorage; every value is rendered as text (no HTML from data); a strict CSP
 * allows only the console's own script and style.
 */
export function registerConsole(app: OpenAPIHono): void {
  const csp =
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
  app.get('/console', (c) =>
    c.html(CONSOLE_HTML, 200, { 'content-security-policy': csp, 'x-frame-options': 'DENY' }),
  )
  app.get('/console/console.js', (c) =>
    c.body(CONSOLE_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  )
  app.get('/console/console.css', (c) =>
    c.body(CONSOLE_CSS, 200, { 'content-type': 'text/css; charset=utf-8' }),
  )
}
