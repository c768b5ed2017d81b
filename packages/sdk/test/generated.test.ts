import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CatalogEntry, renderEventTypes, renderOpenApiTypes } from '../scripts/codegen'
import { startTestServer, type TestServer } from './support'

// `pnpm --filter @clockhook/sdk generate` runs this file with UPDATE_GENERATED=1 to rewrite them.
const update = process.env.UPDATE_GENERATED === '1'
const file = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const OPENAPI = file('../../../apps/reference-server/openapi.json')
const OPENAPI_TYPES = file('../src/generated/openapi.ts')
const EVENT_TYPES = file('../src/generated/events.ts')

function check(path: string, expected: string) {
  if (update) writeFileSync(path, expected)
  const current = readFileSync(path, 'utf8')
  expect(
    current === expected,
    `${path} is stale: run \`pnpm --filter @clockhook/sdk generate\` and commit the result`,
  ).toBe(true)
}

describe('generated types', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server?.close()
  })

  it('src/generated/openapi.ts matches the server’s committed openapi.json', async () => {
    const document = JSON.parse(readFileSync(OPENAPI, 'utf8'))
    check(OPENAPI_TYPES, await renderOpenApiTypes(document))
  })

  it('src/generated/events.ts matches the server’s event catalog (GET /v1/event-types)', async () => {
    const res = await fetch(`${server.url}/v1/event-types`, {
      headers: { authorization: `Bearer ${server.adminKey}` },
    })
    expect(res.status).toBe(200)
    const { data } = (await res.json()) as { data: CatalogEntry[] }
    check(EVENT_TYPES, renderEventTypes(data))
  })
})
