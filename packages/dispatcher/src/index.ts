export type {
  CreateEndpointInput,
  DeliveryDetail,
  Dispatcher,
  DispatcherOptions,
  EndpointHealth,
  ExtraHeaders,
  Logger,
  Renderer,
  Scope,
  SecretCipher,
  SendInput,
  UpdateEndpointInput,
  WriteOptions,
} from './api'
export type { Clock } from './clock'
export { createDispatcher } from './dispatcher'
export type { DispatcherErrorCode } from './errors'
export { DispatcherError } from './errors'
export type { DispatcherEventName, DispatcherEvents } from './events'
export { newId } from './ids'
export { DEFAULT_RETRY_SCHEDULE_MS } from './schedule'
export type { SsrfOptions } from './ssrf'
export { memoryStore } from './store/memory'
export type { PostgresStoreOptions } from './store/postgres'
export { postgresStore } from './store/postgres'
export type { SqliteStoreOptions } from './store/sqlite'
export { sqliteStore } from './store/sqlite'
/** What `memoryStore`, `sqliteStore` and `postgresStore` return; its parts are in `@clockhook/dispatcher/store`. */
export type { DeliveryStore } from './store/types'
export type {
  Attempt,
  AttemptErrorKind,
  AttemptTrigger,
  Delivery,
  DeliveryStatus,
  Endpoint,
  EndpointSecret,
  Message,
  Page,
} from './types'
