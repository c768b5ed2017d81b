import { z } from 'zod'

const flag = z
  .enum(['1', '0', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true')

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (leave it unset for SQLite)')
    .optional(),
  CLOCKHOOK_DATA_DIR: z.string().min(1).default('./.data'),
  CLOCKHOOK_MASTER_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
    .optional(),
  CLOCKHOOK_BOOTSTRAP_ADMIN_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  CLOCKHOOK_OPERATOR_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  CLOCKHOOK_ALLOW_PRIVATE_URLS: flag,
  CLOCKHOOK_ROLE: z.enum(['api', 'worker', 'all']).default('all'),
  CLOCKHOOK_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(100),
  CLOCKHOOK_RETRY_SCHEDULE: z
    .string()
    .regex(
      /^\d+(\.\d+)?(,\d+(\.\d+)?)*$/,
      'must be comma-separated delays in seconds, e.g. 0,5,300,1800',
    )
    .transform((v) => v.split(',').map((s) => Math.round(Number(s) * 1000)))
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().optional(),
})

export type Config = z.output<typeof schema>

/** Thrown when the environment (or the CLI flags) hold a bad value; names the variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

/** Reads and validates the configuration; empty strings count as unset. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  )
  const parsed = schema.safeParse(cleaned)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`)
  }
  const config = parsed.data
  if (config.NODE_ENV === 'production' && !config.CLOCKHOOK_MASTER_KEY) {
    throw new ConfigError(
      'CLOCKHOOK_MASTER_KEY: required when NODE_ENV=production (32 bytes, base64)',
    )
  }
  return config
}
