import { pino } from 'pino'
import type { Logger } from './context'

/**
 * The server's logger: pino, one JSON line per event on stdout, at `LOG_LEVEL` (default
 * `info`). Authorization headers, API keys and secrets are redacted wherever they appear
 * in a logged object.
 */
export function createLogger(
  options: { level?: string; destination?: NodeJS.WritableStream } = {},
): Logger & { level: string } {
  return pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: {
        paths: [
          'authorization',
          'headers.authorization',
          '*.headers.authorization',
          'req.headers.authorization',
          'secret',
          '*.secret',
          'key',
          '*.key',
        ],
        censor: '[redacted]',
      },
    },
    options.destination ?? process.stdout,
  )
}
