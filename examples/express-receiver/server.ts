import { verifyWebhooks } from '@clockhook/receiver-middleware/express'
import express from 'express'

const secret = process.env.CLOCKHOOK_WEBHOOK_SECRET
const app = express()

// The webhook route first: verifyWebhooks reads the raw bytes itself.
app.post('/webhooks', verifyWebhooks({ secret }), (req, res) => {
  const event = req.webhook!
  switch (event.type) {
    case 'clock.in':
      console.log(`${event.type} ${JSON.stringify(event.data)} (${event.id})`)
      break
    case 'clock.out':
      console.log(`${event.type} ${JSON.stringify(event.data)} (${event.id})`)
      break
    default:
      console.log(`${event.type} (${event.id})`)
  }
  res.sendStatus(204)
})

// Everything else may parse JSON as usual.
app.use(express.json())
app.get('/healthz', (_req, res) => {
  res.json({ ok: true })
})

const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : ''
  console.log(`listening on http://127.0.0.1:${port}`)
})
