import { z } from '@hono/zod-openapi'

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.unknown()).optional(),
    }),
  })
  .openapi('Error')

export const errors = {
  400: { description: 'Invalid input', content: { 'application/json': { schema: ErrorSchema } } },
  401: {
    description: 'Missing or unknown API key',
    content: { 'application/json': { schema: ErrorSchema } },
  },
  403: {
    description: 'The key lacks the scope',
    content: { 'application/json': { schema: ErrorSchema } },
  },
  404: {
    description: 'Not found (or another tenant’s)',
    content: { 'application/json': { schema: ErrorSchema } },
  },
  409: { description: 'Conflict', content: { 'application/json': { schema: ErrorSchema } } },
} as const

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

export const body = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
})

export const IdParam = z.object({ id: z.string().min(1).max(100) })

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(200).optional(),
})

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), next_cursor: z.string().nullable(), has_more: z.boolean() })

export const security = [{ bearerAuth: [] }]

/** A page from rows fetched with `limit + 1`, in the API's `{ data, next_cursor, has_more }`. */
export function toPage<R extends { id: string }, T>(rows: R[], limit: number, map: (row: R) => T) {
  const hasMore = rows.length > limit
  const kept = rows.slice(0, limit)
  return {
    data: kept.map(map),
    has_more: hasMore,
    next_cursor: hasMore ? kept[kept.length - 1]!.id : null,
  }
}
