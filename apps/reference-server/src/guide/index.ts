import type { OpenAPIHono } from '@hono/zod-openapi'
import { integrationGuide } from './content'
import { guideHtml } from './html'
import { guidePdf } from './pdf'

/**
 * `/guide` and `/guide.pdf`: the integration guide, generated from the event catalog,
 * public (it holds no tenant data) and built once per process.
 */
export function registerGuide(app: OpenAPIHono): void {
  let html: string | undefined
  let pdf: Promise<Buffer> | undefined
  app.get('/guide', (c) => {
    html ??= guideHtml(integrationGuide())
    return c.html(html, 200, {
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'",
    })
  })
  app.get('/guide.pdf', async (c) => {
    pdf ??= guidePdf(integrationGuide())
    const bytes = await pdf
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': 'application/pdf',
      'content-disposition': 'inline; filename="clockhook-integration-guide.pdf"',
    })
  })
}
