#!/usr/bin/env node
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from './config'
import { jsonLogger } from './logger'
import { startServer } from './server'

const USAGE = `clockhook-server [--role api|worker|all] [--port N] [--host H] [--database postgres://…]

Environment: PORT, HOST, DATABASE_URL, CLOCKHOOK_DATA_DIR, CLOCKHOOK_MASTER_KEY,
CLOCKHOOK_BOOTSTRAP_ADMIN_KEY, CLOCKHOOK_OPERATOR_KEY, CLOCKHOOK_ALLOW_PRIVATE_URLS, CLOCKHOOK_ROLE.`

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      database: { type: 'string' },
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
  const logger = jsonLogger()
  const server = await startServer(loadConfig(env), logger)
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down: draining deliveries in flight')
    await server.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message)
  else console.error(err)
  process.exit(1)
})
