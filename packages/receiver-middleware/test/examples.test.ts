import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { post } from './http'
import { eventually, startReferenceServer } from './support'

// Each example runs as its users run it: `node server.ts`, importing the built packages.
const examples = [
  { name: 'express-receiver', path: '/webhooks' },
  { name: 'hono-receiver', path: '/webhooks' },
  { name: 'fetch-receiver', path: '/webhooks/clockhook' },
]

function start(name: string, secret: string) {
  const cwd = fileURLToPath(new URL(`../../../examples/${name}/`, import.meta.url))
  const child = spawn(process.execPath, ['server.ts'], {
    cwd,
    env: { ...process.env, PORT: '0', CLOCKHOOK_WEBHOOK_SECRET: secret },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output = { text: '' }
  child.stdout.on('data', (chunk) => {
    output.text += chunk
  })
  child.stderr.on('data', (chunk) => {
    output.text += chunk
  })
  return { child, output }
}

describe('the examples, against the reference server', () => {
  let server: Awaited<ReturnType<typeof startReferenceServer>>
  const children: ChildProcess[] = []
  beforeAll(async () => {
    server = await startReferenceServer()
  })
  afterAll(async () => {
    for (const child of children) {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill()
        await exited
      }
    }
    await server?.close()
  })

  for (const example of examples)
    it(`${example.name} logs a verified clock.in and refuses a forged one`, async () => {
      const webhook = await server.api('POST', '/v1/webhooks', {
        name: example.name,
        url: 'http://127.0.0.1:9/not-yet',
        events: ['clock.in'],
        enabled: false,
      })
      const { child, output } = start(example.name, webhook.secret)
      children.push(child)
      const base = await eventually(
        () => /listening on (http:\/\/\S+)/.exec(output.text)?.[1],
        15_000,
      ).catch((err) => {
        throw new Error(`${err.message}; output:\n${output.text}`)
      })
      const url = `${base}${example.path}`
      await server.api('PATCH', `/v1/webhooks/${webhook.id}`, { url, enabled: true })

      const worker = await server.api('POST', '/v1/workers', { name: `Ada ${example.name}` })
      await server.api('POST', '/v1/time-entries/clock-in', { worker_id: worker.id })
      await eventually(() => output.text.includes(`"worker_id":"${worker.id}"`))
      expect(output.text).toMatch(new RegExp(`clock\\.in \\{[^\\n]*${worker.id}[^\\n]*\\(msg_`))

      const forged = await post(url, JSON.stringify({ type: 'clock.in', data: {} }), {
        'content-type': 'application/json',
        'webhook-id': 'msg_forged',
        'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
        'webhook-signature': 'v1,Zm9yZ2Vk',
      })
      expect(forged).toMatchObject({
        status: 401,
        body: { error: { code: 'no_matching_signature' } },
      })
    })
})
