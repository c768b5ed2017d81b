import type { OpenAPIHono } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import { except } from 'hono/combine'
import { requestId } from 'hono/request-id'
import { authenticate } from './auth'
import { registerConsole } from './console/index'
import type { AppContext } from './context'
import { registerDocs } from './docs'
import { ApiError, errorBody, renderError } from './errors'
import { registerGuide } from './guide/index'
import { refuseUnencodableStrings } from './input-guard'
import { rateLimit } from './limits'
import { openApiDocument } from './openapi'
import { portalGuard } from './portal'
import { apiKeyRoutes } from './routes/api-keys'
import { auditLogRoutes } from './routes/audit-log'
import { ErrorSchema, resource } from './routes/common'
import { deliveryRoutes } from './routes/deliveries'
import { documentRoutes } from './routes/documents'
import { eventRoutes } from './routes/events'
import { portalSessionRoutes } from './routes/portal-sessions'
import { settingsRoutes } from './routes/settings'
import { shiftRoutes } from './routes/shifts'
import { tenantRoutes } from './routes/tenants'
import { timeEntryRoutes } from './routes/time-entries'
import { timeEntryCorrectionRoutes } from './routes/time-entry-corrections'
import { webhookDeliveryRoutes } from './routes/webhook-deliveries'
import { webhookSecretRoutes } from './routes/webhook-secrets'
import { webhookRoutes } from './routes/webhooks'
import { workerRoutes } from './routes/workers'

const MAX_BODY_BYTES = 256 * 1024

/** The HTTP API: every route, every error in the one error shape. */
export function createApp(ctx: AppContext): OpenAPIHono {
  const app = resource()

  app.use('*', requestId({ limitLength: 100 }))
  app.use('*', async function logAndMeasure(c, next) {
    c.set('idempotency', ctx.idempotency)
    const started = performance.now()
    await next()
    const ms = performance.now() - started
    ctx.observability.httpRequest(c.req.method, c.req.routePath, c.res.status, ms / 1000)
    ctx.logger.info({
      request_id: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      duration_ms: Math.round(ms),
    })
  })
  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        // the rest of the body is never read: close the connection so the client's next
        // request goes out on a fresh one instead of a socket we are about to reset
        throw new ApiError(
          413,
          'payload_too_large',
          `request bodies are limited to ${MAX_BODY_BYTES / 1024} KiB`,
          undefined,
          { connection: 'close' },
        )
      },
    }),
  )
  app.use('/v1/*', refuseUnencodableStrings)
  // every /v1 route but the operator's takes an API key, limited per key
  app.use(
    '/v1/*',
    except(
      '/v1/tenants',
      authenticate(ctx.database),
      portalGuard(ctx.dispatcher),
      rateLimit(ctx.config.CLOCKHOOK_RATE_LIMIT, ctx.config.CLOCKHOOK_RATE_LIMIT * 2),
    ),
  )

  app.get('/healthz', (c) => c.json({ status: 'ok' }))
  app.get('/metrics', async (c) =>
    c.body(await ctx.observability.render(), 200, {
      'content-type': ctx.observability.contentType,
    }),
  )
  app.get('/readyz', async (c) => {
    try {
      await ctx.database.ping()
      return c.json({ status: 'ready' })
    } catch {
      return c.json(errorBody('not_ready', 'the database is not reachable'), 503)
    }
  })

  const operator = tenantRoutes(ctx)
  if (operator) app.route('/v1/tenants', operator)
  app.route('/v1/workers', workerRoutes(ctx))
  app.route('/v1/workers', documentRoutes(ctx))
  app.route('/v1/time-entries', timeEntryRoutes(ctx))
  app.route('/v1/time-entries', timeEntryCorrectionRoutes(ctx))
  app.route('/v1/shifts', shiftRoutes(ctx))
  app.route('/v1/webhooks', webhookRoutes(ctx))
  app.route('/v1/webhooks', webhookSecretRoutes(ctx))
  app.route('/v1/webhooks', webhookDeliveryRoutes(ctx))
  app.route('/v1/deliveries', deliveryRoutes(ctx))
  app.route('/v1', eventRoutes(ctx))
  app.route('/v1/api-keys', apiKeyRoutes(ctx))
  app.route('/v1/audit-log', auditLogRoutes(ctx))
  app.route('/v1/settings', settingsRoutes(ctx))
  app.route('/v1/portal-sessions', portalSessionRoutes(ctx))

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key: `Authorization: Bearer ck_…`',
  })
  if (operator)
    app.openAPIRegistry.registerComponent('securitySchemes', 'operatorKey', {
      type: 'http',
      scheme: 'bearer',
      description: 'The operator key (`CLOCKHOOK_OPERATOR_KEY`), in the same header',
    })
  app.openAPIRegistry.register('Error', ErrorSchema)
  let document: object | undefined
  app.get('/openapi.json', (c) => {
    document ??= openApiDocument(app)
    return c.json(document)
  })

  registerDocs(app)
  registerConsole(app)
  registerGuide(app)

  app.notFound((c) =>
    c.json(errorBody('not_found', `no route for ${c.req.method} ${c.req.path}`), 404),
  )
  app.onError((err, c) => renderError(err, c, (obj, msg) => ctx.logger.error(obj, msg)))
  return app
}
