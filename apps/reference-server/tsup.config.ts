import { defineConfig } from 'tsup'

export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  format: ['esm'],
  dts: false,
  clean: true,
  target: 'es2022',
  platform: 'node',
  sourcemap: true,
  banner: { js: '' },
})
