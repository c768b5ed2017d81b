// The benchmark's webhook receiver, in its own process (forked with IPC). Answers 204;
// counts requests; reports at once when the count crosses the marks it was given (so the
// parent can read CPU and time at the edges of the measured window); measures send →
// first-byte latency for bodies carrying `sent_at` (epoch ms, taken when the request's
// headers arrive); counts repeated `webhook-id`s when asked to track them; holds requests
// to `/held…` for 50 ms and reports how many were open at once (concurrency limits).
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

let count = 0
let marks: number[] = []
let latencies: number[] = []
let track = false
const ids = new Set<string>()
let duplicates = 0
/** Arrivals per 100 ms bucket, for rate measurements (rate limits). */
let buckets: number[] = []
let bucketStart = 0
/** Requests to `/held…` are answered after 50 ms; how many were open at once, at most. */
let held = 0
let heldPeak = 0

const now = () => performance.timeOrigin + performance.now()

const server = createServer((req, res) => {
  const arrived = now()
  const chunks: Buffer[] = []
  req.on('data', (c: Buffer) => chunks.push(c))
  req.on('end', () => {
    count++
    if (track) {
      const id = String(req.headers['webhook-id'] ?? '')
      if (ids.has(id)) duplicates++
      else ids.add(id)
    }
    if (bucketStart > 0) {
      const b = Math.floor((arrived - bucketStart) / 100)
      buckets[b] = (buckets[b] ?? 0) + 1
    }
    const body = Buffer.concat(chunks).toString()
    const at = body.indexOf('"sent_at":')
    if (at >= 0) latencies.push(arrived - Number.parseFloat(body.slice(at + 10)))
    while (marks.length > 0 && count >= marks[0]!) {
      process.send?.({ mark: marks.shift(), at: now(), count })
    }
    if (req.url?.startsWith('/held')) {
      held++
      heldPeak = Math.max(heldPeak, held)
      setTimeout(() => {
        held--
        res.writeHead(204).end()
      }, 50)
      return
    }
    res.writeHead(204).end()
  })
})
server.keepAliveTimeout = 60_000
server.listen(0, '127.0.0.1', () =>
  process.send?.({ port: (server.address() as AddressInfo).port }),
)
process.on('disconnect', () => process.exit(0))
process.on('message', (msg: { cmd: string; marks?: number[]; track?: boolean }) => {
  if (msg.cmd === 'reset') {
    count = 0
    latencies = []
    marks = msg.marks ?? []
    track = msg.track ?? false
    ids.clear()
    duplicates = 0
    buckets = []
    bucketStart = 0
    heldPeak = 0
    process.send?.({ reset: true })
  } else if (msg.cmd === 'buckets') {
    buckets = []
    bucketStart = now()
    process.send?.({ buckets: true })
  } else if (msg.cmd === 'stats') {
    process.send?.({
      stats: {
        count,
        latencies,
        distinct: ids.size,
        duplicates,
        buckets: [...buckets],
        heldPeak,
      },
    })
  } else if (msg.cmd === 'exit') {
    server.close()
    process.exit(0)
  }
})
