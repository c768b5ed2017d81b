import { defineConfig } from 'tsup'

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    target: 'es2022',
    platform: 'neutral',
    sourcemap: true,
    treeshake: true,
    // Keeps class names as written: without it esbuild renames `class ClockhookError` to
    // `_ClockhookError` and an uncaught error prints under that name.
    keepNames: true,
    // p-retry is ESM-only: bundled so `require('@clockhook/sdk')` works on every Node ≥ 22.
    noExternal: ['p-retry', 'is-network-error'],
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node22',
    platform: 'node',
    sourcemap: true,
    keepNames: true,
    noExternal: ['p-retry', 'is-network-error'],
    banner: { js: '#!/usr/bin/env node' },
  },
])
