// The benchmark's webhook receiver, in its own process: answers 204 and counts.
import { createServer } from 'node:http'

let count = 0
const server = createServer((req, res) => {
  req.resume()
  req.on('end', () => {
    count++
    res.writeHead(204).end()
  })
})
server.keepAliveTimeout = 30_000
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }))
process.on('disconnect', () => process.exit(0))
process.on('message', (msg) => {
  if (msg === 'count') process.send({ count })
})
