import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Clockhook } from '../src/index'
import { startReceiver, startTestServer, type TestServer } from './support'

const BIN = fileURLToPath(new URL('../bin/clockhook.mjs', import.meta.url))

/** The built `clockhook` bin as a child process, with its output as lines. */
function run(args: string[], env: Record<string, string> = {}) {
  const child: ChildProcess = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const waiters: Array<() => void> = []
  let buffered = ''
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk
    const parts = buffered.split('\n')
    buffered = parts.pop() ?? ''
    lines.push(...parts)
    for (const wake of waiters.splice(0)) wake()
  })
  let stderr = ''
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {
    lines,
    stderr: () => stderr,
    exited,
    /** Resolves with the first line matching `pattern`, waiting for output as needed. */
    async line(pattern: RegExp): Promise<string> {
      for (;;) {
        const found = lines.find((l) => pattern.test(l))
        if (found) return found
        if (child.exitCode !== null) throw new Error(`exited; stderr: ${stderr}`)
        await new Promise<void>((r) => waiters.push(r))
      }
    },
    kill(signal: NodeJS.Signals) {
      child.kill(signal)
    },
  }
}

describe('clockhook listen (the built bin)', () => {
  let server: TestServer
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  let clockhook: Clockhook
  let dir: string
  const running: Array<ReturnType<typeof run>> = []

  beforeAll(async () => {
    expect(existsSync(BIN), 'build the package first: pnpm --filter @clockhook/sdk build').toBe(
      true,
    )
    server = await startTestServer()
    receiver = await startReceiver()
    clockhook = new Clockhook({ apiKey: server.adminKey, baseUrl: server.url })
    dir = mkdtempSync(join(tmpdir(), 'clockhook-listen-'))
  })
  afterAll(async () => {
    for (const r of running) r.kill('SIGKILL')
    await server?.close()
    await receiver?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const listen = (extra: string[]) => {
    const r = run(
      ['listen', '--forward-to', receiver.url, '--base-url', server.url, '--wait', '1', ...extra],
      { CLOCKHOOK_API_KEY: server.adminKey },
    )
    running.push(r)
    return r
  }

  it('forwards events signed from the start, saves the cursor on Ctrl-C, and resumes after it', async () => {
    const stateFile = join(dir, 'resume.json')
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
    const { data: worker } = await clockhook.workers.create({ name: 'Ada' })
    const { data: entry } = await clockhook.timeEntries.clockIn({ worker_id: worker.id })

    const first = listen([
      '--from-start',
      '--events',
      'clock.in,clock.out',
      '--secret',
      secret,
      '--state-file',
      stateFile,
    ])
    expect(await first.line(/^Signing secret: /)).toBe(`Signing secret: ${secret}`)
    const [request] = await receiver.waitFor(1)
    const event = await clockhook.webhooks.verify(request!.body, request!.headers, secret)
    expect(event.type).toBe('clock.in')
    expect(event.data).toMatchObject({ entry_id: entry.id })
    const line = await first.line(/Z {2}clock\.in /)
    expect(line).toContain(event.id)
    expect(line).toMatch(/-> 204 in \d+ ms/)

    first.kill('SIGINT')
    expect(await first.exited).toBe(0)
    expect(first.lines.at(-1)).toMatch(/^Stopped\. Cursor \d+ saved to /)
    const saved = JSON.parse(readFileSync(stateFile, 'utf8'))
    expect(saved).toEqual({ cursor: expect.stringMatching(/^\d+$/), secret })

    await clockhook.timeEntries.clockOut({ worker_id: worker.id })
    await clockhook.workers.create({ name: 'not forwarded: filtered out' })
    const second = listen(['--events', 'clock.in,clock.out', '--state-file', stateFile])
    expect(await second.line(/^Resuming after cursor/)).toBe(
      `Resuming after cursor ${saved.cursor}`,
    )
    expect(await second.line(/^Signing secret: /)).toBe(`Signing secret: ${secret}`)
    const requests = await receiver.waitFor(2)
    const resumed = await clockhook.webhooks.verify(requests[1]!.body, requests[1]!.headers, secret)
    expect(resumed.type).toBe('clock.out')
    await second.line(/clock\.out .* -> 204/)
    second.kill('SIGINT')
    expect(await second.exited).toBe(0)
    expect(receiver.received).toHaveLength(2)
  })

  it('without a cursor starts now, with a generated secret it prints', async () => {
    const before = receiver.received.length
    const r = listen(['--state-file', join(dir, 'now.json')])
    const secret = (await r.line(/^Signing secret: whsec_/)).slice('Signing secret: '.length)
    await r.line(/^State: /)
    const { data: worker } = await clockhook.workers.create({ name: 'Bo' })
    const requests = await receiver.waitFor(before + 1)
    const event = await clockhook.webhooks.verify(
      requests[before]!.body,
      requests[before]!.headers,
      secret,
    )
    expect(event).toMatchObject({ type: 'worker.created', data: { worker_id: worker.id } })
    await r.line(/worker\.created .* -> 204/)
    r.kill('SIGINT')
    expect(await r.exited).toBe(0)
    expect(receiver.received).toHaveLength(before + 1)
  })

  it('prints a failed local answer and keeps going', async () => {
    const down = await startReceiver(() => 500)
    const r = run(
      [
        'listen',
        '--forward-to',
        down.url,
        '--base-url',
        server.url,
        '--wait',
        '1',
        '--state-file',
        join(dir, 'down.json'),
      ],
      { CLOCKHOOK_API_KEY: server.adminKey },
    )
    running.push(r)
    await r.line(/^State: /)
    await clockhook.workers.create({ name: 'Cy' })
    expect(await r.line(/worker\.created/)).toMatch(/-> failed \(HTTP 500\)/)
    r.kill('SIGINT')
    expect(await r.exited).toBe(0)
    await down.close()
  })

  it('a 401 from the receiver prints a hint about the signing secret', async () => {
    const refusing = await startReceiver(() => 401)
    const r = run(
      ['listen', '--forward-to', refusing.url, '--base-url', server.url, '--wait', '1'].concat([
        '--events',
        'worker.created',
        '--state-file',
        join(dir, 'refusing.json'),
      ]),
      { CLOCKHOOK_API_KEY: server.adminKey },
    )
    running.push(r)
    await r.line(/^State: /)
    await clockhook.workers.create({ name: 'Dee' })
    expect(await r.line(/Z {2}worker\.created /)).toMatch(
      /-> failed \(HTTP 401\) in \d+ ms \(signature refused: does the receiver use the signing secret printed above\? see --secret\)$/,
    )
    r.kill('SIGINT')
    expect(await r.exited).toBe(0)
    await refusing.close()
  })

  it('--since forwards only events at or after that time', async () => {
    const own = await startReceiver()
    const { data: early } = await clockhook.workers.create({ name: 'early' })
    const timestampOf = async (workerId: string) => {
      for await (const e of clockhook.events.list({ types: ['worker.created'] }))
        if (e.type === 'worker.created' && 'worker_id' in e.data && e.data.worker_id === workerId)
          return e.timestamp
      throw new Error(`no worker.created for ${workerId}`)
    }
    const earlyAt = await timestampOf(early.id)
    while (new Date().toISOString() <= earlyAt) await new Promise((r) => setTimeout(r, 1))
    const { data: late } = await clockhook.workers.create({ name: 'late' })
    const since = await timestampOf(late.id)
    const r = run(
      ['listen', '--forward-to', own.url, '--base-url', server.url, '--wait', '1'].concat([
        '--events',
        'worker.created',
        '--since',
        since,
        '--state-file',
        join(dir, 'since.json'),
      ]),
      { CLOCKHOOK_API_KEY: server.adminKey },
    )
    running.push(r)
    expect(await r.line(/^Starting from events since/)).toContain(since)
    await r.line(/worker\.created .* -> 204/)
    r.kill('SIGINT')
    expect(await r.exited).toBe(0)
    const names = own.received.map((q) => JSON.parse(q.body).data.worker_name)
    expect(names).toContain('late')
    expect(names).not.toContain('early')
    await own.close()
  })

  it('refuses a bad key with exit code 1, a missing --forward-to and unknown event types with exit code 2', async () => {
    const bad = run([
      'listen',
      '--forward-to',
      receiver.url,
      '--base-url',
      server.url,
      '--api-key',
      'ck_nope',
      '--state-file',
      join(dir, 'bad.json'),
    ])
    expect(await bad.exited).toBe(1)
    expect(bad.stderr()).toMatch(/unauthorized/)
    const missing = run(['listen', '--base-url', server.url], {
      CLOCKHOOK_API_KEY: server.adminKey,
    })
    expect(await missing.exited).toBe(2)
    expect(missing.stderr()).toMatch(/^clockhook: --forward-to is required/)
    const notUrl = run(['listen', '--forward-to', 'localhost 3000'], {
      CLOCKHOOK_API_KEY: server.adminKey,
    })
    expect(await notUrl.exited).toBe(2)
    expect(notUrl.stderr()).toMatch(/^clockhook: --forward-to must be a URL/)
    const unknown = listen(['--events', 'clock.sideways'])
    expect(await unknown.exited).toBe(2)
    expect(unknown.stderr()).toMatch(/unknown event types: clock\.sideways/)
  })
})
