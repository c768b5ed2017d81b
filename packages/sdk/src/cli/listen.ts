import { generateSecret, Webhook } from '@clockhook/signer'
import { Clockhook } from '../client'
import { AuthenticationError, ClockhookError, PermissionError } from '../core/errors'
import type { EventType } from '../types'
import { forwardEvent } from './forward'
import { defaultStateFile, type ListenState, readState, writeState } from './state'

/** Appended to a 401 from the local receiver: almost always a receiver using another secret. */
export const SIGNATURE_HINT =
  ' (signature refused: does the receiver use the signing secret printed above? see --secret)'

export interface ListenOptions {
  forwardTo: string
  apiKey: string
  baseUrl: string
  events: EventType[]
  /** Where to start when `--from-start`/`--since` are absent and no cursor is saved: now. */
  start: { kind: 'saved-or-now' } | { kind: 'from-start' } | { kind: 'since'; since: Date }
  secret: string | undefined
  stateFile: string | undefined
  /** Long-poll seconds per pull (1–30). */
  wait: number
  /** Events per page. */
  limit: number
  forwardTimeoutMs: number
}

export interface Output {
  line(text: string): void
  error(text: string): void
}

/**
 * Follows the pull API and forwards every event, signed, to a local URL until `signal`
 * aborts; then saves the cursor. Resolves with the exit code.
 */
export async function listen(
  options: ListenOptions,
  out: Output,
  signal: AbortSignal,
): Promise<number> {
  const clockhook = new Clockhook({ apiKey: options.apiKey, baseUrl: options.baseUrl })
  const stateFile = options.stateFile ?? defaultStateFile(options)
  const saved = readState(stateFile)
  const secret = options.secret ?? saved.secret ?? generateSecret()
  const signer = new Webhook(secret)
  const state: ListenState = { ...saved, secret }

  let cursor: string | undefined
  let since: Date | undefined
  try {
    if (options.start.kind === 'from-start') cursor = undefined
    else if (options.start.kind === 'since') since = options.start.since
    else if (saved.cursor !== undefined) cursor = saved.cursor
    else cursor = await endCursor(clockhook, options.events, signal)
  } catch (err) {
    if (signal.aborted) return 0
    return fail(out, err)
  }

  out.line(`Forwarding events from ${clockhook.baseUrl} to ${options.forwardTo}`)
  out.line(`Events: ${options.events.length > 0 ? options.events.join(', ') : 'all'}`)
  out.line(`Signing secret: ${secret}`)
  out.line(
    options.start.kind === 'from-start'
      ? 'Starting from the first event'
      : since
        ? `Starting from events since ${since.toISOString()}`
        : saved.cursor !== undefined
          ? `Resuming after cursor ${cursor}`
          : 'Starting from now',
  )
  out.line(`State: ${stateFile} (Ctrl-C saves the cursor)`)
  state.cursor = cursor
  writeState(stateFile, state)

  let apiFailures = 0
  while (!signal.aborted) {
    let page: Awaited<ReturnType<typeof clockhook.events.list>>
    try {
      page = await clockhook.events.list(
        {
          ...(cursor === undefined ? {} : { after: cursor }),
          ...(options.events.length > 0 ? { types: options.events } : {}),
          limit: options.limit,
          wait: options.wait,
        },
        { signal },
      )
      apiFailures = 0
    } catch (err) {
      if (signal.aborted) break
      if (err instanceof AuthenticationError || err instanceof PermissionError) {
        return fail(out, err)
      }
      if (err instanceof ClockhookError && err.status !== undefined && err.status < 500) {
        return fail(out, err)
      }
      apiFailures++
      const delay = Math.min(30_000, 1000 * 2 ** Math.min(apiFailures, 5))
      out.error(`API unavailable (${(err as Error).message}); retrying in ${delay / 1000} s`)
      await pause(delay, signal)
      continue
    }
    for (const event of page.data) {
      if (since && Date.parse(event.timestamp) < since.getTime()) continue
      const result = await forwardEvent(event, options.forwardTo, signer, options.forwardTimeoutMs)
      const head = `${new Date().toISOString()}  ${event.type.padEnd(18)} ${event.id}`
      out.line(
        result.ok
          ? `${head}  -> ${result.status} in ${result.ms} ms`
          : `${head}  -> failed (${result.error}) in ${result.ms} ms${result.status === 401 ? SIGNATURE_HINT : ''}`,
      )
    }
    cursor = page.next_cursor ?? cursor
    state.cursor = cursor
    writeState(stateFile, state)
  }
  writeState(stateFile, state)
  out.line(`Stopped. Cursor ${cursor ?? '(start)'} saved to ${stateFile}`)
  return 0
}

/** The cursor after the last event there is now (skips history). */
async function endCursor(
  clockhook: Clockhook,
  events: EventType[],
  signal: AbortSignal,
): Promise<string | undefined> {
  let cursor: string | undefined
  for (;;) {
    const page = await clockhook.events.list(
      {
        ...(cursor === undefined ? {} : { after: cursor }),
        ...(events.length > 0 ? { types: events } : {}),
        limit: 1000,
      },
      { signal },
    )
    cursor = page.next_cursor ?? cursor
    if (!page.has_more) return cursor
  }
}

function fail(out: Output, err: unknown): number {
  if (err instanceof ClockhookError) {
    out.error(
      `clockhook listen: ${err.message} (${err.code}${err.status ? `, ${err.status}` : ''})`,
    )
  } else {
    out.error(`clockhook listen: ${(err as Error).message ?? String(err)}`)
  }
  return 1
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        resolve()
      },
      { once: true },
    )
  })
}
