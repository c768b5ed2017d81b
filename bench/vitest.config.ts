import { mergeConfig } from 'vitest/config'
import { sharedConfig } from '../vitest.shared'

export default mergeConfig(sharedConfig, {
  test: { testTimeout: 300_000, hookTimeout: 120_000, fileParallelism: false },
})
