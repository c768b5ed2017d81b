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

describe('the patterns in openapi.json', () => {
  it('are what the server accepts: no JavaScript flags lost on the way (a client validates with them)', () => {
    const doc = JSON.parse(readFileSync(COMMITTED, 'utf8'))
    const patterns: Array<{ at: string; pattern: string }> = []
    const walk = (node: unknown, at: string) => {
      if (!node || typeof node !== 'object') return
      for (const [k, v] of Object.entries(node)) {
        if (k === 'pattern' && typeof v === 'string') patterns.push({ at, pattern: v })
        else walk(v, `${at}/${k}`)
      }
    }
    walk(doc, '#')
    expect(patterns.length).toBeGreaterThan(0)
    for (const { at, pattern } of patterns) expect(() => new RegExp(pattern, 'u'), at).not.toThrow()
    const legacy = patterns.filter((p) => p.at.includes('legacy_signature_header'))
    expect(legacy.length).toBeGreaterThan(0)
    for (const { pattern } of legacy) {
      expect(new RegExp(pattern, 'u').test('X-Hub-Signature-256')).toBe(true)
      expect(new RegExp(pattern, 'u').test('x-clockhook-signature')).toBe(true)
      expect(new RegExp(pattern, 'u').test('Authorization')).toBe(false)
    }
  })
})
