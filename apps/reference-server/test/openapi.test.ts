import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDispatcher } from '@clockhook/dispatcher'
import { describe, expect, it } from 'vitest'
import { createApp, loadConfig, openDatabase } from '../src/index'
import { createLongPolls } from '../src/long-poll'
import { createObservability } from '../src/observability'
import { openApiDocument } from '../src/openapi'

const COMMITTED = new URL('../openapi.json', import.meta.url)

describe('openapi.json', () => {
  it('matches the routes (UPDATE_OPENAPI=1 rewrites it)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clockhook-openapi-'))
    const database = await openDatabase({ dataDir: dir })
    try {
      const dispatcher = createDispatcher({ store: database.store })
      const silent = { info() {}, warn() {}, error() {} }
      const app = createApp({
        database,
        dispatcher,
        config: loadConfig({}),
        logger: silent,
        observability: createObservability(dispatcher),
        idempotency: async (_c, next) => next(),
        longPolls: createLongPolls(dispatcher),
      })
      const generated = `${JSON.stringify(openApiDocument(app), null, 2)}\n`
      if (process.env.UPDATE_OPENAPI === '1') writeFileSync(COMMITTED, generated)
      expect(
        generated,
        'openapi.json is stale: run `pnpm --filter @clockhook/reference-server openapi`',
      ).toBe(readFileSync(COMMITTED, 'utf8'))
      const docs = await app.request('/docs')
      expect(docs.status).toBe(200)
      expect(await docs.text()).toContain('/docs/assets/swagger-ui-bundle.js')
      const asset = await app.request('/docs/assets/swagger-ui-bundle.js')
      expect(asset.status).toBe(200)
      expect((await asset.text()).length).toBeGreaterThan(100_000)
      expect((await app.request('/docs/assets/../package.json')).status).toBe(404)
    } finally {
      await database.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
