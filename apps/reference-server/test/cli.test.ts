import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const CLI = new URL('../dist/cli.js', import.meta.url).pathname

function runCli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (c) => {
    output += c
  })
  child.stderr.on('data', (c) => {
    output += c
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, output: () => output, exited }
}

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
})
