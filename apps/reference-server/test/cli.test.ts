import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig, startServer } from '../src/index'
import { apiClient, eventually, runCli } from './support'

const ADMIN = 'ck_test_admin_key_that_is_long_enough_0123456789'

describe('clockhook-server', () => {
  it('starts, prints the key and the URLs once, and shuts down cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clockhook-cli-'))
    const run = runCli(['--port', '0', '--role', 'all'], { CLOCKHOOK_DATA_DIR: dir })
    try {
      const deadline = Date.now() + 20_000
      while (!run.output().includes('/console')) {
        if (Date.now() > deadline || run.child.exitCode !== null) throw new Error(run.output())
        await new Promise((r) => setTimeout(r, 50))
      }
      expect(run.output()).toMatch(/admin API key[\s\S]*ck_/)
      const url = /Clockhook API on (http:\/\/\S+)/.exec(run.output())![1]!
      expect((await fetch(`${url}/readyz`)).status).toBe(200)
      run.child.kill('SIGTERM')
      expect(await run.exited).toBe(0)
      expect(run.output()).toContain('shutting down')
    } finally {
      run.child.kill('SIGKILL')
      rmSync(dir, { recursive: true, force: true })
    }
  }, 30_000)

  it('refuses a bad setting at start-up, naming the variable', async () => {
    const run = runCli([], {
      CLOCKHOOK_ROLE: 'boss',
      CLOCKHOOK_DATA_DIR: join(tmpdir(), 'never-created'),
    })
    expect(await run.exited).toBe(1)
    expect(run.output()).toContain('CLOCKHOOK_ROLE')
  })

  it('says in one line that the port is taken, exits 1, and makes no tenant', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clockhook-cli-'))
    const blocker = createServer()
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r))
    const { port } = blocker.address() as AddressInfo
    try {
      const run = runCli(['--port', String(port)], { CLOCKHOOK_DATA_DIR: dir })
      expect(await run.exited).toBe(1)
      const lines = run.output().trim().split('\n')
      expect(lines.at(-1)).toBe(
        `port ${port} on 127.0.0.1 is already in use: stop the other process or set PORT`,
      )
      expect(run.output()).not.toContain('ck_')
      // no key was printed, and the next start on a free port makes the first tenant then
      const next = runCli(['--port', '0'], { CLOCKHOOK_DATA_DIR: dir })
      const deadline = Date.now() + 20_000
      while (!next.output().includes('/console')) {
        if (Date.now() > deadline || next.child.exitCode !== null) throw new Error(next.output())
        await new Promise((r) => setTimeout(r, 50))
      }
      expect(next.output()).toMatch(/admin API key[\s\S]*ck_/)
      next.child.kill('SIGTERM')
      expect(await next.exited).toBe(0)
    } finally {
      blocker.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }, 30_000)

  it('create-admin-key prints a working admin key for an operator who lost the first one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clockhook-cli-'))
    try {
      const none = runCli(['create-admin-key'], { CLOCKHOOK_DATA_DIR: dir })
      expect(await none.exited).toBe(1)
      expect(none.output()).toContain('there is no tenant yet')
      const server = await startServer(
        loadConfig({ PORT: '0', CLOCKHOOK_DATA_DIR: dir }),
        { info() {}, warn() {}, error() {} },
        () => {},
      )
      try {
        const made = runCli(['create-admin-key', '--name', 'recovery'], { CLOCKHOOK_DATA_DIR: dir })
        expect(await made.exited).toBe(0)
        const key = /\n\s+(ck_\S+)/.exec(made.output())![1]!
        const res = await fetch(`${server.url}/v1/api-keys`, {
          headers: { authorization: `Bearer ${key}` },
        })
        expect(res.status).toBe(200)
        const { data } = (await res.json()) as { data: { name: string; scopes: string[] }[] }
        expect(data.find((k) => k.name === 'recovery')?.scopes).toEqual(['admin'])
        const unknown = runCli(['create-admin-key', '--tenant', 'ten_nope'], {
          CLOCKHOOK_DATA_DIR: dir,
        })
        expect(await unknown.exited).toBe(1)
        expect(unknown.output()).toContain('no tenant ten_nope')
      } finally {
        await server.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 30_000)

  it('stops within 10 s on SIGTERM while deliveries hang, and gives them back to the queue', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clockhook-cli-'))
    const hanging: ServerResponse[] = []
    let received = 0
    const receiver = createServer((req, res) => {
      received++
      req.resume()
      if (received <= 3)
        hanging.push(res) // never answered
      else res.writeHead(204).end()
    })
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
    const hooks = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`
    const env = {
      CLOCKHOOK_DATA_DIR: dir,
      CLOCKHOOK_BOOTSTRAP_ADMIN_KEY: ADMIN,
      CLOCKHOOK_ALLOW_PRIVATE_URLS: '1',
    }
    try {
      const first = runCli(['--port', '0'], env)
      await first.printed('/console')
      const url = /Clockhook API on (http:\/\/\S+)/.exec(first.output())![1]!
      const call = apiClient(() => url, ADMIN)
      await call('POST', '/v1/webhooks', { name: 'hangs', url: hooks, events: ['worker.created'] })
      for (const name of ['a', 'b', 'c']) await call('POST', '/v1/workers', { name })
      await eventually(async () => received >= 3)
      const started = Date.now()
      first.child.kill('SIGTERM')
      expect(await first.exited).toBe(0)
      expect(Date.now() - started).toBeLessThan(10_000)
      // the next start sends what was cut off again, at once
      const second = runCli(['--port', '0'], env)
      try {
        await eventually(async () => received >= 6, 15_000)
      } finally {
        second.child.kill('SIGTERM')
        await second.exited
      }
    } finally {
      for (const res of hanging) res.destroy()
      receiver.closeAllConnections()
      receiver.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }, 40_000)
})
