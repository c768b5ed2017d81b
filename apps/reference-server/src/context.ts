import type { Logger as DeliveryLogger, Dispatcher } from '@clockhook/dispatcher'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import type { Config } from './config'
import type { AppDatabase } from './db/database'
import type { LongPolls } from './long-poll'
import type { Observability } from './observability'

/** The dispatcher's logger, plus `info` for the server's request lines (pino fits it). */
export interface Logger extends DeliveryLogger {
  info(obj: object, msg?: string): void
}

export interface AppContext {
  database: AppDatabase
  dispatcher: Dispatcher
  config: Config
  logger: Logger
  observability: Observability
  /** Replays `Idempotency-Key` POSTs; runs per route, after the scope check. */
  idempotency: MiddlewareHandler
  longPolls: LongPolls
}

export type App = OpenAPIHono
