import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig, startServer } from '@clockhook/reference-server'

export const ADMIN_KEY = 'ck_sdk_test_admin_key_that_is_long_enough_0123'

const silent = { info() {}, warn() {}, error() {} }

export interface TestServer {
  url: string
  adminKey: string
  close(): Promise<void>
}

/** A real reference server on 127.0.0.1, port 0, with a fresh SQLite file. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'clockhook-sdk-'))
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    CLOCKHOOK_DATA_DIR: dir,
    CLOCKHOOK_BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
    CLOCKHOOK_ALLOW_PRIVATE_URLS: '1',
    ...env,
  })
  const server = await startServer(config, silent, () => {})
  return {
    url: server.url,
    adminKey: ADMIN_KEY,
    async close() {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
