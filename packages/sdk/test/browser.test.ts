import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Webhook } from '@clockhook/signer'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from './support'

const CHROMIUM = process.env.CLOCKHOOK_CHROMIUM ?? '/usr/bin/chromium'
const available = existsSync(CHROMIUM)
if (!available) {
  const message = `no Chromium at ${CHROMIUM}: the SDK browser test is SKIPPED.`
  if (process.env.CLOCKHOOK_REQUIRE_BROWSER === '1')
    throw new Error(`${message} CLOCKHOOK_REQUIRE_BROWSER=1 makes this a failure.`)
  console.warn(`\n⚠️  ${message}\n`)
}

const SDK_DIST = fileURLToPath(new URL('../dist/', import.meta.url))
// The signer as a consumer of the SDK resolves it: through the SDK's own node_modules.
const SIGNER_DIST = fileURLToPath(
  new URL('../node_modules/@clockhook/signer/dist/', import.meta.url),
)

const PAGE = `<!doctype html><script type="importmap">
{ "imports": { "@clockhook/sdk": "/sdk/index.js", "@clockhook/signer/verify": "/signer/verify.js" } }
</script>
<script type="module">
import * as sdk from '@clockhook/sdk'
window.sdk = sdk
</script>`

/** Serves the built ESM files and the page, and forwards /v1/* to the API (one origin: no CORS). */
async function startSite(apiUrl: string) {
  const server = createServer(async (req, res) => {
    const url = req.url ?? '/'
    if (url.startsWith('/v1/')) {
      const chunks: Buffer[] = []
      for await (const c of req) chunks.push(c as Buffer)
      const headers = new Headers()
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === 'string' && k !== 'host' && k !== 'connection') headers.set(k, v)
      const upstream = await fetch(apiUrl + url, {
        method: req.method ?? 'GET',
        headers,
        ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
      })
      const out: Record<string, string> = {}
      upstream.headers.forEach((v, k) => {
        if (k !== 'content-length' && k !== 'transfer-encoding' && k !== 'connection') out[k] = v
      })
      return res.writeHead(upstream.status, out).end(Buffer.from(await upstream.arrayBuffer()))
    }
    const [root, rest] = url.startsWith('/sdk/')
      ? [SDK_DIST, url.slice(5)]
      : url.startsWith('/signer/')
        ? [SIGNER_DIST, url.slice(8)]
        : [undefined, '']
    if (root === undefined) return res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE)
    const file = normalize(join(root, rest))
    if (!file.startsWith(root) || !existsSync(file)) return res.writeHead(404).end()
    const type = extname(file) === '.js' ? 'text/javascript' : 'application/json'
    res.writeHead(200, { 'content-type': type }).end(readFileSync(file))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

describe.skipIf(!available)('the built ESM entry in a real browser (Chromium)', () => {
  let api: TestServer
  let site: { server: Server; url: string }
  let browser: Browser

  beforeAll(async () => {
    expect(
      existsSync(join(SDK_DIST, 'index.js')),
      'build first: pnpm --filter @clockhook/sdk build',
    ).toBe(true)
    api = await startTestServer()
    site = await startSite(api.url)
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    })
  })
  afterAll(async () => {
    await browser?.close()
    site?.server.closeAllConnections()
    await new Promise<void>((r) => (site ? site.server.close(() => r()) : r()))
    await api?.close()
  })

  it('calls the API, pages, throws typed errors and verifies webhooks with Web Crypto', async () => {
    const page = await browser.newPage()
    await page.goto(site.url)
    await page.waitForFunction(() => 'sdk' in window)
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
    const body = JSON.stringify({
      type: 'worker.deleted',
      timestamp: new Date().toISOString(),
      data: { worker_id: 'wkr_1', worker_name: 'Ada' },
    })
    const headers = new Webhook(secret).signHeaders('msg_browser', new Date(), body)
    const result = await page.evaluate(
      async ({ apiKey, secret, body, headers }) => {
        // biome-ignore lint/suspicious/noExplicitAny: the module the page loaded, untyped here
        const sdk = (window as any).sdk
        const clockhook = new sdk.Clockhook({ apiKey, baseUrl: location.origin })
        const { data: worker } = await clockhook.workers.create({ name: 'In a browser' })
        const names: string[] = []
        for await (const w of clockhook.workers.list({ limit: 1 })) names.push(w.name)
        const missing = await clockhook.workers.retrieve('wkr_nope').catch((e: Error) => e)
        const event = await clockhook.webhooks.verify(body, headers, secret)
        const tampered = await clockhook.webhooks
          .verify(body.replace('Ada', 'Eve'), headers, secret)
          .catch((e: { name: string; code: string }) => `${e.name}:${e.code}`)
        return {
          worker: worker.name,
          names,
          missing: [missing.name, missing.status, missing.requestId !== null],
          event: [event.id, event.type, event.data.worker_name],
          tampered,
        }
      },
      { apiKey: api.adminKey, secret, body, headers },
    )
    expect(result).toEqual({
      worker: 'In a browser',
      names: ['In a browser'],
      missing: ['NotFoundError', 404, true],
      event: ['msg_browser', 'worker.deleted', 'Ada'],
      tampered: 'WebhookVerificationError:no_matching_signature',
    })
  })
})
