import { parseArgs } from 'node:util'
import { EVENT_TYPES } from '../generated/events'
import type { EventType } from '../types'
import { type ListenOptions, listen } from './listen'

const HELP = `Usage: clockhook listen --forward-to <url> [options]

Follows the Clockhook pull API and forwards every event to a local URL, signed like a
webhook (Standard Webhooks headers). No tunnel needed.

Options:
  --forward-to <url>     where to POST each event (required)
  --events <a,b>         only these event types (default: all)
  --from-start           forward every event from the first one
  --since <time>         forward events since an ISO-8601 time
  --api-key <key>        an API key with events:read (default: $CLOCKHOOK_API_KEY)
  --base-url <url>       the API (default: $CLOCKHOOK_BASE_URL or http://127.0.0.1:8080)
  --secret <whsec_…>     signing secret (default: generated once, kept in the state file)
  --state-file <path>    where the cursor is saved (default: ~/.config/clockhook/listen-<hash>.json)
  --wait <seconds>       long-poll time per pull, 1-30 (default 25)
  -h, --help             this help

Without --from-start or --since, a run resumes from the saved cursor, or starts now.
`

function usage(message: string): never {
  process.stderr.write(`clockhook: ${message}\n\n${HELP}`)
  process.exit(2)
}

function parseListen(args: string[]): ListenOptions {
  const { values } = parseArgs({
    args,
    options: {
      'forward-to': { type: 'string' },
      events: { type: 'string' },
      'from-start': { type: 'boolean' },
      since: { type: 'string' },
      'api-key': { type: 'string' },
      'base-url': { type: 'string' },
      secret: { type: 'string' },
      'state-file': { type: 'string' },
      wait: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  })
  if (values.help) {
    process.stdout.write(HELP)
    process.exit(0)
  }
  const forwardTo = values['forward-to']
  if (forwardTo === undefined || forwardTo === '') {
    usage(
      '--forward-to is required: the local URL to POST events to, e.g. http://localhost:3000/webhooks',
    )
  }
  if (!URL.canParse(forwardTo))
    usage('--forward-to must be a URL, e.g. http://localhost:3000/webhooks')
  const apiKey = values['api-key'] ?? process.env.CLOCKHOOK_API_KEY
  if (!apiKey) usage('an API key is needed: --api-key or CLOCKHOOK_API_KEY')
  const baseUrl = values['base-url'] ?? process.env.CLOCKHOOK_BASE_URL ?? 'http://127.0.0.1:8080'
  if (!URL.canParse(baseUrl)) usage('--base-url must be a URL')
  const events = (values.events ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
  const unknown = events.filter((t) => !(EVENT_TYPES as readonly string[]).includes(t))
  if (unknown.length > 0) {
    usage(`unknown event types: ${unknown.join(', ')} (known: ${EVENT_TYPES.join(', ')})`)
  }
  if (values['from-start'] && values.since) usage('use --from-start or --since, not both')
  let start: ListenOptions['start'] = { kind: 'saved-or-now' }
  if (values['from-start']) start = { kind: 'from-start' }
  if (values.since !== undefined) {
    const since = new Date(values.since)
    if (Number.isNaN(since.getTime())) usage('--since must be a time, e.g. 2026-11-24T08:00:00Z')
    start = { kind: 'since', since }
  }
  const wait = values.wait === undefined ? 25 : Number(values.wait)
  if (!Number.isInteger(wait) || wait < 1 || wait > 30) usage('--wait must be 1 to 30 seconds')
  return {
    forwardTo,
    apiKey,
    baseUrl,
    events: events as EventType[],
    start,
    secret: values.secret,
    stateFile: values['state-file'],
    wait,
    limit: 20,
    forwardTimeoutMs: 10_000,
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(HELP)
    return command === undefined ? 2 : 0
  }
  if (command !== 'listen') usage(`unknown command: ${command}`)
  let options: ListenOptions
  try {
    options = parseListen(rest)
  } catch (err) {
    usage((err as Error).message)
  }
  const controller = new AbortController()
  const stop = () => {
    if (controller.signal.aborted) process.exit(130)
    controller.abort()
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  return listen(
    options,
    {
      line: (text) => process.stdout.write(`${text}\n`),
      error: (text) => process.stderr.write(`${text}\n`),
    },
    controller.signal,
  )
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`clockhook: ${(err as Error).stack ?? String(err)}\n`)
    process.exit(1)
  },
)
