import { defineConfig } from 'tsup'

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    express: 'src/express/index.ts',
    hono: 'src/hono/index.ts',
    fastify: 'src/fastify/index.ts',
    fetch: 'src/fetch/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  sourcemap: true,
  treeshake: true,
  splitting: true,
  external: ['express', 'fastify', 'hono', '@clockhook/signer'],
})
