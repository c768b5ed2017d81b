import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const fixture = fileURLToPath(new URL('./fixtures/dist-errors.mjs', import.meta.url))
const { NODE_OPTIONS: _, ...env } = process.env

// The built package (turbo builds before testing), loaded by plain Node as users load it.
for (const format of ['cjs', 'esm'])
  describe(`the ${format} build`, () => {
    it('shares one error class between the core and the adapters', async () => {
      const { stdout } = await promisify(execFile)(process.execPath, [fixture, format], { env })
      expect(JSON.parse(stdout)).toEqual({
        status: 500,
        errors: 1,
        instanceOfCore: true,
        code: 'raw_body_unavailable',
      })
    })
  })
