import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig, startServer } from '@clockhook/reference-server'

export const ADMIN_KEY = 'ck_test_admin_key_that_is_long_enough_0123456789'
const silent = { info() {}, warn() {}, error() {} }

/** The reference server on SQLite in a temp dir, port 0, allowed to call 127.0.0.1. */
export async function startReferenceServer(extra: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'clockhook-receiver-'))
  const server = await startServer(
    loadConfig({
      PORT: '0',
      CLOCKHOOK_DATA_DIR: dir,
      CLOCKHOOK_BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
      CLOCKHOOK_ALLOW_PRIVATE_URLS: '1',
      CLOCKHOOK_RETRY_SCHEDULE: '0,0.2,0.2,0.5',
      ...extra,
    }),
    silent,
    () => {},
  )
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${ADMIN_KEY}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    // biome-ignore lint/suspicious/noExplicitAny: test helper over a JSON API
    const json: any = text ? JSON.parse(text) : null
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`)
    return json
  }
  return {
    url: server.url,
    api,
    async close() {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Polls until `check` returns something other than `false`/`undefined`. */
export async function eventually<T>(
  check: () => T | false | undefined | Promise<T | false | undefined>,
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value !== false && value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`)
    await new Promise((r) => setTimeout(r, 25))
  }
}
