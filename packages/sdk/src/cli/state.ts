import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'

/** What `clockhook listen` remembers between runs. */
export interface ListenState {
  /** The pull API cursor after the last forwarded page. */
  cursor?: string
  /** The signing secret used, so the local receiver keeps working across runs. */
  secret?: string
}

/** `~/.config/clockhook/listen-<hash>.json`, one per API, key, target and event filter. */
export function defaultStateFile(parts: {
  baseUrl: string
  apiKey: string
  forwardTo: string
  events: readonly string[]
}): string {
  const keyHash = createHash('sha256').update(parts.apiKey).digest('hex')
  const id = createHash('sha256')
    .update(
      [parts.baseUrl, keyHash, parts.forwardTo, [...parts.events].sort().join(',')].join('\n'),
    )
    .digest('hex')
    .slice(0, 16)
  const config = process.env.XDG_CONFIG_HOME || join(homedir(), '.config')
  return join(config, 'clockhook', `listen-${id}.json`)
}

export function readState(file: string): ListenState {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {}
    throw err
  }
  const parsed = JSON.parse(text) as ListenState
  return {
    ...(typeof parsed.cursor === 'string' ? { cursor: parsed.cursor } : {}),
    ...(typeof parsed.secret === 'string' ? { secret: parsed.secret } : {}),
  }
}

/** Writes the state atomically (temp file, then rename), readable by the user only. */
export function writeState(file: string, state: ListenState): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 })
  renameSync(temp, file)
}
