import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createDispatcher } from '@clockhook/dispatcher'
import { serve } from '@hono/node-server'
import { createApp } from './app'
import { audit } from './audit'
import type { Config } from './config'
import type { Logger } from './context'
import { aesGcmCipher, loadMasterKey } from './crypto'
import { openDatabase } from './db/database'
import { createRenderer, legacySignature } from './events'
import { idempotentRequests } from './idempotency'
import { createLongPolls } from './long-poll'
import { createObservability } from './observability'
import { purgeByRetention } from './retention'
import { sweepExpiredDocuments } from './sweep'
import { tenantVersions } from './tenant-versions'
import { createFirstTenant } from './tenants'

export interface RunningServer {
  url: string
  /** The admin key printed at first start, when one was generated. */
  bootstrapKey: string | undefined
  close(): Promise<void>
}

/** Thrown when the server cannot start for a reason the operator can fix; one line. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'StartupError'
  }
}

/** How long `close()` waits for requests and deliveries in flight before cutting them off. */
const SHUTDOWN_DEADLINE_MS = 8_000
const MAINTENANCE_INTERVAL_MS = 60_000

/**
 * Opens the database, binds the port, makes the first tenant if there is none (only once
 * the port is bound), then starts the worker.
 */
export async function startServer(
  config: Config,
  logger: Logger,
  print: (line: string) => void = console.log,
): Promise<RunningServer> {
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.CLOCKHOOK_DATA_DIR,
  })
  const masterKey = loadMasterKey(config.CLOCKHOOK_MASTER_KEY, config.CLOCKHOOK_DATA_DIR, (m) =>
    logger.warn({}, m),
  )
  const cipher = aesGcmCipher(masterKey)
  const dispatcher = createDispatcher({
    store: database.store,
    secretCipher: cipher,
    render: createRenderer(tenantVersions(database.db)),
    extraHeaders: legacySignature,
    ssrf: config.CLOCKHOOK_ALLOW_PRIVATE_URLS ? { allowPrivateNetworks: true } : {},
    ...(config.CLOCKHOOK_RETRY_SCHEDULE
      ? { retrySchedule: config.CLOCKHOOK_RETRY_SCHEDULE, pollIntervalMs: 200 }
      : {}),
    logger,
  })
  dispatcher.on('endpoint.disabled', ({ endpoint, reason }) => {
    logger.warn({ webhook_id: endpoint.id, reason }, 'webhook disabled')
    audit(database.db, {
      tenantId: endpoint.tenantId,
      actor: 'system',
      action: 'webhook.auto_disabled',
      target: endpoint.id,
      details: { reason },
    }).catch((err) => logger.error({ err }, 'could not audit an auto-disable'))
  })
  const idempotency = idempotentRequests({ db: database.db, cipher })
  const longPolls = createLongPolls(dispatcher)

  let server: Server | undefined
  let url = ''
  if (config.CLOCKHOOK_ROLE !== 'worker') {
    const observability = createObservability(dispatcher)
    const app = createApp({
      database,
      dispatcher,
      config,
      logger,
      observability,
      idempotency: idempotency.middleware,
      longPolls,
    })
    try {
      server = await listen(app.fetch, config.PORT, config.HOST)
    } catch (err) {
      await dispatcher.stop({ timeoutMs: 0 })
      await database.close()
      if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE')
        throw new StartupError(
          `port ${config.PORT} on ${config.HOST} is already in use: stop the other process or set PORT`,
        )
      if ((err as NodeJS.ErrnoException).code === 'EACCES')
        throw new StartupError(`not allowed to listen on ${config.HOST}:${config.PORT}`)
      throw err
    }
    url = `http://${config.HOST}:${(server.address() as AddressInfo).port}`
  }

  let bootstrapKey: string | undefined
  const first = await createFirstTenant(database.db, database.kind, {
    name: 'Default',
    defaultVersion: null,
    actor: 'system:bootstrap',
    ...(config.CLOCKHOOK_BOOTSTRAP_ADMIN_KEY
      ? { adminKey: config.CLOCKHOOK_BOOTSTRAP_ADMIN_KEY }
      : {}),
  })
  if (first) {
    const { adminKey } = first
    if (!config.CLOCKHOOK_BOOTSTRAP_ADMIN_KEY) {
      bootstrapKey = adminKey
      print(`Created the first tenant. Its admin API key (shown once, keep it):\n\n  ${adminKey}\n`)
    }
  }
  if (server)
    print(
      `Clockhook API on ${url}\n  Console:       ${url}/console\n  API reference: ${url}/docs\n  OpenAPI:       ${url}/openapi.json\n  role ${config.CLOCKHOOK_ROLE}, database ${database.kind}`,
    )

  const maintenance = () => {
    idempotency
      .purgeExpired()
      .catch((err) => logger.error({ err }, 'could not purge expired idempotency records'))
    if (config.CLOCKHOOK_ROLE !== 'api') {
      sweepExpiredDocuments(database.db, dispatcher).catch((err) =>
        logger.error({ err }, 'document expiry sweep failed'),
      )
      purgeByRetention(database.db, dispatcher).catch((err) =>
        logger.error({ err }, 'retention purge failed'),
      )
    }
  }
  if (config.CLOCKHOOK_ROLE !== 'api') await dispatcher.start()
  maintenance()
  const timer = setInterval(maintenance, MAINTENANCE_INTERVAL_MS)
  timer.unref()

  return {
    url,
    bootstrapKey,
    async close() {
      clearInterval(timer)
      longPolls.close()
      await Promise.all([
        server ? closeHttp(server, SHUTDOWN_DEADLINE_MS) : undefined,
        dispatcher.stop({ timeoutMs: SHUTDOWN_DEADLINE_MS }),
      ])
      await database.close()
    },
  }
}

function listen(fetch: (req: Request) => Response | Promise<Response>, port: number, host: string) {
  return new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch, port, hostname: host }, () => resolve(s as Server)) as Server
    s.once('error', reject)
  })
}

/** Stops accepting, lets requests in flight finish until the deadline, then cuts the rest. */
async function closeHttp(server: Server, deadlineMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  server.closeIdleConnections()
  let timer: NodeJS.Timeout | undefined
  await Promise.race([
    closed,
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, deadlineMs)
    }),
  ])
  clearTimeout(timer)
  server.closeAllConnections()
  await closed
}
