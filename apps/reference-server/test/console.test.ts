import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
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
/** Screenshots of every page at both widths (git-ignored). */
const SHOTS =
  process.env.CLOCKHOOK_SCREENSHOTS ?? new URL('../screenshots', import.meta.url).pathname
const WIDTHS = [1280, 390] as const
/** `expect.poll` with room for a slow, shared CI machine. */
const poll = <T>(check: () => T | Promise<T>) =>
  expect.poll(check, { timeout: 15_000, interval: 100 })

describe.skipIf(!available)('the web console, in a real browser', () => {
  let dir: string
  let server: RunningServer
  let receiver: Server
  let receiverUrl: string
  let browser: Browser
  const received: { headers: Record<string, unknown>; body: string }[] = []

  const api = async (method: string, path: string, body?: unknown, key = ADMIN) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null }
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clockhook-console-'))
    mkdirSync(SHOTS, { recursive: true })
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c) => chunks.push(c))
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString() })
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
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

  /** A fresh browser profile at a width, with the clipboard allowed; page errors collected. */
  async function open(
    width: number,
  ): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      permissions: ['clipboard-read', 'clipboard-write'],
    })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => {
      // API errors the walk provokes on purpose (401, 400) are network lines, not page errors
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
        errors.push(m.text())
    })
    return { context, page, errors }
  }
  const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText())

  it('walks the first-time setup as an administrator would, and a partner through a portal link', async () => {
    const { context, page, errors } = await open(1280)
    await page.goto(`${server.url}/console`)

    // sign in (a wrong key first)
    await page.fill('#api-key', 'ck_wrong')
    await page.click('#sign-in-form button')
    await poll(() => page.textContent('#sign-in-error')).toContain('Unknown or revoked')
    await page.fill('#api-key', ADMIN)
    await page.click('#sign-in-form button')
    await page.waitForSelector('#app:not([hidden])')
    await page.waitForSelector('#keys tbody tr')

    // generate a key: shown once, copied, closed by "I've saved my key"
    await page.click('#generate-key')
    await page.fill('#key-name', 'Payroll export')
    await page.check('#key-scopes input[value="webhooks:read"]')
    await page.check('#key-scopes input[value="events:read"]')
    await page.click('#key-create-form button[type=submit]')
    await page.waitForSelector('#dlg-secret[open]')
    const payrollKey = await page.inputValue('#dlg-secret-value')
    expect(payrollKey).toMatch(/^ck_/)
    await page.click('#dlg-secret-copy')
    await poll(() => page.textContent('#dlg-secret-copied')).toContain('Copied')
    expect(await clipboard(page)).toBe(payrollKey)
    await page.keyboard.press('Escape') // the one-time dialog stays until the button is used
    expect(await page.isVisible('#dlg-secret')).toBe(true)
    await page.click('#dlg-secret-done')
    await page.waitForSelector('#dlg-secret', { state: 'hidden' })
    await expect
      .poll(() => page.textContent('#keys tbody tr:has-text("Payroll export")'))
      .toContain('Active')
    expect((await api('GET', '/v1/webhooks', undefined, payrollKey)).status).toBe(200)

    // a webhook: the API's field errors are readable; then created disabled, to a receiver on 127.0.0.1
    await page.click('#add-webhook')
    await page.fill('#wh-name', 'Payroll <b>inc</b>')
    await page.fill('#wh-url', receiverUrl)
    expect(await page.textContent('#wh-url-advice')).toContain('unencrypted')
    await page.click('#wh-submit')
    await poll(() => page.textContent('#wh-error')).toMatch(/events: .*1/)
    await poll(() => page.textContent('.toast.error')).toMatch(/events: /)
    await page.check('#wh-events input[value="clock.in"]')
    await page.check('#wh-events input[value="time_entry.updated"]')
    await page.uncheck('#wh-enabled')
    await page.click('#wh-submit')
    await page.waitForSelector('#dlg-secret[open]')
    const secret = await page.inputValue('#dlg-secret-value')
    expect(secret).toMatch(/^whsec_/)
    await page.click('#dlg-secret-done')
    const card = page.locator('article.webhook', { hasText: 'Payroll <b>inc</b>' })
    await poll(() => card.locator('.badge').first().textContent()).toBe('Disabled')
    expect(await page.locator('#webhook-list b').count()).toBe(0) // names are text, never HTML
    await poll(() => page.textContent('.toast.warn')).toContain('unencrypted')

    // send a test: the notification next to the button shows the HTTP status
    await card.locator('button.send-test').click()
    await poll(() => card.locator('.result').textContent()).toContain('HTTP 200')
    expect(JSON.parse(received[0]!.body).type).toBe('webhook.test')

    // enable it, clock a worker in through the API: SUCCESS after Refresh
    await card.locator('input[aria-label=Enabled]').check()
    await poll(() => card.locator('.badge').first().textContent()).toBe('Active')
    const worker = (await api('POST', '/v1/workers', { name: 'Ada' })).body
    await api('POST', '/v1/time-entries/clock-in', { worker_id: worker.id })
    await poll(() => received.length).toBe(2)
    const row = page.locator('#deliveries tbody tr', { hasText: 'clock.in' })
    await poll(async () => {
      await page.click('#refresh-deliveries')
      return (await row.count()) > 0 ? row.locator('.badge').first().textContent() : ''
    }).toBe('SUCCESS')
    expect(await page.textContent('#deliveries tbody tr:has-text("webhook.test")')).toContain(
      'TEST',
    )

    // its detail: every attempt with request and response, and the payload
    await row.locator('button:has-text("Details")').click()
    await page.waitForSelector('#dlg-delivery[open]')
    expect(await page.textContent('#delivery-attempts')).toContain('HTTP 200')
    expect(await page.textContent('#delivery-payload')).toContain('"worker_name": "Ada"')
    await page.click('#dlg-delivery button[data-close]')

    // reveal (audited) and copy the secret
    await card.locator('button[aria-label^="Reveal"]').click()
    await poll(() => card.locator('code[id^=secret-]').textContent()).toBe(secret)
    expect(await card.locator('button[aria-label^="Reveal"]').getAttribute('aria-pressed')).toBe(
      'true',
    )
    await card.locator('button[aria-label^="Copy"]').click()
    await poll(() => clipboard(page)).toBe(secret)
    const audit = (await api('GET', '/v1/audit-log')).body.data
    expect(audit.map((a: { action: string }) => a.action)).toContain('webhook.secret_revealed')

    // regenerate the key: the button stays disabled until REGENERATE is typed
    await page.click('#keys tbody tr:has-text("Payroll export") button:has-text("Regenerate")')
    await page.waitForSelector('#dlg-confirm[open]')
    expect(await page.textContent('#dlg-confirm')).toContain('stops working at once')
    expect(await page.isDisabled('#dlg-confirm-ok')).toBe(true)
    await page.fill('#dlg-confirm-input', 'regenerate')
    expect(await page.isDisabled('#dlg-confirm-ok')).toBe(true)
    await page.fill('#dlg-confirm-input', 'REGENERATE')
    expect(await page.isDisabled('#dlg-confirm-ok')).toBe(false)
    await page.click('#dlg-confirm-ok')
    await page.waitForSelector('#dlg-secret[open]')
    const newKey = await page.inputValue('#dlg-secret-value')
    await page.click('#dlg-secret-done')
    expect((await api('GET', '/v1/webhooks', undefined, payrollKey)).status).toBe(401)
    expect((await api('GET', '/v1/webhooks', undefined, newKey)).status).toBe(200)

    // edit: delivery tuning and a custom header; then rotate the secret with a grace period
    await card.locator('button:has-text("Edit")').click()
    await page.waitForSelector('#dlg-webhook[open]')
    expect(await page.isChecked('#wh-events input[value="clock.in"]')).toBe(true)
    await page.fill('#wh-rate', '5')
    await page.check('#wh-ordered')
    await page.fill('#wh-headers', 'X-Payroll-Tenant: acme')
    await page.click('#wh-submit')
    await poll(() => card.textContent()).toContain('in order · 5/s')
    expect(await card.textContent()).toContain('x-payroll-tenant')
    await card.locator('button:has-text("Rotate secret")').click()
    await page.selectOption('#rotate-grace', '3600')
    await page.click('#rotate-form button[type=submit]')
    await page.waitForSelector('#dlg-secret[open]')
    const rotated = await page.inputValue('#dlg-secret-value')
    expect(rotated).toMatch(/^whsec_/)
    expect(rotated).not.toBe(secret)
    await page.click('#dlg-secret-done')
    const secrets = (
      await api('GET', `/v1/webhooks/${(await card.getAttribute('data-id'))!}/secret`)
    ).body
    expect(secrets.secret).toBe(rotated)
    expect(secrets.previous.map((p: { secret: string }) => p.secret)).toEqual([secret])

    // workers: clocking out shows what happened next to the worker
    await page.click('.tabs a[data-page=workers]')
    await page.click('#workers tbody tr:has-text("Ada") button:has-text("Clock out")')
    await expect
      .poll(() => page.textContent('#workers tbody tr:has-text("Ada")'))
      .toMatch(/Clocked out at .* \(0 min\)/)
    await page.click('#workers tbody tr:has-text("Ada") button:has-text("Clock out")')
    await poll(() => page.textContent('#toasts')).toContain('not clocked in')

    // settings: the default payload version, saved and audited
    await page.click('.tabs a[data-page=settings]')
    await page.waitForSelector('#portal-webhooks input')
    await page.selectOption('#set-version', '2')
    await page.click('#settings-form button[type=submit]')
    await poll(() => page.textContent('#toasts')).toContain('Settings saved')
    expect((await api('GET', '/v1/settings')).body.default_version).toBe(2)

    // a portal link for the first webhook only, opened in a fresh browser profile
    await api('POST', '/v1/webhooks', {
      name: 'Internal BI',
      url: receiverUrl,
      events: ['clock.out'],
    })
    await page.check('#portal-webhooks label:has-text("Payroll") input')
    await page.click('#portal-form button[type=submit]')
    await page.waitForSelector('#portal-result:not([hidden])')
    const portalUrl = await page.inputValue('#portal-url')
    expect(portalUrl).toContain('/console#portal=ckp_')

    const partner = await open(1280)
    await partner.page.goto(portalUrl)
    await partner.page.waitForSelector('#webhook-list article')
    expect(await partner.page.locator('#webhook-list article').count()).toBe(1)
    expect(await partner.page.textContent('#webhook-list')).toContain('Payroll <b>inc</b>')
    expect(await partner.page.textContent('#webhook-list')).not.toContain('Internal BI')
    expect(await partner.page.isVisible('.tabs a[data-page=settings]')).toBe(false)
    expect(await partner.page.isVisible('#generate-key')).toBe(false)
    expect(partner.page.url()).not.toContain('ckp_') // the token left the address bar
    await partner.page.screenshot({ path: join(SHOTS, 'portal-1280.png'), fullPage: true })
    expect(partner.errors).toEqual([])
    await partner.context.close()

    // delete behind a confirmation: Cancel keeps it, Delete removes it
    await page.click('.tabs a[data-page=integration]')
    const internal = page.locator('article.webhook', { hasText: 'Internal BI' })
    await internal.locator('button:has-text("Delete")').click()
    await page.waitForSelector('#dlg-confirm[open]')
    await page.click('#dlg-confirm button[data-close]')
    expect(await internal.count()).toBe(1)
    await internal.locator('button:has-text("Delete")').click()
    await page.click('#dlg-confirm-ok')
    await poll(() => internal.count()).toBe(0)
    expect((await api('GET', '/v1/webhooks')).body.data).toHaveLength(1)

    await page.click('#sign-out')
    await page.waitForSelector('#sign-in:not([hidden])')
    expect(await page.evaluate(() => sessionStorage.getItem('clockhook.key'))).toBeNull()
    expect(errors).toEqual([])
    await context.close()
  }, 120_000)

  it('shows every page tidily at 1280 px and at 390 px, without horizontal scrolling', async () => {
    const pages: [string, string][] = [
      ['integration', '#webhook-list article'],
      ['settings', '#portal-webhooks input'],
      ['audit', '#audit tbody tr'],
      ['event-types', '#event-types section'],
      ['events', '#events tbody tr'],
      ['workers', '#workers tbody tr'],
    ]
    for (const width of WIDTHS) {
      const { context, page, errors } = await open(width)
      await page.goto(`${server.url}/console`)
      await page.screenshot({ path: join(SHOTS, `sign-in-${width}.png`), fullPage: true })
      await page.fill('#api-key', ADMIN)
      await page.click('#sign-in-form button')
      await page.waitForSelector('#app:not([hidden])')
      for (const [name, ready] of pages) {
        await page.click(`.tabs a[data-page="${name}"]`)
        await page.waitForSelector(`#page-${name} ${ready}`)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth)
        expect(overflow, `${name} at ${width} px`).toBeLessThanOrEqual(width)
        await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true })
      }
      await page.click('.tabs a[data-page="integration"]')
      await page.click('#add-webhook')
      await page.waitForSelector('#dlg-webhook[open]')
      await page.screenshot({ path: join(SHOTS, `webhook-form-${width}.png`) })
      await page.keyboard.press('Escape')
      await page.goto(`${server.url}/guide`)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      )
      await page.screenshot({ path: join(SHOTS, `guide-${width}.png`) })
      expect(errors).toEqual([])
      await context.close()
    }
  }, 120_000)
})
