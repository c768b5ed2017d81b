import { type OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppContext } from '../context'
import { ApiError } from '../errors'
import { EVENT_TYPES, envelope, eventCatalog } from '../events'
import { LATEST_STABLE_VERSION } from '../tenant-versions'
import { json, protectedRoute, resource } from './common'

const Event = z
  .object({
    id: z.string(),
    type: z.string(),
    timestamp: z.string(),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi('Event')

/** `/v1/events` (the pull API) and `/v1/event-types` (the catalog). */
export function eventRoutes({ database, dispatcher, longPolls }: AppContext): OpenAPIHono {
  const app = resource()

  app.openapi(
    protectedRoute('events:read', {
      operationId: 'listEvents',
      summary: 'Pull events',
      description:
        'The pull API: the same envelopes the webhooks carry, in order and gap-free for a reader that follows `next_cursor`. With `wait`, an empty answer is held until an event arrives or the wait ends (long-poll).',
      method: 'get',
      path: '/events',
      tags: ['Events'],
      request: {
        query: z.object({
          after: z
            .string()
            .regex(/^\d{1,15}$/, 'must be a next_cursor value')
            .optional(),
          types: z.string().max(1000).optional(),
          limit: z.coerce.number().int().min(1).max(1000).optional(),
          wait: z.coerce.number().int().min(0).max(30).optional(),
        }),
      },
      responses: {
        200: json(
          z.object({ data: z.array(Event), next_cursor: z.string(), has_more: z.boolean() }),
          'Events in order; follow next_cursor',
        ),
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const { tenantId } = c.get('caller')
      const types = q.types
        ? q.types
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean)
        : undefined
      const unknown = types?.filter((t) => !(EVENT_TYPES as string[]).includes(t)) ?? []
      if (unknown.length > 0)
        throw new ApiError(400, 'validation_failed', `unknown event types: ${unknown.join(', ')}`)
      const tenant = await database.db
        .selectFrom('tenants')
        .select('default_version')
        .where('id', '=', tenantId)
        .executeTakeFirst()
      const version = tenant?.default_version ?? LATEST_STABLE_VERSION
      const query = () =>
        dispatcher.listMessages({ tenantId, after: q.after ?? null, types, limit: q.limit ?? 100 })
      let page = await query()
      if (page.data.length === 0 && (q.wait ?? 0) > 0) {
        const release = longPolls.acquire(c.get('caller').keyId, tenantId)
        try {
          const deadline = Date.now() + q.wait! * 1000
          let seen = Number(q.after ?? 0)
          while (page.data.length === 0) {
            const head = await longPolls.waitForNewer(tenantId, seen, deadline, c.req.raw.signal)
            if (head === null) break
            seen = head
            page = await query()
          }
        } finally {
          release()
        }
      }
      return c.json(
        {
          data: page.data.map((m) => ({ id: m.id, ...envelope(m, version) })),
          next_cursor: page.nextCursor ?? '0',
          has_more: page.hasMore,
        },
        200,
      )
    },
  )

  app.openapi(
    protectedRoute('events:read', {
      operationId: 'listEventTypes',
      summary: 'List event types',
      description:
        'The event catalog: every type with a JSON Schema of its `data` for each payload version.',
      method: 'get',
      path: '/event-types',
      tags: ['Events'],
      responses: {
        200: json(
          z.object({
            data: z.array(
              z.object({
                type: z.string(),
                description: z.string(),
                schemas: z.record(z.string(), z.unknown()),
              }),
            ),
          }),
          'The event catalog with a JSON Schema per payload version',
        ),
      },
    }),
    (c) => c.json({ data: eventCatalog() }, 200),
  )

  return app
}
