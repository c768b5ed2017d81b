import type { Dispatcher } from '@clockhook/dispatcher'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import type { Config } from './config'
import type { AppDatabase } from './db/database'
import type { LongPolls } from './long-poll'
import type { Observability } from './observability'

export interface Logger {
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
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
