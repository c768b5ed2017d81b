import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from './support'

const SCRIPT = fileURLToPath(new URL('../../../examples/sdk-quickstart/index.mjs', import.meta.url))

describe('examples/sdk-quickstart', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server?.close()
  })

  it('runs against a fresh server and prints each step', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [SCRIPT], {
      env: { ...process.env, CLOCKHOOK_API_KEY: server.adminKey, CLOCKHOOK_BASE_URL: server.url },
      timeout: 30_000,
    })
    const lines = stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^worker wkr_\S+ created$/)
    expect(lines[1]).toMatch(/^time entry te_\S+: 0 min$/)
    expect(lines[2]).toMatch(/^webhook wh_\S+ created, secret whsec_/)
    expect(lines.slice(3, 6)).toEqual([
      'event worker.created',
      'event clock.in',
      'event clock.out (0 min)',
    ])
    expect(lines[6]).toMatch(/^not found, as expected \(request \S+\)$/)
    expect(lines[7]).toBe('done')
  })

  it('exits 2 with a hint when CLOCKHOOK_API_KEY is missing', async () => {
    const env: Record<string, string | undefined> = {
      ...process.env,
      CLOCKHOOK_BASE_URL: server.url,
    }
    delete env.CLOCKHOOK_API_KEY
    const err = await promisify(execFile)(process.execPath, [SCRIPT], { env }).catch((e) => e)
    expect(err.code).toBe(2)
    expect(err.stderr).toMatch(/CLOCKHOOK_API_KEY/)
  })
})
