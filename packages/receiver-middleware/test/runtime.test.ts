import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

const entry = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url))

describe('Web Crypto runtimes', () => {
  for (const path of ['index.ts', 'hono/index.ts', 'fetch/index.ts'])
    it(`bundles ${path} with its signer for a neutral platform: no node: imports`, async () => {
      const result = await build({
        entryPoints: [entry(path)],
        bundle: true,
        write: false,
        platform: 'neutral',
        format: 'esm',
        conditions: ['@clockhook/source'],
        mainFields: ['module', 'main'],
        external: ['hono'],
        metafile: true,
        logLevel: 'silent',
      })
      const inputs = Object.keys(result.metafile.inputs)
      expect(inputs.some((input) => input.includes('signer/src/verify.ts'))).toBe(true)
      expect(inputs.filter((input) => input.startsWith('node:'))).toEqual([])
      expect(result.outputFiles[0]!.text).not.toMatch(/from ["']node:/)
    })
})
