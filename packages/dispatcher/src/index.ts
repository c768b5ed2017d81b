export type {
  CreateEndpointInput,
  DeliveryDetail,
  Dispatcher,
  DispatcherOptions,
  EndpointHealth,
  Logger,
  Renderer,
  Scope,
  SecretCipher,
  SendInput,
  UpdateEndpointInput,
} from './dispatcher'
export { createDispatcher } from './dispatcher'
export type { DispatcherErrorCode } from './errors'
export { DispatcherError } from './errors'
export type { DispatcherEventName, DispatcherEvents } from './events'
export { DEFAULT_RETRY_SCHEDULE_MS } from './schedule'
export type { SsrfOptions } from './ssrf'
export { memoryStore } from './store/memory'
export type { PostgresStoreOptions } from './store/postgres'
export { postgresStore } from './store/postgres'
export type { SqliteStoreOptions } from './store/sqlite'
export { sqliteStore } from './store/sqlite'
export type {
  AttemptOutcome,
  ClaimedDelivery,
  DeliveryStore,
  NewDelivery,
  Release,
  StoredEndpoint,
  StoredMessage,
} from './store/types'
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
