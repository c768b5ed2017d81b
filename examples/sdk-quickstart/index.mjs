// The @clockhook/sdk quickstart. Needs a running server and an admin API key:
//   CLOCKHOOK_API_KEY=ck_… CLOCKHOOK_BASE_URL=http://127.0.0.1:8080 node index.mjs
import { Clockhook, NotFoundError } from '@clockhook/sdk'

const apiKey = process.env.CLOCKHOOK_API_KEY
if (!apiKey) {
  console.error('Set CLOCKHOOK_API_KEY to an API key (the server prints one at first start).')
  process.exit(2)
}
const clockhook = new Clockhook({
  apiKey,
  baseUrl: process.env.CLOCKHOOK_BASE_URL ?? 'http://127.0.0.1:8080',
})

// Where the pull API is now, so we read only the events this script causes.
const { next_cursor: start } = await clockhook.events.list({ limit: 1000 })

// 1. A worker, then a shift: one clock-in and one clock-out.
const { data: worker } = await clockhook.workers.create({ name: 'Ada Lovelace' })
console.log(`worker ${worker.id} created`)
await clockhook.timeEntries.clockIn({ worker_id: worker.id })
const { data: entry } = await clockhook.timeEntries.clockOut({ worker_id: worker.id })
console.log(`time entry ${entry.id}: ${entry.total_minutes} min`)

// 2. A webhook (disabled here: nothing listens). Its signing secret is shown once.
const { data: webhook } = await clockhook.webhooks.create({
  name: 'payroll',
  url: 'https://payroll.example.com/webhooks',
  events: ['clock.in', 'clock.out'],
  enabled: false,
})
console.log(`webhook ${webhook.id} created, secret ${webhook.secret.slice(0, 10)}…`)

// 3. The pull API: every event since `start`, in order, typed by `type`.
for await (const event of clockhook.events.list({ after: start })) {
  if (event.type === 'clock.out' && 'total_minutes' in event.data) {
    console.log(`event ${event.type} (${event.data.total_minutes} min)`)
  } else {
    console.log(`event ${event.type}`)
  }
}

// 4. Typed errors: a missing resource is a NotFoundError with the request id.
try {
  await clockhook.workers.retrieve('wkr_does_not_exist')
} catch (err) {
  if (!(err instanceof NotFoundError)) throw err
  console.log(`not found, as expected (request ${err.requestId})`)
}

await clockhook.webhooks.delete(webhook.id)
await clockhook.workers.delete(worker.id)
console.log('done')
