import type { Logger } from './context'

/** One JSON line per event on stdout; authorization headers are never logged. */
export function jsonLogger(
  write: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Logger {
  const log = (level: string) => (obj: object, msg?: string) => {
    const err = (obj as { err?: unknown }).err
    const fields =
      err instanceof Error ? { ...obj, err: { message: err.message, stack: err.stack } } : obj
    write(
      JSON.stringify({ level, time: new Date().toISOString(), ...(msg ? { msg } : {}), ...fields }),
    )
  }
  return { info: log('info'), warn: log('warn'), error: log('error') }
}
