import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs script without types
import { edgeVerifySize } from '../scripts/size.mjs'

describe('the verify-only entry', () => {
  it('stays under 4 KB minified and gzipped, with no Node import', async () => {
    const { gzipped, text } = (await edgeVerifySize()) as { gzipped: number; text: string }
    expect(gzipped).toBeLessThan(4096)
    expect(text).not.toMatch(/node:|require\(|process\./)
  })
})
