import { defaultClientConditions, defaultServerConditions } from 'vite'
import { defineConfig } from 'vitest/config'

/**
 * Workspace packages export their TypeScript source under the `@clockhook/source`
 * condition: tests and typechecks read `src` (no build needed), while Node at run time
 * and published packages use `dist`.
 */
export const sharedConfig = defineConfig({
  resolve: { conditions: ['@clockhook/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@clockhook/source', ...defaultServerConditions] } },
  test: { include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 },
})
