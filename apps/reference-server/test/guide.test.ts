import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventCatalog } from '../src/events'
import type { RunningServer } from '../src/index'
import { loadConfig, startServer } from '../src/index'
import { apiClient, eventually, silent } from './support'

const ADMIN = 'ck_guide_admin_key_long_enough_0123456789abc'

const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => existsSync(p))
if (!pdftotext) {
  const message = 'no pdftotext: the guide PDF check is SKIPPED (apt-get install poppler-utils).'
  if (process.env.CLOCKHOOK_REQUIRE_PDFTOTEXT === '1')
    throw new Error(`${message} CLOCKHOOK_REQUIRE_PDFTOTEXT=1 makes this a failure.`)
  console.warn(`\n⚠️  ${message}\n`)
}

const unescapeHtml = (s: string) =>
  s.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)))

/** The code block the guide page shows under the caption that starts with `caption`. */
function snippet(html: string, caption: string): string {
  const at = html.indexOf(`<figcaption>${caption}`)
  if (at < 0) throw new Error(`no snippet ${caption} in the guide`)
  const start = html.indexOf('<pre><code>', at) + '<pre><code>'.length
  return unescapeHtml(html.slice(start, html.indexOf('</code></pre>', start)))
}

/** Runs a receiver snippet; resolves once it prints the port it listens on. */
async function runReceiver(command: string, file: string, secret: string) {
  const child: ChildProcess = spawn(command, [file], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CLOCKHOOK_WEBHOOK_SECRET: secret },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (c) => {
    output += c
  })
  child.stderr!.on('data', (c) => {
    output += c
  })
  const port = await eventually(async () => {
    if (child.exitCode !== null) throw new Error(`${file} exited:\n${output}`)
    return /listening on (\d+)/.exec(output)?.[1] ?? false
  })
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    output: () => output,
    received: () => output.split('\n').filter((l) => l.startsWith('received')),
    stop: () => child.kill(),
  }
}

describe('the integration guide', () => {
  let dir: string
  let server: RunningServer
  const call = apiClient(() => server.url, ADMIN)
  let html: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clockhook-guide-'))
    server = await startServer(
      loadConfig({
        PORT: '0',
        CLOCKHOOK_DATA_DIR: dir,
        CLOCKHOOK_BOOTSTRAP_ADMIN_KEY: ADMIN,
        CLOCKHOOK_ALLOW_PRIVATE_URLS: '1',
      }),
      silent,
      () => {},
    )
    const res = await fetch(`${server.url}/guide`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    html = await res.text()
  })
  afterAll(async () => {
    await server?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('is an HTML page with every section and every event type and field of the catalog', () => {
    for (const title of [
      'Verifying signatures',
      'raw-body HMAC',
      'Payload format and versions',
      'Event catalog',
      'Retries, timeouts',
      'Duplicates and ordering',
      'The pull API',
      'Troubleshooting',
    ])
      expect(html).toContain(title)
    for (const t of eventCatalog()) {
      expect(html).toContain(`<h3>${t.type}</h3>`)
      for (const field of Object.keys((t.schemas['1'] as { properties: object }).properties))
        expect(html).toContain(`<td>${field}</td>`)
    }
    for (const caption of ['receiver.mjs', 'receiver.py', 'webhooks.php', 'receiver.go'])
      expect(snippet(html, caption).length).toBeGreaterThan(500)
    expect(html).not.toContain('<script')
  })

  it.skipIf(!pdftotext)('is a PDF that opens and holds the same sections', async () => {
    const res = await fetch(`${server.url}/guide.pdf`)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const file = join(dir, 'guide.pdf')
    writeFileSync(file, Buffer.from(await res.arrayBuffer()))
    const text = execFileSync(pdftotext!, ['-layout', file, '-']).toString()
    for (const expected of [
      'Clockhook integration guide',
      '2. Verifying signatures',
      '3. Receivers written for a raw-body HMAC',
      '5. Event catalog',
      'time_entry.updated',
      'changed_fields',
      '6. Retries, timeouts and answering fast',
      '8. The pull API',
      '9. Troubleshooting',
      'timingSafeEqual',
      'hmac.compare_digest',
      'hash_equals',
      'hmac.Equal',
    ])
      expect(text).toContain(expected)
    const info = execFileSync(pdftotext!.replace('pdftotext', 'pdfinfo'), [file]).toString()
    expect(info).toMatch(/Pages:\s+([5-9]|\d\d)/)
  })

  for (const [language, command, caption, file] of [
    ['Node.js', process.execPath, 'receiver.mjs', 'receiver.mjs'],
    ['Python', 'python3', 'receiver.py', 'receiver.py'],
  ] as const)
    it(`runs the guide's ${language} receiver against real deliveries`, async () => {
      const path = join(dir, file)
      writeFileSync(path, snippet(html, caption))
      const hook = await call('POST', '/v1/webhooks', {
        name: language,
        url: 'http://127.0.0.1:9/placeholder',
        events: ['clock.in'],
      })
      const receiver = await runReceiver(command, path, hook.body.secret)
      try {
        await call('PATCH', `/v1/webhooks/${hook.body.id}`, { url: receiver.url })
        // a test delivery verifies: the receiver answers 204
        const test = await call('POST', `/v1/webhooks/${hook.body.id}/test`)
        expect(test.body.attempt.http_status).toBe(204)
        // an event arrives, is verified and processed once
        const worker = (await call('POST', '/v1/workers', { name: language })).body
        await call('POST', '/v1/time-entries/clock-in', { worker_id: worker.id })
        await eventually(async () => receiver.received().length >= 2)
        expect(receiver.received()[1]).toMatch(/^received clock\.in msg_/)
        // a resend carries the same webhook-id: answered 2xx, processed no second time
        const [delivery] = (
          await call('GET', `/v1/webhooks/${hook.body.id}/deliveries?limit=1&status=succeeded`)
        ).body.data
        await call('POST', `/v1/deliveries/${delivery.id}/resend`)
        await eventually(async () => {
          const d = (await call('GET', `/v1/deliveries/${delivery.id}`)).body
          return d.attempts === 2 && d.status === 'succeeded'
        })
        expect(receiver.received()).toHaveLength(2)
        // after a rotation the old secret still verifies during the grace period
        await call('POST', `/v1/webhooks/${hook.body.id}/rotate-secret`, {
          grace_period_seconds: 3600,
        })
        const rotated = await call('POST', `/v1/webhooks/${hook.body.id}/test`)
        expect(rotated.body.attempt.http_status).toBe(204)
        // a forged or stale request is refused
        const body = JSON.stringify({
          type: 'clock.in',
          timestamp: new Date().toISOString(),
          data: {},
        })
        const now = Math.floor(Date.now() / 1000)
        const forged = await fetch(receiver.url, {
          method: 'POST',
          headers: {
            'webhook-id': 'msg_forged',
            'webhook-timestamp': String(now),
            'webhook-signature': `v1,${Buffer.alloc(32).toString('base64')}`,
          },
          body,
        })
        expect(forged.status).toBe(400)
        const secret = (await call('GET', `/v1/webhooks/${hook.body.id}/secret`)).body.secret
        const { Webhook } = await import('standardwebhooks')
        const stale = now - 3600
        const signature = new Webhook(secret.replace(/^whsec_/, '')).sign(
          'msg_stale',
          new Date(stale * 1000),
          body,
        )
        const old = await fetch(receiver.url, {
          method: 'POST',
          headers: {
            'webhook-id': 'msg_stale',
            'webhook-timestamp': String(stale),
            'webhook-signature': signature,
          },
          body,
        })
        expect(old.status).toBe(400)
        await eventually(async () => receiver.received().length >= 3)
        expect(receiver.received()).toHaveLength(3)
      } finally {
        receiver.stop()
      }
    }, 30_000)
})
