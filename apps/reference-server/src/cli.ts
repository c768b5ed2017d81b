#!/usr/bin/env node
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from './config'
import { openDatabase } from './db/database'
import { createLogger } from './logger'
import { type RunningServer, StartupError, startServer } from './server'
import { createAdminKey } from './tenants'

const USAGE = `clockhook-server [--role api|worker|all] [--port N] [--host H] [--database postgres://…]
clockhook-server create-admin-key [--tenant ten_…] [--name NAME] [--database postgres://…]

  create-admin-key   makes a new admin API key for a tenant (the only one, or --tenant)
                     and prints it once: for an operator who lost the first key.

Environment: PORT, HOST, LOG_LEVEL, DATABASE_URL, CLOCKHOOK_DATA_DIR, CLOCKHOOK_MASTER_KEY,
CLOCKHOOK_BOOTSTRAP_ADMIN_KEY, CLOCKHOOK_OPERATOR_KEY, CLOCKHOOK_ALLOW_PRIVATE_URLS, CLOCKHOOK_ROLE.`

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      database: { type: 'string' },
      tenant: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  const env = {
    ...process.env,
    ...(values.role ? { CLOCKHOOK_ROLE: values.role } : {}),
    ...(values.port ? { PORT: values.port } : {}),
    ...(values.host ? { HOST: values.host } : {}),
    ...(values.database ? { DATABASE_URL: values.database } : {}),
  }
  const [command, ...rest] = positionals
  if (command === 'create-admin-key' && rest.length === 0) {
    await printNewAdminKey(
      loadConfig(env),
      values.tenant,
      values.name ?? 'admin (created from the CLI)',
    )
    return
  }
  if (command !== undefined)
    throw new StartupError(`unknown command "${positionals.join(' ')}"\n\n${USAGE}`)

  const config = loadConfig(env)
  const logger = createLogger({ level: config.LOG_LEVEL })
  // the handlers are in place before anything starts: a signal during start-up waits for
  // it to finish, then shuts down cleanly (it never kills a half-started server)
  let server: RunningServer | undefined
  let stopping = false
  const shutDown = async () => {
    await server!.close()
    process.exit(0)
  }
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down: draining deliveries in flight')
    if (server) void shutDown()
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
  server = await startServer(config, logger)
  if (stopping) await shutDown()
}

async function printNewAdminKey(
  config: ReturnType<typeof loadConfig>,
  tenantId: string | undefined,
  name: string,
): Promise<void> {
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.CLOCKHOOK_DATA_DIR,
  })
  try {
    const tenants = await database.db.selectFrom('tenants').select(['id', 'name']).execute()
    const tenant = tenantId ? tenants.find((t) => t.id === tenantId) : tenants[0]
    if (tenants.length === 0)
      throw new StartupError('there is no tenant yet: start the server once')
    if (!tenant) throw new StartupError(`no tenant ${tenantId}`)
    if (!tenantId && tenants.length > 1)
      throw new StartupError(
        `there are ${tenants.length} tenants: name one with --tenant (${tenants.map((t) => t.id).join(', ')})`,
      )
    const { key } = await createAdminKey(database.db, tenant.id, { name, actor: 'operator:cli' })
    console.log(
      `New admin API key for tenant ${tenant.id} (${tenant.name}), shown once:\n\n  ${key}\n`,
    )
  } finally {
    await database.close()
  }
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof StartupError) console.error(err.message)
  else console.error(err)
  process.exit(1)
})
