export type DispatcherErrorCode =
  | 'invalid_argument'
  | 'invalid_url'
  | 'url_not_allowed'
  | 'not_found'
  | 'conflict'
  | 'stopped'

/**
 * Every error the dispatcher throws on purpose: a stable `code` and a plain message.
 * Hosts map `not_found` to 404, `conflict` to 409, the rest of the codes to 400.
 *
 * @example
 * try { await dispatcher.resend(id) } catch (err) {
 *   if (err instanceof DispatcherError && err.code === 'not_found') return c.json(…, 404)
 * }
 */
export class DispatcherError extends Error {
  readonly code: DispatcherErrorCode

  constructor(code: DispatcherErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'DispatcherError'
    this.code = code
  }
}
