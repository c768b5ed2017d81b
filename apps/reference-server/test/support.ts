import { spawn } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A logger that keeps tests quiet. */
export const silent = { info() {}, warn() {}, error() {} }

/** Calls the API with a key (`null`: none) and parses the JSON answer. */
export function apiClient(baseUrl: () => string, defaultKey: string) {
  return async (
    method: string,
    path: string,
    body?: unknown,
    key: string | null = defaultKey,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers }
  }
}

export interface Recorded {
  headers: Record<string, string>
  body: string
}

/** A webhook receiver on 127.0.0.1 that records every request and answers `status()`. */
export async function startRecorder(status: () => number = () => 204) {
  const received: Recorded[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      received.push({
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks).toString(),
      })
      res.writeHead(status()).end()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
    },
  }
}

/** Polls until `check` returns something other than `false`. */
export async function eventually<T>(check: () => Promise<T | false>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value !== false) return value
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

const CLI = new URL('../dist/cli.js', import.meta.url).pathname

/** Runs the built `clockhook-server` with extra environment; collects stdout and stderr. */
export function runCli(args: string[], env: Record<string, string>) {
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
  const printed = async (text: string, ms = 20_000) => {
    const deadline = Date.now() + ms
    while (!output.includes(text)) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`"${text}" never printed:\n${output}`)
      await new Promise((r) => setTimeout(r, 50))
    }
  }
  return { child, output: () => output, exited, printed }
}
