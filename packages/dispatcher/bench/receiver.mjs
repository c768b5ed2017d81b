// The benchmark's receiver, in its own process: answers 204, counts requests and, for
// bodies carrying `sent_at` (epoch ms), measures send→receive latency.
import { createServer } from 'node:http'

let count = 0
let latencies = []
const server = createServer((req, res) => {
  const chunks = []
  req.on('data', (c) => chunks.push(c))
  req.on('end', () => {
    count++
    const body = Buffer.concat(chunks).toString()
    const at = body.indexOf('"sent_at":')
    if (at >= 0) {
      const sentAt = Number.parseFloat(body.slice(at + 10))
      latencies.push(performance.timeOrigin + performance.now() - sentAt)
    }
    res.writeHead(204).end()
  })
})
server.keepAliveTimeout = 30_000
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }))
// never outlive the benchmark
process.on('disconnect', () => process.exit(0))
process.on('message', (msg) => {
  if (msg === 'stats') {
    process.send({ count, latencies })
    count = 0
    latencies = []
  } else if (msg === 'exit') {
    server.close()
    process.exit(0)
  }
})
