// The benchmark's accounting and report, without running the benchmark: CPU read from
// /proc, a Postgres client's ports, and the goals table rendered from known figures.
import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { processCpuMicros } from '../src/harness.ts'
import { clientPorts, postgresCpu } from '../src/proc.ts'
import { renderChart, renderMarkdown } from '../src/report.ts'
import type { Results } from '../src/run.ts'

describe('/proc accounting', () => {
  it('reads this process’s CPU, which grows with work', () => {
    const before = processCpuMicros(process.pid)
    let x = 0
    const until = performance.now() + 50
    while (performance.now() < until) x += Math.sqrt(x + 1)
    expect(x).toBeGreaterThan(0)
    expect(processCpuMicros(process.pid)).toBeGreaterThan(before)
    expect(processCpuMicros(2 ** 30)).toBe(0)
  })

  it('finds the local port of a connection to a given remote port', async () => {
    const server = createServer()
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const port = (server.address() as { port: number }).port
    const { Socket } = await import('node:net')
    const socket = new Socket()
    await new Promise<void>((r) => socket.connect(port, '127.0.0.1', r))
    expect(clientPorts(process.pid, port)).toEqual(new Set([socket.localPort]))
    socket.destroy()
    await new Promise<void>((r) => server.close(() => r()))
  })

  it('counts a Postgres backend only when it serves one of the given clients', () => {
    // pids that do not exist: nothing is attributed, nothing throws
    const spent = postgresCpu(new Map([[2 ** 30, 0]]), new Map([[2 ** 30, 500]]), [process.pid])
    expect(spent.backends).toBe(0)
    expect(spent.auxiliary).toBe(500)
  })
})

const system = (name: Results['summary'][number]['system'], dps: number, bulk: number | null) => ({
  system: name,
  runs: 1,
  failed: 0,
  deliveriesPerSecond: { median: dps, min: dps, max: dps },
  cpu: { system: 50, receiver: 15, database: 40, databaseAuxiliary: 1 },
  enqueue: { single: 1_000, bulk },
  latency: [{ rate: 1000, achieved: 1000, p50: 1, p99: 8 }],
})

const results: Results = {
  startedAt: '2026-11-24T09:00:00.000Z',
  finishedAt: '2026-11-24T09:10:00.000Z',
  machine: { cores: 2, model: 'test', node: 'v24', loadBefore: [1, 2, 3], loadAfter: [1, 1, 1] },
  config: {
    quick: false,
    rounds: 1,
    warmup: 10,
    messages: 100,
    single: 10,
    rates: [1000],
    latencySeconds: 1,
    scaleOut: true,
    scaleOutMessages: 100,
    rateLimitMessages: 10,
    backlog: 0,
    redisDb: 7,
    systems: ['clockhook-sqlite', 'clockhook-postgres', 'bullmq', 'pg-boss', 'undici'],
    inFlight: 64,
  },
  summary: [
    system('clockhook-sqlite', 40_000, null),
    system('clockhook-postgres', 30_000, null),
    system('bullmq', 10_000, 50_000),
    { ...system('pg-boss', 0, null), notRun: 'Postgres unreachable', runs: 0 },
    system('undici', 50_000, null),
  ],
  runs: [],
  scaleOut: [
    {
      workers: 1,
      deliveriesPerSecond: 10_000,
      duplicates: 0,
      delivered: 100,
      cpuPerDelivery: { api: 1, workers: 50, database: 40 },
      rateLimit: { limit: 50, measuredPerSecond: 50, messages: 10 },
    },
    {
      workers: 3,
      deliveriesPerSecond: 9_000,
      duplicates: 0,
      delivered: 100,
      cpuPerDelivery: { api: 1, workers: 60, database: 40 },
      rateLimit: { limit: 50, measuredPerSecond: 150, messages: 10 },
    },
  ],
}

describe('the report', () => {
  const md = renderMarkdown(results)

  it('states the machine, its load and that it is shared', () => {
    expect(md).toContain('2 cores (test), Node v24. Load average 1.00 / 2.00 / 3.00')
    expect(md).toContain('shared with other engineers')
  })

  it('gives each ratio against the peers that ran and marks the others not run', () => {
    expect(md).toMatch(
      /\| Clockhook, SQLite \| 40,000 \(40,000–40,000\) \| 4\.00× \| n\/a \| 0\.80× \|/,
    )
    expect(md).toContain('| pg-boss | not run (Postgres unreachable)')
    // the better peer is BullMQ alone when pg-boss did not run
    expect(md).toContain(
      '| SQLite deliveries/s ≥ 2× the better of BullMQ and pg-boss | 4.00× | yes |',
    )
  })

  it('reports bulk enqueue as n/a while Clockhook has no sendMany, and fails that goal', () => {
    expect(md).toContain('n/a (no bulk API)')
    expect(md).toMatch(
      /Enqueue ≥ 100 k\/s on SQLite \(bulk\) \| single 1,000\/s; bulk n\/a — no sendMany yet \| \*\*no\*\*/,
    )
  })

  it('judges the scale-out: a 10 % drop and a limit multiplied by the workers both fail', () => {
    expect(md).toMatch(
      /throughput does not drop from 1 to 3 workers \| 1: 10,000\/s, 3: 9,000\/s \| \*\*no\*\*/,
    )
    expect(md).toMatch(/Rate limit 50\/s holds across 3 workers.*\| \*\*no\*\* \|/)
    expect(md).toContain('no duplicates without kills | 1: 0, 3: 0 | yes |')
  })

  it('judges the backlog drain per run: over 300 MB or growing fails', () => {
    const b = (nodeOptions: string, first: number, last: number) => ({
      deliveries: 1_000_000,
      seconds: 80,
      perSecond: 12_500,
      cpuPerDelivery: 60,
      rssFirstMb: first,
      rssLastMb: last,
      rssMaxMb: last,
      heapFirstMb: 40,
      heapLastMb: 45,
      nodeOptions,
    })
    expect(renderMarkdown(results)).toContain('not run (BENCH_BACKLOG=0)')
    const withBacklog = renderMarkdown({
      ...results,
      backlog: [b('', 320, 335), b('--max-semi-space-size=4', 220, 226)],
    })
    expect(withBacklog).toContain('1,000,000-delivery backlog drains with flat RSS')
    expect(withBacklog).toContain('| defaults: **no**, tuned: yes |')
  })

  it('draws one bar per system that ran, with a title', () => {
    const svg = renderChart(results)
    expect(svg).toContain('<title>')
    expect(svg).toContain('>Clockhook, SQLite<')
    expect(svg).not.toContain('>pg-boss<')
  })
})
