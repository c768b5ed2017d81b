export type { ClockhookOptions } from './client'
export { Clockhook } from './client'
export type { ErrorBody } from './core/errors'
export {
  AuthenticationError,
  ClockhookError,
  ConflictError,
  ConnectionError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
} from './core/errors'
export type { PageBody } from './core/pagination'
export { Page, PagePromise } from './core/pagination'
export type { APIResponse, RequestOptions } from './core/types'
export { EVENT_TYPES } from './generated/events'
export type { VerifyOptions } from './resources/webhooks'
export type * from './types'
