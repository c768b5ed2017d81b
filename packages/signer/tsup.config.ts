import { defineConfig } from 'tsup'

export default defineConfig({
  entry: { index: 'src/index.ts', verify: 'src/verify.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  sourcemap: true,
  treeshake: true,
})
