// CPU accounting from /proc for the benchmark: a process, and the database server's share
// (the Postgres backends serving one client process plus Postgres' own auxiliary
// processes; every redis-server process).
import { readdirSync, readFileSync, readlinkSync } from 'node:fs'
import { pidsNamed, processCpuMicros } from './harness.ts'

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim()
  } catch {
    return ''
  }
}

/** Local TCP ports of a process's sockets connected to `remotePort` on any address. */
export function clientPorts(pid: number, remotePort: number): Set<number> {
  const inodes = new Set<string>()
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const link = readlinkSync(`/proc/${pid}/fd/${fd}`)
        const m = /^socket:\[(\d+)\]$/.exec(link)
        if (m) inodes.add(m[1]!)
      } catch {}
    }
  } catch {
    return new Set()
  }
  const ports = new Set<number>()
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = ''
    try {
      text = readFileSync(table, 'utf8')
    } catch {
      continue
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/)
      if (cols.length < 10) continue
      const local = cols[1]!
      const remote = cols[2]!
      if (!inodes.has(cols[9]!)) continue
      if (Number.parseInt(remote.split(':')[1]!, 16) !== remotePort) continue
      ports.add(Number.parseInt(local.split(':')[1]!, 16))
    }
  }
  return ports
}

export type CpuSnapshot = Map<number, number>

/** CPU of every process of a server, by pid. */
export function snapshot(comm: string): CpuSnapshot {
  const s = new Map<number, number>()
  for (const pid of pidsNamed(comm)) s.set(pid, processCpuMicros(pid))
  return s
}

/**
 * µs of CPU Postgres spent between two snapshots for `clients` (pids): the backends whose
 * process title names one of their local ports, plus the auxiliary processes (WAL writer,
 * checkpointer, autovacuum…), which other users of the server share.
 */
export function postgresCpu(
  before: CpuSnapshot,
  after: CpuSnapshot,
  clients: number[],
  port = 5432,
): { backends: number; auxiliary: number } {
  const ports = new Set<number>()
  for (const pid of clients) for (const p of clientPorts(pid, port)) ports.add(p)
  let backends = 0
  let auxiliary = 0
  for (const [pid, cpu] of after) {
    const spent = cpu - (before.get(pid) ?? 0)
    const title = cmdline(pid)
    const m = /\((\d+)\)/.exec(title)
    if (m) {
      if (ports.has(Number(m[1]))) backends += spent
    } else auxiliary += spent
  }
  return { backends, auxiliary }
}

/** µs of CPU of every process in `after` since `before` (for single-process servers). */
export function totalCpu(before: CpuSnapshot, after: CpuSnapshot): number {
  let total = 0
  for (const [pid, cpu] of after) total += cpu - (before.get(pid) ?? 0)
  return total
}
