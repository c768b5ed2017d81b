import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CatalogEntry, renderEventTypes, schemaToType } from '../scripts/render-event-types'
import { startReferenceServer } from './support'

const generated = fileURLToPath(new URL('../src/events.generated.ts', import.meta.url))

describe('the generated event types', () => {
  let server: Awaited<ReturnType<typeof startReferenceServer>>
  beforeAll(async () => {
    server = await startReferenceServer()
  })
  afterAll(() => server?.close())

  it('are current with the reference server’s event catalog', async () => {
    const { data } = (await server.api('GET', '/v1/event-types')) as { data: CatalogEntry[] }
    expect(data.length).toBeGreaterThan(0)
    const rendered = renderEventTypes(data)
    if (process.env.UPDATE_EVENT_TYPES) writeFileSync(generated, rendered)
    expect(readFileSync(generated, 'utf8')).toBe(rendered)
  })
})

describe('schemaToType', () => {
  it('renders required, optional, nullable, integer and array properties', () => {
    const type = schemaToType({
      type: 'object',
      properties: {
        id: { type: 'string' },
        n: { type: 'integer' },
        tags: { type: 'array', items: { type: 'string' } },
        at: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        kind: { enum: ['a', 'b'] },
      },
      required: ['id', 'n', 'tags', 'at'],
      additionalProperties: false,
    })
    expect(type).toBe(
      '{\n  id: string\n  n: number\n  tags: string[]\n  at: string | null\n  kind?: "a" | "b"\n}',
    )
  })
})
