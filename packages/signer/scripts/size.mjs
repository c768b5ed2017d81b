// Minified + gzipped size of the verify-only entry, as an edge bundle would carry it.
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

export async function edgeVerifySize() {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../src/verify.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
  })
  const code = result.outputFiles[0].contents
  return {
    minified: code.length,
    gzipped: gzipSync(code, { level: 9 }).length,
    text: result.outputFiles[0].text,
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { minified, gzipped } = await edgeVerifySize()
  console.log(`@clockhook/signer/verify: ${minified} B minified, ${gzipped} B gzipped`)
}
