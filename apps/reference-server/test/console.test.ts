import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../src/index'
import { loadConfig, startServer } from '../src/index'

const CHROMIUM = process.env.CLOCKHOOK_CHROMIUM ?? '/usr/bin/chromium'
const available = existsSync(CHROMIUM)
if (!available) {
  const message = `no Chromium at ${CHROMIUM}: the console browser test is SKIPPED (apt-get install chromium).`
  if (process.env.CLOCKHOOK_REQUIRE_BROWSER === '1')
    throw new Error(`${message} CLOCKHOOK_REQUIRE_BROWSER=1 makes this a failure.`)
  console.warn(`\n⚠️  ${message}\n`)
}

const ADMIN = 'ck_console_admin_key_long_enough_0123456789'

describe.skipIf(!available)('the web console, in a real browser', () => {
  let dir: string
  let server: RunningServer
  let receiver: Server
  let receiverUrl: string
  let browser: Browser
  const received: string[] = []

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clockhook-console-'))
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c) => chunks.push(c))
      req.on('end', () => {
        received.push(Buffer.concat(chunks).toString())
        res.writeHead(204).end()
      })
    })
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`
    server = await startServer(
      loadConfig({
        PORT: '0',
        CLOCKHOOK_DATA_DIR: dir,
        CLOCKHOOK_BOOTSTRAP_ADMIN_KEY: ADMIN,
        CLOCKHOOK_ALLOW_PRIVATE_URLS: '1',
      }),
      { info() {}, warn() {}, error() {} },
      () => {},
    )
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    })
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    receiver?.closeAllConnections()
    await new Promise<void>((r) => receiver.close(() => r()))
    rmSync(dir, { recursive: true, force: true })
  })

  it('signs in, adds a webhook, clocks a worker in and shows the delivery', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${server.url}/console`)

    await page.fill('#api-key', 'ck_wrong')
    await page.click('#sign-in-form button')
    await expect.poll(() => page.textContent('#sign-in-error')).toContain('unknown or revoked')

    await page.fill('#api-key', ADMIN)
    await page.click('#sign-in-form button')
    await page.waitForSelector('#app:not([hidden])')

    await page.fill('#webhook-form input[name=name]', 'Payroll <b>inc</b>')
    await page.fill('#webhook-form input[name=url]', receiverUrl)
    await page.check('#event-choices input[value="clock.in"]')
    await page.click('#webhook-form button[type=submit]')
    await page.waitForSelector('#secret-box:not([hidden])')
    expect(await page.textContent('#secret-value')).toMatch(/^whsec_/)
    // names are text, never HTML
    expect(await page.textContent('#webhooks tbody')).toContain('Payroll <b>inc</b>')
    expect(await page.locator('#webhooks tbody b').count()).toBe(0)

    await page.click('nav button[data-tab=workers]')
    await page.fill('#worker-form input[name=name]', 'Ada')
    await page.click('#worker-form button[type=submit]')
    await page.click('#workers tbody tr:has-text("Ada") button:has-text("Clock in")')
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(1)
    expect(JSON.parse(received[0]!).type).toBe('clock.in')

    await page.click('nav button[data-tab=webhooks]')
    await page.click('#webhooks tbody tr button:has-text("Deliveries")')
    await expect.poll(() => page.textContent('#deliveries tbody')).toContain('succeeded')

    await page.click('#webhooks tbody tr button:has-text("Send test")')
    await expect.poll(() => page.textContent('#test-result')).toContain('succeeded (HTTP 204)')

    await page.click('nav button[data-tab=audit]')
    await expect.poll(() => page.textContent('#audit tbody')).toContain('webhook.created')
    await page.screenshot({ path: join(dir, 'console.png'), fullPage: true })
    expect(errors).toEqual([])
  }, 60_000)
})
