import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { Clockhook, ClockhookError } from '../src/index'
import { startTestServer, type TestServer } from './support'

const ENV_NAMES = ['CLOCKHOOK_API_KEY', 'CLOCKHOOK_BASE_URL'] as const

describe('client options', () => {
  let server: TestServer
  const saved = Object.fromEntries(ENV_NAMES.map((name) => [name, process.env[name]]))
  const setEnv = (values: Partial<Record<(typeof ENV_NAMES)[number], string>>) => {
    for (const name of ENV_NAMES) {
      if (values[name] === undefined) delete process.env[name]
      else process.env[name] = values[name]
    }
  }

  beforeAll(async () => {
    server = await startTestServer()
  })
  afterEach(() => {
    for (const name of ENV_NAMES) {
      if (saved[name] === undefined) delete process.env[name]
      else process.env[name] = saved[name]
    }
  })
  afterAll(async () => {
    await server?.close()
  })

  it('takes apiKey and baseUrl from CLOCKHOOK_API_KEY and CLOCKHOOK_BASE_URL when not given', async () => {
    setEnv({ CLOCKHOOK_API_KEY: server.adminKey, CLOCKHOOK_BASE_URL: `${server.url}/` })
    const clockhook = new Clockhook()
    expect(clockhook.baseUrl).toBe(server.url)
    const { data: worker } = await clockhook.workers.create({ name: 'from env' })
    expect((await clockhook.workers.retrieve(worker.id)).data.name).toBe('from env')
  })

  it('prefers the options over the environment, and an undefined option falls back to it', async () => {
    setEnv({ CLOCKHOOK_API_KEY: 'ck_from_env', CLOCKHOOK_BASE_URL: 'http://127.0.0.1:9' })
    const unset: string | undefined = process.env.CLOCKHOOK_TEST_NOT_SET
    const explicit = new Clockhook({ apiKey: server.adminKey, baseUrl: server.url })
    expect((await explicit.workers.list()).status).toBe(200)
    const fallback = new Clockhook({ apiKey: unset, baseUrl: unset })
    expect(fallback.baseUrl).toBe('http://127.0.0.1:9')
  })

  it('accepts process.env values by type and throws invalid_options naming the variable when unset', () => {
    setEnv({})
    const unset: string | undefined = process.env.CLOCKHOOK_TEST_NOT_SET
    const invalid = (message: RegExp) =>
      expect.objectContaining({
        name: 'ClockhookError',
        code: 'invalid_options',
        message: expect.stringMatching(message),
      })
    expect(() => new Clockhook({ apiKey: unset, baseUrl: server.url })).toThrow(
      invalid(/^apiKey is required .*CLOCKHOOK_API_KEY/),
    )
    expect(() => new Clockhook({ apiKey: 'ck_x', baseUrl: unset })).toThrow(
      invalid(/^baseUrl is required: .*CLOCKHOOK_BASE_URL/),
    )
    expect(() => new Clockhook()).toThrow(ClockhookError)
    expect(() => new Clockhook({ apiKey: 'ck_x', baseUrl: 'not a url' })).toThrow(
      invalid(/^baseUrl must be an absolute URL/),
    )
  })

  it('events.list takes after: null (a last page’s next_cursor) and sends no after for it', async () => {
    const urls: string[] = []
    const clockhook = new Clockhook({
      apiKey: server.adminKey,
      baseUrl: server.url,
      fetch: (input, init) => {
        urls.push(String(input))
        return fetch(input, init)
      },
    })
    await clockhook.workers.create({ name: 'pull' })
    let after: string | null | undefined
    const first = await clockhook.events.list({ after, types: ['worker.created'] })
    after = null
    const fromNull = await clockhook.events.list({ after, types: ['worker.created'] })
    expect(fromNull.data).toEqual(first.data)
    expect(new URL(urls.at(-1)!).searchParams.has('after')).toBe(false)
    after = first.next_cursor
    const next = await clockhook.events.list({ after, types: ['worker.created'] })
    expect(new URL(urls.at(-1)!).searchParams.get('after')).toBe(first.next_cursor)
    expect(next.data).toEqual([])
  })
})

describe('the built package', () => {
  const DIST = fileURLToPath(new URL('../dist/index.js', import.meta.url))

  it('prints an uncaught error under its own class name (ClockhookError, not _ClockhookError)', async () => {
    expect(existsSync(DIST), 'build the package first: pnpm --filter @clockhook/sdk build').toBe(
      true,
    )
    const script = `import { Clockhook } from ${JSON.stringify(DIST)}\nnew Clockhook({ baseUrl: 'http://127.0.0.1:9' })\n`
    const env = { ...process.env }
    delete env.CLOCKHOOK_API_KEY
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(code).toBe(1)
    expect(stderr).toMatch(/^ClockhookError: apiKey is required/m)
    expect(stderr).not.toContain('_ClockhookError')
  })
})
