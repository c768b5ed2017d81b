import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createDispatcher } from '@clockhook/dispatcher'
import { serve } from '@hono/node-server'
import { createApp } from './app'
import { audit } from './audit'
import type { Config } from './config'
import type { Logger } from './context'
import { aesGcmCipher, hashApiKey, loadMasterKey, newApiKey } from './crypto'
import { openDatabase } from './db/database'
import { createRenderer } from './events'
import { newId, now } from './ids'
import { createObservability } from './observability'
import { sweepExpiredDocuments } from './sweep'

export interface RunningServer {
  url: string
  /** The admin key printed at first start, when one was generated. */
  bootstrapKey: string | undefined
  close(): Promise<void>
}

const ALL_SCOPES = ['admin']

/** Opens the database, makes the first tenant if there is none, starts the API and the worker. */
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

  const versions = new Map<string, number>()
  const dispatcher = createDispatcher({
    store: database.store,
    secretCipher: aesGcmCipher(masterKey),
    render: createRenderer((tenantId) => versions.get(tenantId) ?? 1),
    ssrf: config.CLOCKHOOK_ALLOW_PRIVATE_URLS ? { allowPrivateNetworks: true } : {},
    ...(config.CLOCKHOOK_RETRY_SCHEDULE
      ? { retrySchedule: config.CLOCKHOOK_RETRY_SCHEDULE, pollIntervalMs: 200 }
      : {}),
    logger,
  })
  dispatcher.on('endpoint.disabled', ({ endpoint, reason }) => {
    audit(database.db, {
      tenantId: endpoint.tenantId,
      actor: 'system',
      action: 'webhook.auto_disabled',
      target: endpoint.id,
      details: { reason },
    }).catch((err) => logger.error({ err }, 'could not audit an auto-disable'))
  })
  for (const t of await database.db
    .selectFrom('tenants')
    .select(['id', 'default_version'])
    .execute()) {
    versions.set(t.id, t.default_version)
  }

  let bootstrapKey: string | undefined
  const existing = await database.db.selectFrom('tenants').select('id').limit(1).executeTakeFirst()
  if (!existing) {
    const tenantId = newId('ten_')
    const generated = newApiKey()
    const key = config.CLOCKHOOK_BOOTSTRAP_ADMIN_KEY ?? generated.key
    await database.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('tenants')
        .values({ id: tenantId, name: 'Default', default_version: 1, created_at: now() })
        .execute()
      await trx
        .insertInto('api_keys')
        .values({
          id: newId('key_'),
          tenant_id: tenantId,
          name: 'bootstrap admin',
          prefix: key.slice(0, 11),
          hash: hashApiKey(key),
          scopes: JSON.stringify(ALL_SCOPES),
          created_at: now(),
          last_used_at: null,
          revoked_at: null,
        })
        .execute()
    })
    versions.set(tenantId, 1)
    if (!config.CLOCKHOOK_BOOTSTRAP_ADMIN_KEY) {
      bootstrapKey = key
      print(`Created the first tenant. Its admin API key (shown once, keep it):\n\n  ${key}\n`)
    }
  }

  let sweeper: NodeJS.Timeout | undefined
  if (config.CLOCKHOOK_ROLE !== 'api') {
    await dispatcher.start()
    const sweep = () =>
      sweepExpiredDocuments(database.db, dispatcher).catch((err) =>
        logger.error({ err }, 'document expiry sweep failed'),
      )
    void sweep()
    sweeper = setInterval(sweep, 60_000)
    sweeper.unref()
  }

  let server: Server | undefined
  let url = ''
  if (config.CLOCKHOOK_ROLE !== 'worker') {
    const observability = createObservability(dispatcher)
    const app = createApp({ database, dispatcher, config, logger, observability }, (id, version) =>
      versions.set(id, version),
    )
    server = await new Promise<Server>((resolve) => {
      const s = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () =>
        resolve(s as Server),
      )
    })
    const { port } = server.address() as AddressInfo
    url = `http://${config.HOST}:${port}`
    print(
      `Clockhook API on ${url}\n  Console:       ${url}/console\n  API reference: ${url}/docs\n  OpenAPI:       ${url}/openapi.json\n  role ${config.CLOCKHOOK_ROLE}, database ${database.kind}`,
    )
  }

  return {
    url,
    bootstrapKey,
    async close() {
      clearInterval(sweeper)
      if (server) {
        await new Promise<void>((resolve) => server!.close(() => resolve()))
      }
      await dispatcher.stop({ timeoutMs: 10_000 })
      await database.close()
    },
  }
}
